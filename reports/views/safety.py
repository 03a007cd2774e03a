"""The safety map of defenceless spaces: exact points for staff of the scope, a coarse grid for everyone."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from forms import audit
from forms.confidential import reader_for
from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage

from .. import safety
from ..scope import choices_for
from .common import ReportsAdminMixin

STAFF_TITLE = _("نقشه فضاهای بی‌دفاع")
PUBLIC_TITLE = _("نقشه ایمنی محله‌ها: فضاهای بی‌دفاع شهری")


class StaffSafetyMapView(ReportsAdminMixin, TemplateView):
    template_name = "reports/admin/safety.html"
    page_title = STAFF_TITLE
    home_url_name = "reports_admin:safety"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = reader_for(self.request).show_all(safety.staff_points(self.scope.neighborhoods))
        audit.record(
            self.request,
            audit.AccessRecord.Action.SAFETY_MAP,
            neighborhood_id=self.scope.neighborhood_id,
            query=self.request.GET.urlencode(),
            rows=len(reports),
            masked=any(report.masked for report in reports),
        )
        # A masked (confidential) report has no point left to place.
        points = [report for report in reports if report.latitude is not None]
        context.update(
            scope=self.scope,
            scope_choices=choices_for(self.request.user),
            reports=reports,
            map_json={
                "points": [
                    {
                        "id": report.pk,
                        "lat": float(report.latitude),
                        "lng": float(report.longitude),
                        "label": f"{report.tracking_display} — {report.status.name}",
                        "url": reverse("participation_inbox:detail", args=[report.pk]),
                        "closed": report.status.is_closed,
                    }
                    for report in points
                ]
            },
            **tiles(),
        )
        return context


def tiles():
    """The tile server of every map (empty: shapes on a plain ground, the table beside them as ever)."""
    return {"tile_url": settings.MAP_TILE_URL, "tile_attribution": settings.MAP_TILE_ATTRIBUTION}


def public_map(request):
    """Every live neighbourhood with defenceless-space reports: counts per cell, never a point."""
    neighborhoods = in_default_language(NeighborhoodPage.objects.listable())
    summary = safety.public_summary(neighborhoods)
    return render(
        request,
        "reports/safety_map.html",
        {
            "title": PUBLIC_TITLE,
            "summary": summary,
            "map_data": safety.map_data(summary),
            "min_reports": safety.MIN_REPORTS,
            **tiles(),
        },
    )
