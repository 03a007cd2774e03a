"""Find the page for a URL in one query instead of one per path segment, and none once it is known.

Wagtail's default routing walks down the tree, two queries per level; a news item five levels
below the home page costs ten before any content is read. Here the deepest page whose url_path
matches a prefix of the request path is fetched at once, and routing continues from there the
usual way (so RoutablePage sub-routes such as ``feed/`` and unpublished pages behave as before).

A URL that is exactly a page's URL is kept with that page (already specific) under the content
version (portal/content_version.py), which any change to a page replaces: the next request for it
costs no query at all. Only exact matches are kept, so the entries are bounded by the number of
pages, whatever URLs are asked for.
"""

from django.utils import translation
from wagtail.models import Page

from portal.content_version import cached_object


class DirectRoutingMixin:
    @property
    def localized(self):
        # Wagtail routes every request from ``site.root_page.localized``: a Locale query, and for another
        # language the translation's. The site middleware (portal/content_version.py) keeps the home page
        # with its translation in each language already found.
        known = self.__dict__.get("_localized_by_language")
        if known is not None and translation.get_language() in known:
            return known[translation.get_language()]
        return super().localized

    def route(self, request, path_components):
        if path_components:
            found = []

            def exact_page():
                found.append(self._deepest_page(path_components))
                match = found[0]
                return match if match is not None and match.depth - self.depth == len(path_components) else None

            match = cached_object(request, "route", [self.pk, *path_components], exact_page)
            if match is None:
                # Not a page's own URL (a sub-route such as feed/, or nothing): found by the query above.
                match = found[0] if found else self._deepest_page(path_components)
            if match is not None:
                return match.route(request, path_components[match.depth - self.depth :])
        return super().route(request, path_components)

    def _deepest_page(self, path_components):
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/" for length in range(len(path_components), 0, -1)
        ]
        match = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
        return match.specific if match is not None else None
