"""The programmes section of a neighbourhood page: what is coming up, with the seats taken read on
every request (so the section itself is not kept), and links into the calendar filtered to it."""

from django.conf import settings

from neighborhoods.scopes import below_a_neighborhood
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists
from portal.menus import portal_page

from .models import ProgramCalendarPage, ProgramPage
from .upcoming import upcoming_with_seats


def section_context(neighborhood, request):
    upcoming = upcoming_with_seats(
        request,
        "neighborhood",
        [neighborhood.pk],
        ProgramPage.objects.listable().filter(neighborhood=neighborhood),
        settings.NEIGHBORHOOD_UPCOMING_PROGRAMMES,
        neighborhood.cache_scopes(),
    )
    return {"upcoming_programmes": upcoming, "programme_calendar": portal_page(request, ProgramCalendarPage)}


SECTION = Section(
    name="programmes",
    order=20,
    template="programmes/includes/neighborhood_programmes.html",
    context=section_context,
    cached=False,
    lists=(Lists(ProgramPage, below_a_neighborhood, "its upcoming programmes"),),
)
