"""The demo's council meetings and resolutions (demo/council_content.py), built after the directory so a
meeting's place can be one of the neighbourhood's assets, and linked to the neighbourhood's own demo cases.

Days are counted back from the day the demo is built; a meeting that would fall on a Friday (the weekend)
is held on the Thursday before. A neighbourhood that has any meeting already is left alone."""

import datetime

from django.utils import timezone

from council.models import Agency, Attendee, Meeting, ProgressNote, Resolution
from directory.models import AssetPage
from forms.models import Submission
from neighborhoods.models import NeighborhoodPage, ProvincePage
from portal import jalali
from neighborhoods.models.council import Committee

from . import content
from .council_content import AGENCIES, MEETINGS, PROVINCE_MEETINGS

FRIDAY = 4  # datetime.date.weekday()

# Agency logins of the demo: (agency slug, username, the neighbourhoods it serves, what the login shows).
AGENCY_LOGINS = [
    ("relief", "agency-relief-arak", ["bagh-khalaj", "roudaki"], "کمیته امداد اراک"),
    ("welfare", "agency-welfare-qom", ["shahr-e-ghaem", "esmaeilabad"], "بهزیستی قم"),
]


def _working_day(day):
    return day - datetime.timedelta(days=1) if day.weekday() == FRIDAY else day


def build_council(result):
    agencies = {}
    for order, (slug, name) in enumerate(AGENCIES):
        agencies[slug], _ = Agency.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})
    today = timezone.localdate()
    cases = _demo_cases()
    for slug, meetings in MEETINGS.items():
        neighborhood = NeighborhoodPage.objects.filter(slug=slug, locale__language_code="fa").first()
        if neighborhood is None or Meeting.objects.filter(neighborhood=neighborhood).exists():
            continue
        for data in meetings:
            _meeting(neighborhood, data, today, agencies, cases.get(slug, []))
            result.meetings += 1
            result.resolutions += len(data["resolutions"])
    for slug, meetings in PROVINCE_MEETINGS.items():
        province = ProvincePage.objects.filter(slug=slug, locale__language_code="fa").first()
        if province is None or Meeting.objects.filter(province=province).exists():
            continue
        for data in meetings:
            _province_meeting(province, data, today, agencies)
            result.meetings += 1
            result.resolutions += len(data["resolutions"])


def _demo_cases():
    """{neighbourhood slug: [the Submission of each content.DEMO_SUBMISSIONS item, in its order]}."""
    found = {}
    for slug, items in content.DEMO_SUBMISSIONS.items():
        mobiles = [item["answers"].get("mobile", "") for item in items]
        by_mobile = {
            case.mobile: case
            for case in Submission.objects.filter(neighborhood__slug=slug, mobile__in=[m for m in mobiles if m])
        }
        found[slug] = [by_mobile.get(mobile) for mobile in mobiles]
    return found


def _meeting(neighborhood, data, today, agencies, cases):
    day = _working_day(today - datetime.timedelta(days=data["days_ago"]))
    hour, minute = data["time"]
    held = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    asset = AssetPage.objects.child_of(neighborhood).filter(title=data["place"]).first()
    committee = (
        Committee.objects.filter(page=neighborhood, name=data["committee"]).first() if data["committee"] else None
    )
    meeting = Meeting.objects.create(
        neighborhood=neighborhood,
        name=data.get("name", ""),
        body=data["body"],
        committee=committee,
        held_at=held,
        place_asset=asset,
        place="" if asset else data["place"],
        agenda="\n".join(data["agenda"]),
        minutes=data["minutes"],
        public=data["public"],
    )
    members = {member.name: member for member in neighborhood.council_members.all()}
    for order, person in enumerate(data["attendees"]):
        Attendee.objects.create(
            meeting=meeting,
            sort_order=order,
            kind=person["kind"],
            member=members.get(person["name"]) if person["kind"] == "member" else None,
            name=person["name"],
            organization=person["organization"],
        )
    for order, item in enumerate(data["resolutions"]):
        resolution = Resolution.objects.create(
            meeting=meeting,
            sort_order=order,
            text=item["text"],
            agency=agencies[item["agency"]],
            due_date=today + datetime.timedelta(days=item["due_in_days"]),
            status=item["status"],
            reason=item["reason"],
            public=item["public"] and data["public"],
        )
        for number, (days, text) in enumerate(item["progress"]):
            ProgressNote.objects.create(
                resolution=resolution, sort_order=number, date=today + datetime.timedelta(days=days), text=text
            )
        if item["case"] is not None and item["case"] < len(cases) and cases[item["case"]] is not None:
            resolution.cases.add(cases[item["case"]])


def _end_of_month(day, month):
    """The last day of Jalali ``month`` on or after ``day``."""
    year = jalali.to_jalali_date(day).year
    last = jalali.month_range(year, month)[1]
    return last if last >= day else jalali.month_range(year + 1, month)[1]


def _province_meeting(province, data, today, agencies):
    day = today - datetime.timedelta(days=data["days_ago"])
    day -= datetime.timedelta(days=(day.weekday() - data["weekday"]) % 7)  # back to the seed's weekday
    hour, minute = data["time"]
    meeting = Meeting.objects.create(
        province=province,
        name=data["name"],
        body="coordination",
        held_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute))),
        place=data["place"],
        agenda="\n".join(data["agenda"]),
        minutes=data["minutes"],
        public=data["public"],
    )
    for order, person in enumerate(data["attendees"]):
        Attendee.objects.create(meeting=meeting, sort_order=order, **person)
    neighborhoods = {
        page.slug: page
        for page in NeighborhoodPage.objects.descendant_of(province).filter(locale__language_code="fa")
    }
    for order, item in enumerate(data["resolutions"]):
        due = item["due"]
        resolution = Resolution.objects.create(
            meeting=meeting,
            neighborhood=neighborhoods[item["in"]],
            sort_order=order,
            text=item["text"],
            agency=agencies[item["agency"]],
            due_date=_end_of_month(day, due[1]) if isinstance(due, tuple) else today + datetime.timedelta(days=due),
            status=item["status"],
            reason=item["reason"],
            public=item["public"] and data["public"],
        )
        for number, (days, text) in enumerate(item["progress"]):
            ProgressNote.objects.create(
                resolution=resolution, sort_order=number, date=today + datetime.timedelta(days=days), text=text
            )
