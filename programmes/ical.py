"""iCalendar feeds (RFC 5545) of programmes: one event per session, in Tehran time with its VTIMEZONE,
so calendar apps show the hour the office means wherever the phone thinks it is."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import pgettext
from icalendar import Calendar, Event

from portal import jalali

from .choices import Kind

PRODID = "-//Mahalle//Neighbourhood programmes//FA"


def build_calendar(programmes, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", jalali.tehran_tz().key)
    stamp = timezone.now().replace(microsecond=0)
    host = request.get_host().split(":")[0]
    for program in programmes:
        url = program.get_full_url(request)
        location = pgettext("list separator", "، ").join(part for part in (program.place_name, program.place_address) if part)
        for session in program.sorted_sessions():
            event = Event()
            event.add("uid", f"programme-{program.pk}-session-{session.pk}@{host}")
            event.add("dtstamp", stamp)
            event.add("dtstart", session.start_datetime)
            event.add("dtend", session.end_datetime)
            event.add("summary", program.title)
            event.add("description", f"{program.summary}\n{url}")
            event.add("url", url)
            event.add("categories", [str(Kind(program.kind).label)])
            if location:
                event.add("location", location)
            event.add("status", "CANCELLED" if program.cancelled else "CONFIRMED")
            calendar.add_component(event)
    # The VTIMEZONE for every TZID used above, generated from the zoneinfo database.
    calendar.add_missing_timezones()
    return calendar


def calendar_response(programmes, request, name):
    calendar = build_calendar(programmes, request, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="programmes.ics"'
    return response


def session_window():
    """Feeds carry what is coming and what ended in the last 90 days (calendar apps keep the rest)."""
    return timezone.now() - datetime.timedelta(days=90)
