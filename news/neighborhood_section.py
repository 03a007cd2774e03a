"""The news section of a neighbourhood page: its latest news, a link to its news index, and the
index's feed in the page's <head>."""

from django.conf import settings

from neighborhoods.scopes import below_a_neighborhood
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists

from .models import NewsIndexPage, NewsPage


def section_context(neighborhood, request):
    return {
        "latest_news": NewsPage.objects.for_listing().filter(neighborhood=neighborhood)[: settings.NEIGHBORHOOD_LATEST_NEWS],
        "news_index": next(iter(neighborhood.children_of_type(NewsIndexPage)), None),
    }


SECTION = Section(
    name="news",
    order=10,
    template="news/includes/neighborhood_news.html",
    head_template="news/includes/neighborhood_news_head.html",
    context=section_context,
    lists=(
        Lists(NewsPage, below_a_neighborhood, "its latest news"),
        Lists(NewsIndexPage, below_a_neighborhood, "the link to its news index and its feed"),
    ),
)
