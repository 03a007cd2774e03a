"""The heads' screen: the neighbourhood's staff, and which of them read its confidential cases."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from portal.digits import to_latin_digits

from ..caseworkers import neighborhoods_headed_by, set_caseworker, staff_of

TITLE = _("مددکاران محله")
NOT_FOUND = _("این کاربر در کارکنان محله‌ای که شما مسئول آن هستید نیست.")


def _id(value):
    value = to_latin_digits(value or "").strip()
    return int(value) if value.isdigit() and len(value) <= 12 else None


class CaseworkersView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "participation/admin/caseworkers.html"
    page_title = TITLE
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.headed = neighborhoods_headed_by(request.user).order_by("path")
        if not self.headed.exists():
            messages.error(request, gettext("گزینش مددکاران ویژه مسئولان دفترهای محله است."))
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": gettext("پیشخوان")}, {"url": "", "label": TITLE}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A head has one neighbourhood; a superuser choosing anywhere picks one first.
        chosen = _id(self.request.GET.get("neighborhood"))
        neighborhoods = list(self.headed[:2]) if chosen is None else list(self.headed.filter(pk=chosen))
        neighborhood = neighborhoods[0] if len(neighborhoods) == 1 else None
        context.update(
            neighborhood=neighborhood,
            staff=staff_of(neighborhood) if neighborhood else [],
            choices=self.headed.values_list("pk", "title") if neighborhood is None else [],
        )
        return context

    def post(self, request, *args, **kwargs):
        neighborhood = self.headed.filter(pk=_id(request.POST.get("neighborhood"))).first()
        member = None
        if neighborhood is not None:
            member = next((m for m in staff_of(neighborhood) if m.pk == _id(request.POST.get("user"))), None)
        if member is None:
            raise Http404(NOT_FOUND)
        chosen = request.POST.get("caseworker") == "1"
        set_caseworker(neighborhood, member, chosen)
        log(instance=member, action="wagtail.edit", user=request.user, data={"caseworker_of": neighborhood.pk, "chosen": chosen})
        name = member.get_full_name() or member.get_username()
        if chosen:
            messages.success(request, gettext("%(name)s از این پس پرونده‌های محرمانه این محله را می‌خواند.") % {"name": name})
        else:
            messages.success(request, gettext("%(name)s دیگر پرونده‌های محرمانه این محله را نمی‌خواند.") % {"name": name})
        return redirect(f"{reverse('participation_inbox:caseworkers')}?neighborhood={neighborhood.pk}")
