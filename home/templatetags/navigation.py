"""Site navigation built from the page tree (the home page's children shown in menus)."""

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Site

register = template.Library()


def _menu_pages(request):
    # One query per request, shared by the header and the footer.
    if not hasattr(request, "_main_menu"):
        site = Site.find_for_request(request)
        request._main_menu = list(site.root_page.get_children().live().in_menu()) if site else []
    return request._main_menu


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    return {"menu_pages": _menu_pages(request) if request else [], "current": current, "request": request}


@register.simple_tag(takes_context=True)
def portal_feed_url(context):
    """The RSS feed of the portal-wide news index, if there is one."""
    from news.models import NewsIndexPage

    request = context.get("request")
    content_type = ContentType.objects.get_for_model(NewsIndexPage)  # cached by Django
    for page in _menu_pages(request) if request else []:
        if page.content_type_id == content_type.pk:
            return page.get_url(request) + "feed/"
    return ""


@register.simple_tag
def page_ancestors(page):
    """The page's ancestors below the tree root, fetched once per page object."""
    ancestors = getattr(page, "ancestors", None)
    if ancestors is None:
        ancestors = page.ancestors = list(page.get_ancestors().filter(depth__gt=1))
    return ancestors
