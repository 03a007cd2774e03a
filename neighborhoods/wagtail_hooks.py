"""The neighbourhood's own sections (its council and committees) and what the neighbourhoods list, for
the caches (portal/caching/invalidation.py); other apps register their sections in theirs."""

from wagtail import hooks
from wagtail.models import Page

from portal.caching import scopes
from portal.caching.invalidation import Lists

from .models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
from .scopes import NEIGHBORHOOD_DEPTH, area, below_a_neighborhood
from .sections import HOOK, Section, section_lists

COUNCIL = Section(name="council", order=60, template="neighborhoods/includes/council.html")
COMMITTEES = Section(name="committees", order=70, template="neighborhoods/includes/committees.html")


@hooks.register(HOOK)
def council_section():
    return COUNCIL


@hooks.register(HOOK)
def committees_section():
    return COMMITTEES


def neighborhoods_of(province):
    """The scopes of a province's neighbourhoods: their pages and everything below show its name."""
    below = Page.objects.filter(depth=NEIGHBORHOOD_DEPTH, path__startswith=province.path).only("path", "depth")
    return [area(page) for page in below]


@hooks.register("register_cache_lists")
def neighborhood_lists():
    every_neighborhood = scopes.portal_list("neighborhoods")
    return [
        Lists(Page, below_a_neighborhood, "a neighbourhood's page, its sections and sub-routes show what is below it"),
        Lists(NeighborhoodPage, lambda page: [every_neighborhood], "the lists of neighbourhoods: front page, index, map, filters"),
        Lists(ProvincePage, lambda page: [every_neighborhood], "the lists of neighbourhoods group them by province"),
        Lists(NeighborhoodIndexPage, lambda page: [every_neighborhood], "the front page links to the index"),
        Lists(ProvincePage, neighborhoods_of, "every page of a neighbourhood names its province"),
        *section_lists(),
    ]
