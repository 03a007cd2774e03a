"""schema.org Event for a programme, as JSON-LD in its page, so search engines and apps read its dates."""

import json

from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .choices import Status

STATUS = {
    Status.CANCELLED: "https://schema.org/EventCancelled",
}


def _address(program):
    place = {"@type": "Place", "name": program.place_name or program.neighborhood_title()}
    if program.place_address:
        place["address"] = {"@type": "PostalAddress", "streetAddress": program.place_address, "addressCountry": "IR"}
    venue = program.venue if program.venue_id else None
    if venue is not None and venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": float(venue.latitude), "longitude": float(venue.longitude)}
    return place


def event_data(program, request):
    sessions = program.sorted_sessions()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": program.title,
        "description": program.summary,
        "url": program.get_full_url(request),
        "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
        "eventStatus": STATUS.get(program.status(), "https://schema.org/EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _address(program),
        "isAccessibleForFree": program.is_free,
        "organizer": {"@type": "Organization", "name": program.organiser or program.neighborhood_title()},
    }
    links = program.partners_shown
    organisers = [_organization(link.organization, request) for link in links if link.role == "organiser"]
    if organisers:
        data["organizer"] = organisers if len(organisers) > 1 else organisers[0]
    sponsors = [_organization(link.organization, request) for link in links if link.role == "sponsor"]
    if sponsors:
        data["funder"] = sponsors
    if sessions:
        data["startDate"] = sessions[0].start_datetime.isoformat()
        data["endDate"] = max(session.end_datetime for session in sessions).isoformat()
    if len(sessions) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": gettext("%(title)s — جلسه %(number)s") % {"title": program.title, "number": index},
                "startDate": session.start_datetime.isoformat(),
                "endDate": session.end_datetime.isoformat(),
            }
            for index, session in enumerate(sessions, start=1)
        ]
    if program.capacity is not None:
        data["maximumAttendeeCapacity"] = program.capacity
        data["remainingAttendeeCapacity"] = program.seats_left
    data["offers"] = {
        "@type": "Offer",
        "price": str(program.cost_rials),
        "priceCurrency": "IRR",
        "url": program.get_full_url(request),
        "availability": "https://schema.org/InStock" if program.status() == Status.OPEN else "https://schema.org/SoldOut",
    }
    contributors = [_organization(link.organization, request) for link in links if link.role == "partner"]
    contributors += [
        {"@type": "Organization", "name": name.strip()} for name in program.partners.split("،") if name.strip()
    ]
    if contributors:
        data["contributor"] = contributors
    return data


def _organization(organization, request):
    return {"@type": "Organization", "name": organization.title, "url": organization.get_full_url(request)}


def event_json_ld(program, request):
    """The data as a <script> body: "<", ">" and "&" escaped so no text can close the element."""
    text = json.dumps(event_data(program, request), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)
