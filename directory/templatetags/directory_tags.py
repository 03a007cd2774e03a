"""Money and maps on directory pages."""

from django import template
from django.conf import settings

from portal.money import format_money

from ..maps import RemotePlaces

register = template.Library()


@register.filter
def toman(rials):
    """Rials (how money is stored) as «۱۵۰٬۰۰۰ تومان»; nothing or zero is «رایگان»."""
    return format_money(rials)


@register.inclusion_tag("directory/includes/map.html")
def place_map(places, map_id, label):
    """A Leaflet map of ``places`` (dicts of name, kind, lat, lng, url) and, always, the same places as
    a list with coordinates: the list is what screen readers and phones without tiles rely on."""
    remote = places if isinstance(places, RemotePlaces) else None
    return {
        "places": [] if remote else places,
        "source_url": remote.url if remote else "",
        "has_places": bool(places),
        "map_id": map_id,
        "data_id": f"{map_id}-data",
        "label": label,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
