"""The council's decisions on the neighbourhood page («شما گفتید، ما انجام دادیم»): a summary section, and
the sub-routes ``…/decisions/`` (every public decision, counts per status, filters, pages),
``…/decisions/feed/`` (RSS) and ``…/decisions/csv/``.

Only public resolutions of public meetings are ever read here (``Resolution.objects.public()``): an
internal meeting or resolution is on no public surface. Meetings and resolutions are not pages, so their
changes bump the neighbourhood's scope themselves (council/signals.py); the page cache and the section's
fragment follow that scope like any other section's.
"""

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import feedgenerator, translation
from django.utils.translation import gettext

from directory.exports import SafeWriter
from portal.paging import paginate
from neighborhoods.locales import source_of
from neighborhoods.sections import Section
from portal import jalali
from portal.digits import to_latin_digits

from .choices import Status
from .models import Agency, ProgressNote, Resolution
from .models.resolution import overdue_q, today_in_tehran

SORTS = {"due": ("due_date", "pk"), "recent": ("-meeting__held_at", "-pk")}


def council_of(neighborhood):
    """The page whose council's resolutions ``neighborhood`` shows: the Persian page, for a translation. A page
    served in Persian is one already, and is taken as it is without reading its locale (no query)."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return neighborhood
    return source_of(neighborhood)


def public_resolutions(neighborhood):
    """The public resolutions of ``neighborhood`` (the Persian page: ``council_of`` for a translation)."""
    return (
        Resolution.objects.public()
        .filter(neighborhood=neighborhood)
        .select_related("meeting__committee", "meeting__province", "agency", "organization")
        .prefetch_related(Prefetch("notes", queryset=ProgressNote.objects.order_by("date", "sort_order", "pk")))
    )


def counts(resolutions, today):
    """{status: count} and the overdue count, in one query."""
    found = resolutions.aggregate(
        **{status.value: Count("pk", filter=Q(status=status)) for status in Status},
        overdue=Count("pk", filter=overdue_q(today)),
    )
    found["total"] = sum(found[status.value] for status in Status)
    return found


def _filtered(request, resolutions, today):
    chosen = {}
    status = request.GET.get("status", "")
    if status == "overdue" or status in Status.values:
        resolutions = resolutions.with_status(status, today)
        chosen["status"] = status
    agency = request.GET.get("agency", "")
    if agency:
        resolutions = resolutions.filter(agency__slug=agency)
        chosen["agency"] = agency
    sort = request.GET.get("sort", "recent")
    if sort not in SORTS:
        sort = "recent"
    if sort != "recent":
        chosen["sort"] = sort
    return resolutions.order_by(*SORTS[sort]), chosen


def decisions_view(neighborhood, request):
    today = today_in_tehran()
    source = council_of(neighborhood)  # a translation shows the Persian page's council
    resolutions, chosen = _filtered(request, public_resolutions(source), today)
    page = paginate(request, resolutions, settings.DECISIONS_PER_PAGE, gettext("مصوبه‌ها"))
    agencies = Agency.objects.filter(resolutions__in=Resolution.objects.public().filter(neighborhood=source)).distinct()
    context = neighborhood.get_context(request)
    query = "&".join(f"{key}={value}" for key, value in chosen.items())
    context.update(
        resolutions=page,
        counts=counts(Resolution.objects.public().filter(neighborhood=source), today),
        statuses=Status.choices,
        agencies=agencies,
        chosen=chosen,
        filter_query=query,
        today=today,
    )
    return TemplateResponse(request, "council/decisions.html", context)


def decisions_feed(neighborhood, request):
    base = request.build_absolute_uri(neighborhood.get_url(request))
    feed = feedgenerator.Rss201rev2Feed(
        title=gettext("مصوبه‌های شورای محله %(title)s") % {"title": neighborhood.title},
        link=f"{base}decisions/",
        description=gettext("آنچه شورای محله %(title)s تصویب کرد، مسئول آن و پیشرفت کار.") % {"title": neighborhood.title},
        language=request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else settings.LANGUAGE_CODE,
    )
    for resolution in public_resolutions(council_of(neighborhood)).order_by("-meeting__held_at", "-pk")[
        : settings.DECISIONS_FEED_ITEMS
    ]:
        feed.add_item(
            title=str(resolution),
            link=f"{base}decisions/#resolution-{resolution.pk}",
            unique_id=f"{base}decisions/#resolution-{resolution.pk}",
            description=gettext("%(meeting)s · مسئول: %(who)s · مهلت: %(due)s · وضعیت: %(status)s")
            % {
                "meeting": str(resolution.meeting),
                "who": resolution.responsible,
                "due": resolution.due_label,
                "status": resolution.status_label,
            },
            pubdate=resolution.meeting.held_at,
            updateddate=resolution.updated_at,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def decisions_csv(neighborhood, request):
    today = today_in_tehran()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="decisions-{neighborhood.slug}.csv"'
    response.write("\ufeff")
    writer = SafeWriter(response)
    writer.writerow(["meeting_date", "meeting", "resolution", "responsible", "due_date", "status", "overdue", "last_progress"])
    for resolution in public_resolutions(council_of(neighborhood)).order_by("meeting__held_at", "sort_order", "pk"):
        notes = list(resolution.notes.all())
        writer.writerow(
            [
                to_latin_digits(jalali.format_numeric(resolution.meeting.held_at)),
                resolution.meeting.title,
                resolution.text,
                resolution.responsible,
                to_latin_digits(jalali.format_numeric(resolution.due_date)) if resolution.due_date else "",
                resolution.get_status_display(),
                "1" if resolution.is_overdue(today) else "0",
                notes[-1].text if notes else "",
            ]
        )
    return response


def section_context(neighborhood, request):
    """The counts (one query) and, when there are any, the latest few without their progress notes (one
    more): the full story is on decisions/."""
    today = today_in_tehran()
    # A translation of the neighbourhood shows its council's resolutions, which belong to the Persian page.
    neighborhood = council_of(neighborhood)
    found = counts(Resolution.objects.public().filter(neighborhood=neighborhood), today)
    latest = []
    if found["total"]:
        latest = list(
            Resolution.objects.public()
            .filter(neighborhood=neighborhood)
            .select_related("meeting__committee", "meeting__province", "agency", "organization")
            .order_by("-meeting__held_at", "-pk")[: settings.NEIGHBORHOOD_DECISIONS]
        )
    return {"decision_counts": found, "latest_decisions": latest, "decisions_today": today}


SECTION = Section(
    name="council",
    order=35,
    template="council/includes/neighborhood_decisions.html",
    context=section_context,
    # "Overdue" turns with the day in Tehran: kept per day as well as per version of the neighbourhood.
    varies_with=lambda: (today_in_tehran().isoformat(),),
    urls=(
        path("decisions/", decisions_view, name="decisions"),
        path("decisions/feed/", decisions_feed, name="decisions_feed"),
        path("decisions/csv/", decisions_csv, name="decisions_csv"),
    ),
)
