"""The neighbourhood page's links to its own content pages ("about the office", "how to take part")."""

from neighborhoods.scopes import below_a_neighborhood
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists

from .models import ContentPage

SECTION = Section(
    name="pages",
    order=50,
    template="content/includes/neighborhood_pages.html",
    # From the family the neighbourhood page has already fetched: no query.
    context=lambda neighborhood, request: {"content_pages": neighborhood.children_of_type(ContentPage)},
    lists=(Lists(ContentPage, below_a_neighborhood, "the links to its content pages"),),
)
