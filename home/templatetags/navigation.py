"""Site navigation built from the page tree (the home page's children shown in menus)."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils.translation import gettext
from wagtail.models import Site

from neighborhoods.browse import provinces_with_counts
from news.models import NewsIndexPage
from portal.caching import scopes
from portal.caching.invalidation import read_scopes
from portal.caching.store import cached
from portal.menus import home_children, menu_pages as _menu_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The header's menu, kept under ``site`` per language and current section."""
    request = context.get("request")
    current = context.get("page")
    path, depth = getattr(current, "path", ""), getattr(current, "depth", 0)

    def render():
        menu = {"menu_pages": _menu_pages(request) if request else [], "current": current, "request": request}
        return render_to_string("includes/main_menu.html", menu)

    if request is None:
        return render()
    # The menu marks the section the current page is in (its ancestor at depth 3) or the home page.
    site = Site.find_for_request(request)  # found while routing: no query
    return cached(request, "main-menu", [getattr(site, "pk", None), path[:12], depth == 2], render, [], html=True)


@register.simple_tag(takes_context=True)
def portal_feed_url(context):
    """The RSS feed of the portal-wide news index, if there is one."""
    request = context.get("request")
    content_type = ContentType.objects.get_for_model(NewsIndexPage)  # cached by Django
    for page in _menu_pages(request) if request else []:
        if page.content_type_id == content_type.pk:
            return page.get_url(request) + "feed/"
    return ""


@register.simple_tag(takes_context=True)
def statement_links(context):
    """{kind: {"title", "url"}} of the portal's statements in the request's language (the privacy notice,
    the accessibility statement), for the footer and the forms: the home page's children, read with the menu."""
    request = context.get("request")
    if request is None:
        return {}
    if not hasattr(request, "_statement_links"):  # a form page asks twice: its notice and the footer
        request._statement_links = {
            page.statement_kind: {"title": page.title, "url": page.get_url(request)}
            for page in home_children(request)
            if page.statement_kind
        }
    return request._statement_links


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    """The page's ancestors below the tree root, fetched once per page object and kept under the page's
    own scopes (an ancestor renamed or moved replaces them)."""
    ancestors = getattr(page, "ancestors", None)
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None)
    if ancestors is None and page.depth == 3 and site is not None:
        # A child of the home page: the home page in its language is the site's, already at hand.
        ancestors = page.ancestors = [site.root_page.localized]
    if ancestors is None:

        def fetch():
            return list(page.get_ancestors().filter(depth__gt=1))

        ancestors = page.ancestors = cached(request, "ancestors", [page.pk], fetch, read_scopes(page)) if request else fetch()
    return ancestors


@register.simple_tag(takes_context=True)
def province_list(context, index):
    """The provinces under ``index`` with their numbers of neighbourhoods: the first level of the way down, thirty
    short rows whatever the number of neighbourhoods, the same on the front page and the index, kept under the list
    of neighbourhoods' scope."""
    request = context.get("request")

    def render():
        places = [(province.title, count, province.get_url(request)) for province, count in provinces_with_counts(index) if count]
        if not places:
            return render_to_string("neighborhoods/includes/no_neighborhoods.html", {"request": request})
        return render_to_string(
            "neighborhoods/includes/place_counts.html",
            {"places": places, "label": gettext("استان‌ها و شمار محله‌های هر یک"), "request": request},
        )

    if request is None:
        return render()
    return cached(request, "province-list", [index.pk], render, [scopes.portal_list("neighborhoods")], html=True)
