"""Site navigation built from the page tree (the home page's children shown in menus)."""

from django import template
from django.contrib.contenttypes.models import ContentType

register = template.Library()


from ..menus import menu_pages as _menu_pages


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
