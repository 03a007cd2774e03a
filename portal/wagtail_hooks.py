"""Serving pages: a page answers only in its own language, and Wagtail's view-restriction lookup is
skipped while the site has no restriction at all; the scopes a served page depends on; what the
portal itself lists, for the caches; and Persian digits throughout the admin."""

from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from .admin_scope import titles_for
from .caching import scopes
from .caching.invalidation import Lists, read_scopes
from .languages import serves_active_language
from .visibility import restricted_paths


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
    # page served. The restricted sections are kept under ``site``, which saving or deleting a
    # restriction replaces; a page in none of them is told so and costs nothing.
    if not page.path.startswith(tuple(restricted_paths())):
        page.get_view_restrictions = PageViewRestriction.objects.none


@hooks.register("before_serve_page")
def depends_on_its_own_scopes(page, request, serve_args, serve_kwargs):
    # Read before anything is rendered, so a page kept in the page cache is tagged with versions that
    # are not newer than what it shows (portal/caching/middleware.py).
    scopes.versions(read_scopes(page))


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_titles_in_scope(parent_page, pages, request):
    return titles_for(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_titles_in_scope(pages, request):
    return titles_for(request.user, pages)


@hooks.register("construct_main_menu", order=100)
def second_factor_menu_in_persian(request, menu_items):
    # wagtail-2fa leaves an unverified user one menu item, labelled in English outside its catalogue.
    for item in menu_items:
        if item.label == "2FA Setup":
            item.label = gettext("ورود دومرحله‌ای")


@hooks.register("insert_global_admin_js")
def persian_digits_in_the_admin():
    # Wagtail's counts, pagers and versions come in Latin digits, some from its scripts: turned Persian as shown.
    return format_html('<script src="{}" defer></script>', static("js/admin-persian-digits.js"))


@hooks.register("register_cache_lists")
def portal_lists():
    return [
        # The home page and its children make the header's menu and the front page's sections.
        Lists(Page, lambda page: [scopes.SITE] if page.depth <= 3 else [], "the menu and the portal's sections"),
        Lists(Page, lambda page: [scopes.portal_list("pages")], "the sitemap and the pages API"),
    ]
