"""The home page's children, fetched once per request and shared by the header's menu, the footer (its
menu pages and the privacy and accessibility statements) and the pages that link to a portal-wide page
(all news, the programme calendar).

The list is kept under the ``site`` scope (portal/caching/), which a change to the home page or any of
its children replaces, so a new menu page shows at once."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page

from .caching.store import cached
from .languages import OWN_TEXT, locale_root_path
from .visibility import listable_q


def home_children(request):
    """The children of the home page in the request's language, leaving out aliases of untranslated pages
    (404s in this language), each with ``statement_kind``: the kind of a privacy or accessibility statement
    (home.StatementPage), read in the same query through the page's row of that type, else None."""
    if not hasattr(request, "_home_children"):
        root_path = locale_root_path(request)

        def pages():
            return list(
                Page.objects.filter(depth=len(root_path) // Page.steplen + 1, path__startswith=root_path)
                .filter(listable_q())
                .filter(OWN_TEXT)
                .annotate(statement_kind=F("statementpage__kind"))
                .order_by("path")
            )

        request._home_children = cached(request, "home-children", [root_path], pages, []) if root_path else []
    return request._home_children


def menu_pages(request):
    return [page for page in home_children(request) if page.show_in_menus]


def portal_page(request, model):
    """The first menu page of ``model`` (a plain Page, enough for links), or None."""
    if request is None:
        return None
    content_type = ContentType.objects.get_for_model(model)  # cached by Django
    return next((page for page in menu_pages(request) if page.content_type_id == content_type.pk), None)
