"""A neighbourhood as a cache scope (portal/caching/scopes.py).

A neighbourhood is the subtree of a page at NEIGHBORHOOD_DEPTH (the tree root, the home page, the
index of neighbourhoods, a province, the neighbourhood), so the scope of any page below it is read from
the page's own tree path, without a query: every page in the subtree shares it, the neighbourhood's
sections and sub-routes depend on it, and publishing anything in it replaces its version.
"""

from wagtail.models import Page

from portal.caching import scopes

NEIGHBORHOOD_DEPTH = 5


def area(page):
    """The scope of the neighbourhood ``page`` is, or is in; None above the neighbourhoods."""
    if page.depth < NEIGHBORHOOD_DEPTH:
        return None
    return scopes.neighborhood(page.path[: NEIGHBORHOOD_DEPTH * Page.steplen])


def below_a_neighborhood(page):
    """Declaration helper: the scope of the neighbourhood a changed page is in, if any."""
    found = area(page)
    return [found] if found else []


def areas_in_every_language(paths):
    """The scopes of the neighbourhoods at ``paths`` and of their translations, in one query: a translation
    of a neighbourhood lists what its default-language page lists (neighborhoods.locales.listing_source)."""
    if not paths:
        return []
    keys = Page.objects.filter(path__in=paths).values("translation_key")
    translations = Page.objects.filter(depth=NEIGHBORHOOD_DEPTH, translation_key__in=keys).only("path", "depth")
    return sorted({scopes.neighborhood(path) for path in paths} | {area(page) for page in translations})


def below_a_neighborhood_in_every_language(page):
    """Declaration helper for what a neighbourhood lists in each of its languages (programmes, assets): the
    scope of the neighbourhood a changed page is in, and of that neighbourhood's translations."""
    if page.depth < NEIGHBORHOOD_DEPTH:
        return []
    return areas_in_every_language([page.path[: NEIGHBORHOOD_DEPTH * Page.steplen]])
