"""The home page's children shown in menus, fetched once per request and shared by the header, the
footer and the pages that link to a portal-wide page (all news, the programme calendar).

The list is kept in the cache under the content version (portal/content_version.py): a page
published, moved or deleted anywhere replaces the version, so a new menu page shows at once."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from portal.languages import OWN_TEXT, locale_root_path
from portal.visibility import listable_q

from portal.content_version import cached_value


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

        request._main_menu = cached_value(request, "menu-pages", [root_path], pages) if root_path else []
    return request._main_menu


def portal_page(request, model):
    """The first menu page of ``model`` (a plain Page, enough for links), or None."""
    if request is None:
        return None
    content_type = ContentType.objects.get_for_model(model)  # cached by Django
    return next((page for page in menu_pages(request) if page.content_type_id == content_type.pk), None)
