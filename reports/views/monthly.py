"""Monthly reports: made by one action for a neighbourhood and a Jalali month, kept, listed by scope
(a coordinator sees the province's together) and printed from a page of their own or downloaded as a PDF."""

from urllib.parse import urlencode

from django import forms
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages

from forms import audit
from forms.models import AccessRecord
from forms.scope import neighborhoods_for
from neighborhoods.models import NeighborhoodPage, ProvincePage
from portal import jalali
from portal.digits import to_latin_digits

from .. import figures, needs
from ..models import MonthlyReport
from ..periods import YearInput, current_month, month_period, today_in_tehran
from ..scope import NO_SCOPE, OUT_OF_SCOPE, choices_for
from .common import ReportsAdminMixin

TITLE = _("گزارش‌های ماهانه")
NOT_FOUND = _("این گزارش پیدا نشد یا در محله‌های شما نیست.")


class MakeReportForm(forms.Form):
    neighborhood = forms.ModelChoiceField(
        label=_("محله"), queryset=NeighborhoodPage.objects.none(), error_messages={"invalid_choice": OUT_OF_SCOPE}
    )
    year = forms.CharField(label=_("سال"), max_length=4, widget=YearInput)
    month = forms.ChoiceField(
        label=_("ماه"),
        choices=[(str(number), name) for number, name in enumerate(jalali.MONTHS, start=1)],
        error_messages={"invalid_choice": _("ماه باید عددی از ۱ تا ۱۲ باشد.")},
    )
    highlights = forms.CharField(
        label=_("نکته‌های برجسته ماه"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("کارهای مهم، همکاری‌ها، گرفتاری‌ها و برنامه ماه بعد؛ در گزارش چاپی می‌آید."),
    )

    def __init__(self, *args, neighborhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighborhood"].queryset = neighborhoods
        self.fields["neighborhood"].label_from_instance = lambda page: page.title

    def clean_year(self):
        value = to_latin_digits(self.cleaned_data["year"]).strip()
        if not value.isdigit() or not 1300 <= int(value) <= 1500:
            raise forms.ValidationError(gettext("سال را چهاررقمی و شمسی بنویسید، مانند ۱۴۰۴."))
        return int(value)

    def clean_month(self):
        return int(self.cleaned_data["month"])

    def clean(self):
        cleaned = super().clean()
        year, month = cleaned.get("year"), cleaned.get("month")
        if year and month and month_period(year, month).first > today_in_tehran():
            raise forms.ValidationError(gettext("گزارش ماهی که هنوز نیامده است ساخته نمی‌شود."))
        return cleaned


def make_report(neighborhood, year, month, highlights, user):
    """Count the month's figures for one neighbourhood and keep them."""
    scope = NeighborhoodPage.objects.filter(pk=neighborhood.pk)
    period = month_period(year, month)
    data = figures.dashboard(scope, period)
    data["needs"] = needs.results(scope, period)
    data["neighborhood"] = {"id": neighborhood.pk, "title": neighborhood.title, "city": neighborhood.city}
    return MonthlyReport.objects.create(
        neighborhood=neighborhood, year=year, month=month, figures=data, highlights=highlights, created_by=user
    )


def reports_for(user):
    return MonthlyReport.objects.filter(neighborhood__in=neighborhoods_for(user))


class MonthlyReportsView(ReportsAdminMixin, TemplateView):
    """The kept reports of the scope, newest month first, and the form that makes one."""

    template_name = "reports/admin/monthly_list.html"
    page_title = TITLE
    home_url_name = "reports_admin:monthly"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        month = current_month().previous_month()
        if form is None:
            form = MakeReportForm(
                neighborhoods=neighborhoods_for(self.request.user).order_by("path"),
                initial={
                    "year": to_latin_digits(month.year),
                    "month": str(month.month),
                    "neighborhood": self.scope.neighborhood,
                },
            )
        reports = (
            MonthlyReport.objects.filter(neighborhood__in=self.scope.neighborhoods)
            .select_related("neighborhood", "created_by")
            .defer("figures")
        )
        months = reports.values_list("year", "month").distinct().order_by("-year", "-month")
        context.update(
            scope=self.scope,
            scope_choices=choices_for(self.request.user),
            form=form,
            reports=reports[:200],
            province_months=list(months[:24]) if self.scope.province else [],
        )
        return context

    def post(self, request, *args, **kwargs):
        form = MakeReportForm(request.POST, neighborhoods=neighborhoods_for(request.user).order_by("path"))
        if not form.is_valid():
            messages.error(request, gettext("گزارش ساخته نشد. خطاهای فرم را ببینید."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        with transaction.atomic():
            report = make_report(data["neighborhood"], data["year"], data["month"], data["highlights"], request.user)
        from .. import pdf

        pdf.store_quietly(report, request)
        messages.success(request, gettext("%(report)s ساخته و نگه داشته شد.") % {"report": report})
        return redirect("reports_admin:monthly_print", pk=report.pk)


class PrintView(View):
    """One kept report, or a province's reports of a month together, as a printable page."""

    audit_action = AccessRecord.Action.REPORT

    def get(self, request, pk=None):
        self.reports = []
        response = self.shown(request, pk)
        if self.reports:
            audit.record(
                request,
                self.audit_action,
                neighborhood_id=self.reports[0].neighborhood_id if len(self.reports) == 1 else None,
                query=request.GET.urlencode() or f"report={pk}",
                rows=len(self.reports),
            )
        return response

    def shown(self, request, pk=None):
        scope = neighborhoods_for(request.user)
        if not scope.exists():
            messages.error(request, NO_SCOPE)
            return redirect("wagtailadmin_home")
        if pk is not None:
            report = reports_for(request.user).select_related("neighborhood", "created_by").filter(pk=pk).first()
            if report is None:
                messages.error(request, NOT_FOUND)
                return redirect("reports_admin:monthly")
            reports = [report]
            title = str(report)
        else:
            try:
                reports, title = self.province_reports(request)
            except Http404 as refusal:
                messages.error(request, str(refusal))
                return redirect("reports_admin:monthly")
        self.reports = reports
        return self.respond(request, reports, title)

    def respond(self, request, reports, title):
        return render(
            request,
            "reports/print.html",
            {"reports": reports, "title": title, "print_mode": True, "pdf_url": self.pdf_url(request, reports)},
        )

    def pdf_url(self, request, reports):
        if self.kwargs.get("pk") is not None:
            return reverse("reports_admin:monthly_pdf", args=[reports[0].pk])
        first = reports[0]
        query = urlencode({"province": self.province.pk, "year": first.year, "month": first.month})
        return f"{reverse('reports_admin:monthly_province_pdf')}?{query}"

    def province_reports(self, request):
        """The latest report of each neighbourhood of a province in the user's scope, for one month."""
        def number(name):
            value = to_latin_digits(request.GET.get(name, "")).strip()
            if not value.isdigit() or len(value) > 12:
                raise Http404(OUT_OF_SCOPE if name == "province" else gettext("سال و ماه گزارش درست نیست."))
            return int(value)

        province = ProvincePage.objects.filter(pk=number("province")).first()
        year, month = number("year"), number("month")
        if not 1 <= month <= 12:
            raise Http404(gettext("ماه باید عددی از ۱ تا ۱۲ باشد."))
        if province is None:
            raise Http404(OUT_OF_SCOPE)
        self.province = province
        inside = neighborhoods_for(request.user).filter(path__startswith=province.path)
        if not inside.exists():
            raise Http404(OUT_OF_SCOPE)
        latest = {}
        for report in (
            MonthlyReport.objects.filter(neighborhood__in=inside, year=year, month=month)
            .select_related("neighborhood", "created_by")
            .order_by("neighborhood__path", "-created_at", "-pk")
        ):
            latest.setdefault(report.neighborhood_id, report)
        if not latest:
            raise Http404(gettext("برای این ماه هنوز گزارشی از محله‌های این استان ساخته نشده است."))
        reports = list(latest.values())
        return reports, gettext("گزارش‌های %(month)s استان %(province)s") % {"month": reports[0].month_label, "province": province.title}


class PdfView(PrintView):
    """The same report(s) as a PDF made on the server from the kept figures (reports/pdf.py), scoped exactly
    like the printable page because it is the printable page's view with another response."""

    audit_action = AccessRecord.Action.REPORT_PDF

    def respond(self, request, reports, title):
        # Imported here: WeasyPrint loads Pango when imported, which no other admin screen needs.
        from .. import pdf

        response = HttpResponse(pdf.together(reports, title, request), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.filename(request, reports)}"'
        return response

    def filename(self, request, reports):
        first = reports[0]
        if self.kwargs.get("pk") is not None:
            return f"monthly-report-{first.year}-{first.month:02d}-{first.neighborhood_id}-{first.pk}.pdf"
        return f"monthly-reports-{first.year}-{first.month:02d}-province-{self.province.pk}.pdf"
