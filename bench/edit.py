"""After an edit: a publish in neighbourhood A leaves neighbourhood B's cached page valid.

Against the gunicorn bench/run started (page cache on): every URL below is requested until the page
cache answers it (``X-Page-Cache: hit``), then a news item is added under A's news index and published in
this process with Wagtail's API (``save_revision().publish()``; the database and Redis are the server's,
so the bump is what the server sees). Then A's page is requested twice and B's once, each timed, with
its ``X-Page-Cache``: wanted A "miss" then "hit", B "hit". Other pages are requested once after that to
show what else the publish made stale, beside the scopes each one's page-cache entry depends on (read
from the entry before the publish) and the scopes the publish bumped: a page is expected to be rendered
again only when the two meet (the pages that list news portal-wide: home, the portal's news, and any
page that reads ``list:news``). A few trials, each with its own publish.
"""

import http.client
import random
import time
from urllib.parse import urlsplit

from django.conf import settings

HOST = "127.0.0.1"

def pages():
    from django.db.models import Count

    from directory.models import AssetPage, DirectoryIndexPage
    from home.models import HomePage
    from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
    from news.models import NewsIndexPage, NewsPage
    from programmes.models import ProgramCalendarPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    busiest = (NeighborhoodPage.objects.live().filter(**persian).annotate(n=Count("news_items"))
               .order_by("-n", "pk"))
    a = busiest.first()
    province_a = ProvincePage.objects.ancestor_of(a).first()
    # B: the busiest neighbourhood of another province, so that nothing but the portal-wide lists is shared.
    b = busiest.exclude(path__startswith=province_a.path).first() or busiest.exclude(pk=a.pk).first()
    home = HomePage.objects.live().filter(**persian).first()
    path = lambda page: urlsplit(page.get_url()).path if page else None  # noqa: E731
    found = {
        "A neighbourhood": path(a),
        "B neighbourhood": path(b),
        "A news index": path(NewsIndexPage.objects.live().child_of(a).first()),
        "B news index": path(NewsIndexPage.objects.live().child_of(b).first()),
        "B news item": path(NewsPage.objects.live().filter(neighborhood=b).order_by("-date", "-pk").first()),
        "B asset": path(AssetPage.objects.live().descendant_of(b).first()),
        "A province": path(province_a),
        "B province": path(ProvincePage.objects.ancestor_of(b).first()),
        "home": path(home),
        "portal news": path(NewsIndexPage.objects.live().child_of(home).first()),
        "neighbourhood index": path(NeighborhoodIndexPage.objects.live().filter(**persian).first()),
        "directory": path(DirectoryIndexPage.objects.live().filter(**persian).first()),
        "calendar": path(ProgramCalendarPage.objects.live().filter(**persian).first()),
    }
    return a, {name: p for name, p in found.items() if p}


def get(connection, path):
    start = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return {"ms": round((time.perf_counter() - start) * 1000, 2), "status": response.status,
            "cache": response.getheader("X-Page-Cache") or "none"}


def depends_on(path):
    """The scopes the page cache's entry for ``path`` was rendered from (None: no entry)."""
    from portal.caching.middleware import page_cache, page_key

    entry = page_cache().get(page_key(path))
    return sorted(entry[2]) if entry else None


def measure(port, trials=3):
    from editing import publish_one
    from news.models import NewsPage
    from portal.caching.invalidation import scopes_for

    a, urls = pages()
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    rows, never_kept, depends, stale_unrelated = [], set(), {}, set()
    for trial in range(1, trials + 1):
        for name, path in urls.items():  # warm: until the page cache answers (3 tries)
            for _ in range(3):
                if get(connection, path)["cache"] == "hit":
                    break
            else:
                never_kept.add(name)
            depends[name] = depends_on(path)
        start = time.perf_counter()
        published = publish_one(random.Random(trial), [a.pk], f"edit-{trial}", mode="add")
        publish_ms = (time.perf_counter() - start) * 1000
        bumped = sorted(scopes_for(NewsPage.objects.get(pk=published["page"])))
        row = {"trial": trial, "publish_ms": round(publish_ms, 1), "published": published["url_path"], "bumped": bumped,
               "A first": get(connection, urls["A neighbourhood"]),
               "A second": get(connection, urls["A neighbourhood"]),
               "B": get(connection, urls["B neighbourhood"])}
        row["others"] = {name: get(connection, path)["cache"] for name, path in urls.items()
                         if name not in ("A neighbourhood", "B neighbourhood")}
        rows.append(row)
        for name, cache in [("B neighbourhood", row["B"]["cache"]), *row["others"].items()]:
            shared = set(depends.get(name) or ()) & set(bumped)
            if cache != "hit" and name not in never_kept and not shared:
                stale_unrelated.add(name)
    connection.close()
    bumped_names = set(rows[-1]["bumped"]) if rows else set()
    return {
        "A": urls["A neighbourhood"],
        "B": urls["B neighbourhood"],
        "urls": urls,
        "trials": rows,
        "B stayed a hit": all(row["B"]["cache"] == "hit" for row in rows),
        "A miss then hit": all(row["A first"]["cache"] == "miss" and row["A second"]["cache"] == "hit" for row in rows),
        "never a page-cache hit": sorted(never_kept),
        # Rendered again although its entry named none of the bumped scopes: would be a bug.
        "stale but unrelated": sorted(stale_unrelated),
        # Rendered again because it reads a portal-wide scope a news publish anywhere bumps.
        "stale through a shared scope": {name: sorted(set(scopes or ()) & bumped_names) for name, scopes in depends.items()
                                         if set(scopes or ()) & bumped_names and not name.startswith("A ")},
        "depends": depends,
    }
