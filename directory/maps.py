"""Places as the map script reads them: {name, kind, lat, lng, url}."""


def office_place(neighborhood):
    return {
        "name": f"دفتر تسهیلگری {neighborhood.title}",
        "kind": "دفتر تسهیلگری",
        "lat": float(neighborhood.latitude),
        "lng": float(neighborhood.longitude),
        "url": neighborhood.url or "",
    }


def office_places(provinces):
    """Every office with a point, from provinces_with_neighborhoods() (no further query)."""
    return [
        office_place(neighborhood)
        for _province, cities in provinces
        for _city, neighborhoods in cities
        for neighborhood in neighborhoods
        if neighborhood.has_location
    ]
