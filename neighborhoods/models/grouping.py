"""Neighbourhoods grouped by province and city, in a fixed number of queries."""

from collections import OrderedDict

from .neighborhood import NeighborhoodPage
from .province import ProvincePage


def provinces_with_neighborhoods(index_page):
    """[(province, [(city, [neighbourhood, …]), …]), …] for the listable pages under ``index_page``.

    Two queries whatever the number of pages: neighbourhoods are matched to their province by tree
    path instead of asking each page for its parent.
    """
    provinces = list(ProvincePage.objects.child_of(index_page).listable().order_by("title"))
    neighborhoods = NeighborhoodPage.objects.descendant_of(index_page).listable().order_by("city", "title")
    by_path = {province.path: OrderedDict() for province in provinces}
    for neighborhood in neighborhoods:
        cities = by_path.get(neighborhood.path[: len(neighborhood.path) - NeighborhoodPage.steplen])
        if cities is not None:
            cities.setdefault(neighborhood.city, []).append(neighborhood)
    return [(province, list(by_path[province.path].items())) for province in provinces]
