"""Site navigation built from the page tree (the home page's children shown in menus)."""

from django import template
from wagtail.models import Site

register = template.Library()


def _menu_pages(request):
    # One query per request, shared by the header and the footer.
    if not hasattr(request, "_main_menu"):
        site = Site.find_for_request(request)
        request._main_menu = list(site.root_page.get_children().live().in_menu().specific()) if site else []
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
    for page in _menu_pages(request) if request else []:
        if isinstance(page, NewsIndexPage):
            return page.get_url(request) + "feed/"
    return ""
