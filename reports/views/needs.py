"""Needs-assessment results in the admin, and their CSV (with a BOM so Excel reads Persian)."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView

from forms import audit
from forms.views.export import csv_safe

from .. import needs
from ..periods import period_from
from ..scope import choices_for
from .common import ReportsAdminMixin

TITLE = _("نتیجه نیازسنجی‌ها")
GROUPINGS = {"neighborhood": _("به تفکیک محله"), "month": _("به تفکیک ماه")}


class NeedsView(ReportsAdminMixin, TemplateView):
    template_name = "reports/admin/needs.html"
    page_title = TITLE
    home_url_name = "reports_admin:needs"

    def get(self, request, *args, **kwargs):
        form, period = period_from(request.GET)
        group_by = request.GET.get("group_by") if request.GET.get("group_by") in GROUPINGS else "neighborhood"
        context = self.get_context_data(period_form=form, period=period, group_by=group_by, groupings=GROUPINGS)
        if period is None:
            return self.render_to_response(context, status=400)
        data = needs.results(self.scope.neighborhoods, period, group_by)
        audit.record(
            request,
            audit.AccessRecord.Action.NEEDS,
            neighborhood_id=self.scope.neighborhood_id,
            query=request.GET.urlencode(),
            rows=data["respondents"],
        )
        if request.GET.get("format") == "csv":
            return csv_response(data, period)
        query = request.GET.copy()
        query["format"] = "csv"
        context.update(results=data, csv_query=query.urlencode())
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(scope=self.scope, scope_choices=choices_for(self.request.user))
        return context


def csv_response(data, period):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="needs-assessment-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([gettext("دوره"), period.label])
    for row in needs.csv_rows(data):
        writer.writerow([csv_safe(value) for value in row])
    return response
