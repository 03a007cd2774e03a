"""Places as the map script reads them: {name, kind, lat, lng, url}; and every office, as the front
page's "near me" and map of offices read them (the compact feed)."""

import json
import re
import unicodedata
from collections import namedtuple
from decimal import Decimal
from urllib.parse import unquote

from django.utils.translation import gettext

FEED_VERSION = 1
# Coordinates are sent in ten-thousandths of a degree (about 11 m): near enough to tell the nearest
# office and to place a marker, and whole numbers that compress far better than six decimals.
COORDINATE_SCALE = 10_000


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


# One office as the feed needs it: plain values, so that a feed can be built from pages not saved
# (tests/test_offices_feed.py measures ten thousand of them).
OfficeRow = namedtuple("OfficeRow", "province province_url city name latitude longitude url")


def office_rows(provinces, request=None):
    """The rows of every office with a point and an address, from provinces_with_neighborhoods()
    (no further query: the request keeps the site's root paths for every URL)."""
    for province, cities in provinces:
        province_url = province.get_url(request) or ""
        for city, neighborhoods in cities:
            for neighborhood in neighborhoods:
                url = neighborhood.has_location and neighborhood.get_url(request)
                if url:
                    yield OfficeRow(
                        province.title,
                        province_url,
                        city,
                        neighborhood.title,
                        neighborhood.latitude,
                        neighborhood.longitude,
                        url,
                    )


def _scaled(value):
    return round(Decimal(str(value)) * COORDINATE_SCALE)


# Letters the browser and Python lower-case and classify alike: ASCII, the Arabic block (Persian letters and
# digits), the zero-width non-joiner and joiner.
_SAME_EVERYWHERE = re.compile(r"[\x20-\x7e\u0600-\u06ff\u200c\u200d]*")


def slug_from_title(title):
    """The slug the admin proposes for ``title`` when slugs may be Persian (Wagtail's "urlify" with
    unicode allowed: lower case, only letters, digits, "-" and "_", spaces and dashes as one "-"), or
    None for a title with letters outside _SAME_EVERYWHERE. static/js/finder-tools.js::slugFromTitle
    is the same rule: a feed leaves out the slugs that follow it."""
    if not _SAME_EVERYWHERE.fullmatch(title):
        return None
    kept = "".join(
        letter for letter in title.lower() if letter in "-_ " or unicodedata.category(letter)[0] in "LN"
    )
    return re.sub(r"[- ]+", "-", kept).rstrip("-")


def _path(url, province_url, title):
    """An office's URL as the feed gives it: "" when it is its province's URL and the slug made from its
    title, the slug alone (no slash) when it is its province's URL and another slug, else the whole URL."""
    if province_url.endswith("/") and url.startswith(province_url) and url.endswith("/"):
        # Persian slugs arrive percent-encoded (three times as long); the browser encodes them again.
        slug = unquote(url[len(province_url) : -1])
        if slug and "/" not in slug:
            return "" if slug == slug_from_title(title) else slug
    return url


def office_feed(rows):
    """The offices as one compact JSON text, read by static/js/finder-tools.js::decode.

    A thousand offices as a list of dicts were some 150 bytes each; ten thousand must reach a phone
    in a few seconds on a slow connection (100 KB gzipped at most), so the feed is laid out for
    compression, one column per field:

    - ``provinces``: [[title, url], …];
    - ``cities``: [[name, index in provinces, number of offices], …]: the offices follow in the
      order of the cities, so neither a city nor a province is repeated per office;
    - ``lat``, ``lng``: in ten-thousandths of a degree; within a city the offices go from south to
      north and each but the first is the difference from the one before (small numbers);
    - ``names``: the neighbourhoods' titles;
    - ``paths``: where each office is (see _path): its province's URL followed by this and a slash,
      or by the slug made from its name when this is empty; or this whole URL.
    """
    provinces = {}
    cities = {}
    for row in rows:
        province = provinces.setdefault((row.province, row.province_url), len(provinces))
        cities.setdefault((province, row.city), []).append(row)
    feed = {"v": FEED_VERSION, "provinces": [list(key) for key in provinces], "cities": []}
    lat, lng, names, paths = feed["lat"], feed["lng"], feed["names"], feed["paths"] = [], [], [], []
    for (province, city), offices in cities.items():
        feed["cities"].append([city, province, len(offices)])
        province_url = feed["provinces"][province][1]
        previous = None
        for office in sorted(offices, key=lambda row: (_scaled(row.latitude), _scaled(row.longitude), row.name)):
            point = (_scaled(office.latitude), _scaled(office.longitude))
            lat.append(point[0] - previous[0] if previous else point[0])
            lng.append(point[1] - previous[1] if previous else point[1])
            previous = point
            names.append(office.name)
            paths.append(_path(office.url, province_url, office.name))
    return json.dumps(feed, ensure_ascii=False, separators=(",", ":"))
