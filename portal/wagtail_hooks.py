"""Serving pages: a page answers only in its own language, and Wagtail's view-restriction lookup is
skipped while the site has no restriction at all."""

from django.http import Http404
from wagtail import hooks
from wagtail.models import PageViewRestriction

from .content_version import cached_value
from .languages import serves_active_language


@hooks.register("before_serve_page")
def only_in_its_own_language(page, request, serve_args, serve_kwargs):
    # Wagtail routes /en/… from the Persian home when there is no English home, and wagtail-localize
    # fills a translated tree with aliases of Persian pages: either way the Persian text would be
    # served under another language's URL. A page that does not exist in the URL's language is a 404.
    if not serves_active_language(page, request):
        raise Http404


@hooks.register("before_serve_page")
def no_view_restrictions_to_check(page, request, serve_args, serve_kwargs):
    # Wagtail's own check asks for the page's ancestors and their restrictions: two queries on every
    # page served. Whether any restriction exists is kept under the content version, which saving or
    # deleting a restriction replaces; while there is none, the check is told so and costs nothing.
    if not cached_value(request, "any-view-restriction", [], lambda: PageViewRestriction.objects.exists()):
        page.get_view_restrictions = PageViewRestriction.objects.none
