"""Places as the map script reads them: {name, kind, lat, lng, url}."""

from django.utils.translation import gettext


def office_place(neighborhood, request=None):
    # With the request, Wagtail reads the site root paths once per request rather than once per link
    # (from the cache): the front page lists every office.
    return {
        "name": gettext("دفتر تسهیلگری %(neighborhood)s") % {"neighborhood": neighborhood.title},
        "kind": gettext("دفتر تسهیلگری"),
        "lat": float(neighborhood.latitude),
        "lng": float(neighborhood.longitude),
        "url": neighborhood.get_url(request) or "",
    }


def office_places(provinces, request=None):
    """Every office with a point, from provinces_with_neighborhoods() (no further query)."""
    return [
        office_place(neighborhood, request)
        for _province, cities in provinces
        for _city, neighborhoods in cities
        for neighborhood in neighborhoods
        if neighborhood.has_location
    ]
