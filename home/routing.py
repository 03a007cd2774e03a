"""Find the page for a URL in one query instead of one per path segment.

Wagtail's default routing walks down the tree, two queries per level; a news item five levels
below the home page costs ten before any content is read. Here the deepest page whose url_path
matches a prefix of the request path is fetched at once, and routing continues from there the
usual way (so RoutablePage sub-routes such as ``feed/`` and unpublished pages behave as before).
"""

from wagtail.models import Page


class DirectRoutingMixin:
    def route(self, request, path_components):
        if path_components:
            prefixes = [
                self.url_path + "/".join(path_components[:length]) + "/"
                for length in range(len(path_components), 0, -1)
            ]
            match = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
            if match is not None:
                return match.specific.route(request, path_components[match.depth - self.depth :])
        return super().route(request, path_components)
