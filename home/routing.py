"""Find the page for a URL in one query instead of one per path segment, and none once it is known.

Wagtail's default routing walks down the tree, two queries per level; a news item five levels
below the home page costs ten before any content is read. Here the deepest page whose url_path
matches a prefix of the request path is fetched at once, and routing continues from there the
usual way (so RoutablePage sub-routes such as ``feed/`` and unpublished pages behave as before).

A URL that is exactly a page's URL is kept with that page (already specific) under the scope of that
address (portal/caching/scopes.py, ``url:<url_path>``), which publishing, unpublishing, moving or
deleting the page at it replaces (a move or a new slug of a page with pages below it replaces
``site``): the next request routes again, and an edit elsewhere in its neighbourhood leaves the route
alone. Only exact matches are kept, so the entries are bounded by the number of pages, whatever URLs
are asked for.
"""

from django.utils import translation
from wagtail.models import Page

from portal.caching import scopes
from portal.caching.store import cached


class DirectRoutingMixin:
    @property
    def localized(self):
        # Wagtail routes every request from ``site.root_page.localized``: a Locale query, and for another
        # language the translation's. The cache middleware (portal/caching/middleware.py) keeps the home
        # page with its translation in each language already found.
        known = self.__dict__.get("_localized_by_language")
        if known is not None and translation.get_language() in known:
            return known[translation.get_language()]
        return super().localized

    def route(self, request, path_components):
        if path_components:
            found = []

            def exact_page():
                match = self._deepest_page(path_components)
                found.append(match)
                return match if match is not None and match.depth - self.depth == len(path_components) else None

            url_path = self.url_path + "/".join(path_components) + "/"
            match = cached(request, "route", [self.pk, *path_components], exact_page, [scopes.address(url_path)])
            if match is None:
                # Not a page's own URL (a sub-route such as feed/, or nothing): found by the query above.
                match = found[-1] if found else self._deepest_page(path_components)
            if match is not None:
                return match.route(request, path_components[match.depth - self.depth :])
        return super().route(request, path_components)

    def _deepest_page(self, path_components):
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/" for length in range(len(path_components), 0, -1)
        ]
        match = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
        if match is None:
            return None
        # A page type names the foreign keys its page always shows (``route_related``): fetched with it.
        model = match.specific_class
        related = getattr(model, "route_related", ())
        return model._base_manager.select_related(*related).get(pk=match.pk) if related else match.specific
