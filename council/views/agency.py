"""An agency's screens: its resolutions in the neighbourhoods it serves, one resolution with its progress,
and a form to add a progress note and propose a status. Anything else — another agency's resolution,
another neighbourhood's — is a 404 whatever the id."""

from django import forms
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..accounts import account_of
from ..choices import Status
from ..models import ProgressNote, Resolution
from ..models.resolution import today_in_tehran

TITLE = _("مصوبه‌های دستگاه")
PER_PAGE = 30
NOT_FOUND = _("چنین مصوبه‌ای به دستگاه شما سپرده نشده است.")


def resolutions_of(account):
    return Resolution.objects.filter(agency=account.agency, neighborhood__in=account.neighborhoods.all())


class ProgressForm(forms.Form):
    text = forms.CharField(
        label=_("گزارش پیشرفت"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("بنویسید چه کاری انجام شد.")},
    )
    proposed_status = forms.ChoiceField(
        label=_("پیشنهاد وضعیت"),
        required=False,
        choices=[("", _("بدون پیشنهاد"))] + Status.choices,
        help_text=_("دفتر تسهیلگری محله وضعیت پیشنهادی را بررسی و تأیید می‌کند."),
    )


class AgencyMixin(WagtailAdminTemplateMixin):
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        self.account = account_of(request.user)
        if self.account is None:
            messages.error(request, gettext("این بخش ویژه حساب‌های دستگاه‌های مسئول است."))
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext("پیشخوان")},
            {"url": reverse("council_agency:index"), "label": TITLE},
        ]


class AgencyResolutionsView(AgencyMixin, TemplateView):
    template_name = "council/admin/agency_index.html"
    page_title = TITLE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = today_in_tehran()
        resolutions = resolutions_of(self.account).select_related("neighborhood", "meeting__committee", "meeting__province").order_by(
            "due_date", "pk"
        )
        status = self.request.GET.get("status", "")
        if status != "overdue" and status not in Status.values:
            status = ""
        resolutions = resolutions.with_status(status, today)
        page = Paginator(resolutions, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            account=self.account, resolutions=page, page_obj=page, status=status, statuses=Status.choices, today=today
        )
        return context


class AgencyResolutionView(AgencyMixin, TemplateView):
    template_name = "council/admin/agency_resolution.html"

    def get_page_title(self):
        return gettext("مصوبه")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = kwargs["pk"]

    def resolution(self):
        found = (
            resolutions_of(self.account)
            .select_related("neighborhood", "meeting__committee", "meeting__province")
            .prefetch_related("notes__author")
            .filter(pk=self.pk)
            .first()
        )
        if found is None:
            raise Http404(NOT_FOUND)
        return found

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(resolution=self.resolution(), form=form or ProgressForm(), today=today_in_tehran())
        return context

    def post(self, request, *args, **kwargs):
        resolution = self.resolution()
        form = ProgressForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        ProgressNote.objects.create(resolution=resolution, text=form.cleaned_data["text"], author=request.user)
        proposed = form.cleaned_data["proposed_status"]
        if proposed and proposed != resolution.status:
            resolution.proposed_status, resolution.proposed_by, resolution.proposed_at = proposed, request.user, timezone.now()
            resolution.save(update_fields=["proposed_status", "proposed_by", "proposed_at", "updated_at"])
        messages.success(request, gettext("گزارش پیشرفت ثبت شد و دفتر محله آن را می‌بیند."))
        return redirect("council_agency:resolution", pk=resolution.pk)
