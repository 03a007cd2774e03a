"""The safety map of defenceless spaces: exact points for staff of the scope, a coarse grid for everyone."""

from django.shortcuts import render
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
                        "status": report.status.name,
                        "closed": report.status.is_closed,
                    }
                    for report in points
                ]
            },
            drawing=scatter(points),
        )
        return context


def scatter(points):
    """Points placed in their bounding box (north up, east right) for a small SVG."""
    if not points:
        return None
    lats = [float(point.latitude) for point in points]
    lngs = [float(point.longitude) for point in points]
    south, north, west, east = min(lats), max(lats), min(lngs), max(lngs)
    span_lat, span_lng = (north - south) or 0.001, (east - west) or 0.001
    return [
        {
            "x": round(5 + 90 * (float(point.longitude) - west) / span_lng, 2),
            "y": round(5 + 90 * (north - float(point.latitude)) / span_lat, 2),
            "closed": point.status.is_closed,
            "label": f"{point.tracking_display} — {point.status.name}",
        }
        for point in points
    ]


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
        },
    )
