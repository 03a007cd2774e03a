"""The safety map of defenceless urban spaces (فضاهای بی‌دفاع شهری).

A **defenceless-space report** is a submission of a problem-report form (ParticipationFormPage kind
«problem_report») whose ``topic`` answer names a defenceless space («بی‌دفاع», with or without the
half-space), as the demo's «فضای بی‌دفاع شهری» does. Residents choose the topic themselves; staff who
re-classify a report change its answer in the data (no separate flag, so no migration in the inbox).
Archived submissions are left out everywhere.

Staff see every report of their scope with its exact point and status (a confidential one masked for
all but caseworkers). The public sees only reports staff have *confirmed* (anyone can post a report,
so two fake posts beside a real one must not reveal its place or draw a cell), as counts per grid cell
of about 500 m × 500 m snapped in the database; a cell is shown only when ``MIN_REPORTS`` confirmed
reports from as many different mobiles fall in it (the others are counted in the neighbourhood's total
only), and never a point, a text or a name. A confidential report is counted, never placed in a cell.
"""

from django.db.models import Count, F, FloatField, IntegerField, Q
from django.db.models.functions import Cast, Floor

from forms.models import Submission
from forms.models.page import FormKind
from forms.models.submission import Agency

TOPIC_KEY = "topic"
# 0.0045° of latitude is 500 m; 0.0055° of longitude is about 500 m at Iran's latitudes (cos 35° ≈ 0.82).
CELL_LAT = 0.0045
CELL_LNG = 0.0055
MIN_REPORTS = 3


def defenceless_q():
    topic = f"data__{TOPIC_KEY}__icontains"
    return Q(page__participationformpage__kind=FormKind.PROBLEM_REPORT) & (
        Q(**{topic: "بی\u200cدفاع"}) | Q(**{topic: "بی دفاع"}) | Q(**{topic: "بیدفاع"})
    )


def defenceless_reports(neighborhoods):
    return Submission.objects.filter(defenceless_q(), neighborhood__in=neighborhoods, archived=False)


def staff_points(neighborhoods):
    """The reports with their exact points, for staff of the scope."""
    return (
        defenceless_reports(neighborhoods)
        .select_related("neighborhood", "status", "assignee")
        .order_by("-created_at", "-pk")
    )


def _cell(field, size):
    return Cast(Floor(Cast(F(field), FloatField()) / size), IntegerField())


def public_summary(neighborhoods):
    """Per neighbourhood: totals, what the office did, and the grid cells with enough reports.

    [{"id", "title", "url", "total", "closed", "replied", "referrals": [{label, count}],
      "cells": [{"row", "col", "lat", "lng", "count"}], "hidden": n}, …]
    """
    reports = defenceless_reports(neighborhoods).filter(confirmed=True).order_by()
    totals = {
        row["neighborhood"]: row
        for row in reports.values("neighborhood").annotate(
            total=Count("pk"),
            closed=Count("pk", filter=Q(status__is_closed=True)),
            replied=Count("pk", filter=~Q(public_reply="")),
        )
    }
    referrals = {}
    for row in reports.exclude(referral_agency="").values("neighborhood", "referral_agency").annotate(n=Count("pk")):
        referrals.setdefault(row["neighborhood"], []).append(
            {"label": str(Agency(row["referral_agency"]).label), "count": row["n"]}
        )
    cells = {}
    mapped = reports.filter(latitude__isnull=False, longitude__isnull=False, confidential=False)
    grid = (
        mapped.annotate(row=_cell("latitude", CELL_LAT), col=_cell("longitude", CELL_LNG))
        .values("neighborhood", "row", "col")
        .annotate(n=Count("pk"), mobiles=Count("mobile", distinct=True, filter=~Q(mobile="")))
        .order_by("neighborhood", "-row", "col")
    )
    for row in grid:
        cells.setdefault(row["neighborhood"], []).append(row)

    result = []
    for neighborhood in neighborhoods.filter(pk__in=list(totals)).order_by("path"):
        shown, hidden = [], 0
        for cell in cells.get(neighborhood.pk, []):
            if cell["n"] < MIN_REPORTS or cell["mobiles"] < MIN_REPORTS:
                hidden += cell["n"]
                continue
            shown.append(
                {
                    "row": cell["row"],
                    "col": cell["col"],
                    # The centre of the cell, coarse on purpose.
                    "lat": round((cell["row"] + 0.5) * CELL_LAT, 3),
                    "lng": round((cell["col"] + 0.5) * CELL_LNG, 3),
                    # The cell's edges, on the grid: they tell no more than the cell does.
                    "bounds": [
                        [round(cell["row"] * CELL_LAT, 4), round(cell["col"] * CELL_LNG, 4)],
                        [round((cell["row"] + 1) * CELL_LAT, 4), round((cell["col"] + 1) * CELL_LNG, 4)],
                    ],
                    "count": cell["n"],
                }
            )
        total = totals[neighborhood.pk]
        result.append(
            {
                "id": neighborhood.pk,
                "title": neighborhood.title,
                "url": neighborhood.url,
                "total": total["total"],
                "closed": total["closed"],
                "replied": total["replied"],
                "referrals": sorted(referrals.get(neighborhood.pk, []), key=lambda item: -item["count"]),
                "cells": shown,
                "unmapped": hidden,
                "office": [float(neighborhood.latitude), float(neighborhood.longitude)] if neighborhood.has_location else None,
            }
        )
    return result


def map_data(summary):
    """What js/safety-map.js draws: per neighbourhood the shown cells (edges, centre, count) and the office's
    public point, never a report's point."""
    return {
        "cellSize": {"lat": CELL_LAT, "lng": CELL_LNG},
        "minReports": MIN_REPORTS,
        "neighborhoods": [
            {
                "id": item["id"],
                "title": item["title"],
                "total": item["total"],
                "closed": item["closed"],
                "office": item["office"],
                "cells": [
                    {"lat": cell["lat"], "lng": cell["lng"], "bounds": cell["bounds"], "count": cell["count"]}
                    for cell in item["cells"]
                ],
            }
            for item in summary
        ],
    }
