"""The councils' resolutions across a scope (a coordinator's province, or all of one's neighbourhoods):
open and overdue per responsible body and per neighbourhood, done in a Jalali period, as tables with bars
and as CSV."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from forms.views.export import csv_safe
from portal.digits import to_latin_digits

from .. import figures
from ..periods import period_from
from ..scope import choices_for
from .common import ReportsAdminMixin

TITLE = _("مصوبه‌های شوراها")


class CouncilOverviewView(ReportsAdminMixin, TemplateView):
    template_name = "reports/admin/council.html"
    page_title = TITLE
    home_url_name = "reports_admin:council"

    def get(self, request, *args, **kwargs):
        form, period = period_from(request.GET)
        context = self.get_context_data(period_form=form, period=period)
        if period is None:
            return self.render_to_response(context, status=400)
        by_agency = figures.council_by_agency(self.scope.neighborhoods, period)
        by_neighborhood = figures.council_by_neighborhood(self.scope.neighborhoods, period)
        if request.GET.get("format") == "csv":
            return csv_response(by_agency, by_neighborhood, period)
        query = request.GET.copy()
        query["format"] = "csv"
        context.update(by_agency=by_agency, by_neighborhood=by_neighborhood, csv_query=query.urlencode())
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(scope=self.scope, scope_choices=choices_for(self.request.user))
        return context


def csv_response(by_agency, by_neighborhood, period):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    first, last = period.first.isoformat(), period.last.isoformat()
    response["Content-Disposition"] = f'attachment; filename="council-resolutions-{first}-{last}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    write = lambda row: writer.writerow([csv_safe(value) for value in row])  # noqa: E731 (names are typed by staff)
    write(["group", "name", "meetings", "pending", "overdue", "done_in_period"])
    for row in by_agency:
        write(["agency", row["label"], "", row["pending"], row["overdue"], row["done"]])
    for row in by_neighborhood:
        write(["neighborhood", row["label"], row["meetings"], row["pending"], row["overdue"], row["done"]])
    write(["period", to_latin_digits(period.label), "", "", "", ""])
    return response
