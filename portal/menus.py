"""The home page's children shown in menus, fetched once per request and shared by the header, the
footer and the pages that link to a portal-wide page (all news, the programme calendar).

The list is kept under the ``site`` scope (portal/caching/), which a change to the home page or any of
its children replaces, so a new menu page shows at once."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .caching.store import cached
from .languages import OWN_TEXT, locale_root_path
from .visibility import listable_q


def menu_pages(request):
    # The menu of the request's language: the children of that language's home page, leaving out
    # aliases of untranslated pages (they are 404s in this language).
    if not hasattr(request, "_main_menu"):
        root_path = locale_root_path(request)

        def pages():
            return list(
                Page.objects.filter(depth=len(root_path) // Page.steplen + 1, path__startswith=root_path)
                .filter(listable_q())
                .in_menu()
                .filter(OWN_TEXT)
                .order_by("path")
            )

        request._main_menu = cached(request, "menu-pages", [root_path], pages, []) if root_path else []
    return request._main_menu


def portal_page(request, model):
    """The first menu page of ``model`` (a plain Page, enough for links), or None."""
    if request is None:
        return None
    content_type = ContentType.objects.get_for_model(model)  # cached by Django
    return next((page for page in menu_pages(request) if page.content_type_id == content_type.pk), None)
