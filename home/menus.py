"""The home page's children shown in menus, fetched once per request and shared by the header, the
footer and the pages that link to a portal-wide page (all news, the programme calendar)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Site


def menu_pages(request):
    if not hasattr(request, "_main_menu"):
        site = Site.find_for_request(request)
        request._main_menu = list(site.root_page.get_children().live().in_menu()) if site else []
    return request._main_menu


def portal_page(request, model):
    """The first menu page of ``model`` (a plain Page, enough for links), or None."""
    if request is None:
        return None
    content_type = ContentType.objects.get_for_model(model)  # cached by Django
    return next((page for page in menu_pages(request) if page.content_type_id == content_type.pk), None)
