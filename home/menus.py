"""The home page's children shown in menus, fetched once per request and shared by the header, the
footer and the pages that link to a portal-wide page (all news, the programme calendar).

The list is kept in the cache under the content version (portal/content_version.py): a page
published, moved or deleted anywhere replaces the version, so a new menu page shows at once."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Site

from portal.content_version import cached_value


def menu_pages(request):
    if not hasattr(request, "_main_menu"):
        site = Site.find_for_request(request)
        if site is None:
            request._main_menu = []
        else:
            request._main_menu = cached_value(
                request, "menu-pages", [site.pk], lambda: list(site.root_page.get_children().live().in_menu())
            )
    return request._main_menu


def portal_page(request, model):
    """The first menu page of ``model`` (a plain Page, enough for links), or None."""
    if request is None:
        return None
    content_type = ContentType.objects.get_for_model(model)  # cached by Django
    return next((page for page in menu_pages(request) if page.content_type_id == content_type.pk), None)
