"""The news section of the neighbourhood page, and what the news lists for the caches."""

from wagtail import hooks

from portal.caching import scopes
from portal.caching.invalidation import Lists

from . import neighborhood_section
from .models import NewsPage


@hooks.register("register_neighborhood_section")
def news_section():
    return neighborhood_section.SECTION


@hooks.register("register_cache_lists")
def news_lists():
    # The portal's and the provinces' news listings, their archives and feeds, and the front page.
    return [Lists(NewsPage, lambda page: [scopes.portal_list("news")], "the portal-wide and province news listings")]
