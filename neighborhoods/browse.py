"""The way down to one's neighbourhood among thousands: provinces with their counts, a province's cities with
theirs, a city's neighbourhoods a page at a time. Each level is one short list and a fixed number of queries,
whatever the number of neighbourhoods.
"""

from django.db.models import Count
from django.db.models.functions import Substr

from .models.neighborhood import NeighborhoodPage
from .models.province import ProvincePage


def provinces_with_counts(index_page):
    """[(province, number of listable neighbourhoods)] under ``index_page``, by title: two queries."""
    provinces = list(ProvincePage.objects.child_of(index_page).listable().order_by("title").only("id", "title", "path", "url_path", "depth", "locale_id"))
    if not provinces:
        return []
    width = len(provinces[0].path)
    counts = dict(
        NeighborhoodPage.objects.descendant_of(index_page)
        .listable()
        .annotate(province_path=Substr("path", 1, width))
        .order_by()  # the pages' default order (path) would split each group
        .values_list("province_path")
        .annotate(count=Count("pk"))
        .values_list("province_path", "count")
    )
    return [(province, counts.get(province.path, 0)) for province in provinces]


def cities_with_counts(province):
    """[(city, number of listable neighbourhoods)] of ``province``, by name: one query."""
    return list(
        NeighborhoodPage.objects.child_of(province)
        .listable()
        .order_by()
        .values_list("city")
        .annotate(count=Count("pk"))
        .values_list("city", "count")
        .order_by("city")
    )


def neighborhoods_of_city(province, city):
    """The listable neighbourhoods of ``city`` in ``province``, by title, for paging."""
    return (
        NeighborhoodPage.objects.child_of(province)
        .listable()
        .filter(city=city)
        .only("id", "title", "slug", "url_path", "path", "depth", "locale_id", "city", "district", "summary", "other_names")
        .order_by("title", "pk")
    )
