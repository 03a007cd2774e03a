"""Which page stands for a neighbourhood in the portal's data.

A neighbourhood translated into English is one neighbourhood with two pages. Submissions, programmes,
organisations, reports and staff scopes refer to the page in the default language (Persian); the
translations are how readers of other languages see it. Lists that choose or count neighbourhoods
therefore keep to the default language, or every translated neighbourhood would appear twice.
"""

from django.conf import settings
from django.utils import translation

from portal.caching.store import cached


def in_default_language(queryset):
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def source_of(page):
    """The default-language page ``page`` is a translation of (``page`` itself when it is the source or
    has none), in one query."""
    source = (
        page.specific_class.objects.filter(translation_key=page.translation_key)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
        .first()
    )
    return page if source is None or source.pk == page.pk else source


def listing_source(neighborhood, request=None):
    """The page whose programmes, assets and organisations ``neighborhood`` lists: the default-language
    page, for a translation (which lists them as its readers find them: portal.languages.as_read_in). A page
    served in the default language is one already and is taken as it is (no query); a translation's source
    is kept under its own scopes, which a change of either page bumps, and on the page object for the
    sections and sub-routes that ask again."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return neighborhood
    if "_listing_source" not in neighborhood.__dict__:
        neighborhood.__dict__["_listing_source"] = cached(
            request, "listing-source", [neighborhood.pk], lambda: source_of(neighborhood), neighborhood.cache_scopes()
        )
    return neighborhood.__dict__["_listing_source"]
