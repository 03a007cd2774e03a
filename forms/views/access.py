"""The audit trail in the admin: who read residents' personal data, for those who oversee a scope."""

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import audit, tracking

TITLE = _("سوابق دسترسی به داده‌های شخصی")
PER_PAGE = 50


class AccessRecordsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "participation/admin/access.html"
    page_title = TITLE
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not audit.may_see_trail(request.user):
            messages.error(request, gettext("دیدن سوابق دسترسی ویژه سرپرستان دفترها و هماهنگ‌کنندگان است."))
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": gettext("پیشخوان")}, {"url": "", "label": TITLE}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = audit.records_for(self.request.user).select_related("neighborhood")
        code = self.request.GET.get("code", "").strip()
        if code:
            records = records.filter(tracking_code=tracking.normalize(code))
        paginator = Paginator(records, PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            page_obj=page,
            records=page.object_list,
            code=code,
            page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        )
        return context
