"""Serving pages: skip Wagtail's view-restriction lookup while the site has no restriction at all."""

from wagtail import hooks
from wagtail.models import PageViewRestriction

from .content_version import cached_value


@hooks.register("before_serve_page")
def no_view_restrictions_to_check(page, request, serve_args, serve_kwargs):
    # Wagtail's own check asks for the page's ancestors and their restrictions: two queries on every
    # page served. Whether any restriction exists is kept under the content version, which saving or
    # deleting a restriction replaces; while there is none, the check is told so and costs nothing.
    if not cached_value(request, "any-view-restriction", [], lambda: PageViewRestriction.objects.exists()):
        page.get_view_restrictions = PageViewRestriction.objects.none
