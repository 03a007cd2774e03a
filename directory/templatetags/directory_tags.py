"""Money and maps on directory pages."""

from django import template
from django.conf import settings

from portal.money import format_money

register = template.Library()


@register.filter
def toman(rials):
    """Rials (how money is stored) as «۱۵۰٬۰۰۰ تومان»; nothing or zero is «رایگان»."""
    return format_money(rials)


@register.inclusion_tag("directory/includes/map.html")
def place_map(places, map_id, label):
    """A Leaflet map of ``places`` (dicts of name, kind, lat, lng, url) and, always, the same places as
    a list with a directions link each: the list is what screen readers and phones without tiles rely on."""
    return {
        "places": places,
        "has_places": bool(places),
        "map_id": map_id,
        "data_id": f"{map_id}-data",
        "label": label,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@register.simple_tag
def map_tiles():
    """The tile server a map draws on, for a map the page builds itself (empty: a plain ground)."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
