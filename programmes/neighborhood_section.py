"""The programmes section of a neighbourhood page: what is coming up, with the seats taken read on
every request (so the section itself is not kept), and links into the calendar filtered to it.

Programmes belong to the neighbourhood's Persian page. A translation of the page lists the same ones,
each in its language where it is translated and otherwise in Persian, marked so (``untranslated``); a
programme's change makes the translations' pages stale too (the declaration below).
"""

from django.conf import settings

from neighborhoods.locales import listing_source
from neighborhoods.scopes import below_a_neighborhood_in_every_language
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists
from portal.languages import as_read_in, untranslated
from portal.menus import portal_page

from .models import ProgramCalendarPage, ProgramPage
from .upcoming import upcoming_with_seats


def programmes_of(neighborhood, request=None):
    """The listable programmes ``neighborhood`` lists (one queryset, no query yet): its Persian page's, as
    readers of its language find them. Translations of a programme name the Persian neighbourhood too, so
    the Persian page's list keeps to its own language."""
    source = listing_source(neighborhood, request)
    programmes = ProgramPage.objects.listable().filter(neighborhood=source, locale_id=source.locale_id)
    return programmes if source.pk == neighborhood.pk else as_read_in(programmes, neighborhood.locale_id)


def section_context(neighborhood, request):
    upcoming = upcoming_with_seats(
        request,
        "neighborhood",
        [neighborhood.pk],
        programmes_of(neighborhood, request),
        settings.NEIGHBORHOOD_UPCOMING_PROGRAMMES,
        neighborhood.cache_scopes(),
    )
    return {
        "upcoming_programmes": untranslated(upcoming, neighborhood.locale_id),
        "programme_calendar": portal_page(request, ProgramCalendarPage),
    }


SECTION = Section(
    name="programmes",
    order=20,
    template="programmes/includes/neighborhood_programmes.html",
    context=section_context,
    cached=False,
    lists=(Lists(ProgramPage, below_a_neighborhood_in_every_language, "its upcoming programmes, in each language"),),
)
