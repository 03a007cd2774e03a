"""Finding one's neighbourhood among thousands, at volume: what the way in weighs, how fast the finder answers,
and what the offices' feed weighs, against the gunicorn bench/run started (production-like settings, 127.0.0.1).

- **Weight of the way in**: the front page and the neighbourhoods' index (and, beside them, the province with
  the most neighbourhoods and the first page of the city with the most), each from the page cache: the HTML's
  bytes raw (asked without Accept-Encoding) and gzip-compressed as served (asked with Accept-Encoding: gzip:
  GZipMiddleware compresses it), read from the body http.client receives; and the **first load**: that HTML
  plus every same-origin resource the page asks for before anyone touches it (stylesheets, scripts with a
  src, preloaded fonts or other preloads, images not loading="lazy"), each fetched with Accept-Encoding:
  gzip. In production WhiteNoise serves each static file's precompressed .gz (collectstatic writes it where
  gzip saves 5 % or more; never for fonts or images); bench_settings serves static files from the finders,
  with no .gz beside them, so a static file that arrives uncompressed is counted as the .gz WhiteNoise's own
  compressor would write for it (and the bytes as served are kept beside). Icons are listed, not counted.
- **The finder's suggestions** ``<index>/find/suggest/?q=``: queries made from the neighbourhoods' titles in
  this database (the whole name; the first word that says something, since the finder skips «محله»; the first
  three letters of that word; the name with one letter of its longest word replaced), one sequential client
  on a keep-alive connection, in alternating rounds with the plain Django project's "/" (bench/plain), like
  bench/decisions.py: p50/p95 of each and their ratio, and whether the intended neighbourhood was among the
  suggestions. The finder's HTML page ``find/?q=`` with whole names, fewer requests. Then the **first request
  after a publish elsewhere**: a neighbourhood's page revision published in this process (the server's
  database and Redis), which bumps the list of neighbourhoods, so the worker builds its index again; that
  request timed, and the one after it; and the index built in this process, timed, with its size.
- **The offices' feed** ``offices/`` (JSON; read generically, its layout may change): bytes raw and gzip as
  served, the number of offices in it (the longest list in it, or its ``offices``/``names``) beside the
  number of listable offices with a point in the database, bytes per office, and the gzip size scaled to
  10,000 offices (an extrapolation: linear in the number of offices, at this volume's compression ratio).

Bounded: a fixed number of requests and a time limit per figure; 127.0.0.1 only.
"""

import gzip
import http.client
import json
import random
import statistics
import time
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

from load import HOST, percentile

ROUNDS = 5
KB = 1000  # the targets' kilobytes: 1,000 bytes (the stricter reading)
PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
EXTRAPOLATE_TO = 10_000


# --- HTTP ----------------------------------------------------------------------------------------------


def request(connection, path, compressed=True):
    """(status, headers {lower-case name: value}, body as received, seconds)."""
    headers = {"Accept-Encoding": "gzip"} if compressed else {}
    if not path.isascii():  # a city's name in its address: sent percent-encoded, as a browser does
        path = quote(path, safe="/?&=%:+")
    start = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    seconds = time.perf_counter() - start
    return response.status, {name.lower(): value for name, value in response.getheaders()}, body, seconds


def decoded(headers, body):
    return gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body


# --- weight of a page and of its first load --------------------------------------------------------


class FirstLoad(HTMLParser):
    """The resources a browser fetches on first load of a page, in document order: [(kind, URL)]."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.icons = [], []

    def handle_starttag(self, tag, attrs):
        a = {name: (value or "") for name, value in attrs}
        rel = set(a.get("rel", "").lower().split())
        if tag == "link" and a.get("href"):
            if "stylesheet" in rel:
                self.found.append(("stylesheet", a["href"]))
            elif "preload" in rel or "modulepreload" in rel:
                self.found.append((f"preload ({a.get('as') or 'script'})", a["href"]))
            elif "icon" in rel or "apple-touch-icon" in rel:
                self.icons.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.found.append(("script", a["src"]))
        elif tag == "img" and a.get("src") and a.get("loading", "").lower() != "lazy":
            self.found.append(("image", a["src"]))

    handle_startendtag = handle_starttag


def same_origin(url, port):
    parts = urlsplit(url)
    if not parts.netloc:
        return True
    return parts.netloc in (f"{HOST}:{port}", f"localhost:{port}")


def production_gzip(path, headers, body):
    """The bytes production sends for a static file: as served when it came compressed; else the .gz that
    WhiteNoise's compressor writes at collectstatic (gzip -9, kept only when it saves 5 % or more, never
    for fonts and images) when it would write one; else the file as it is."""
    if headers.get("content-encoding"):
        return len(body)
    try:
        from whitenoise.compress import Compressor
    except ImportError:  # pragma: no cover — WhiteNoise is one of the portal's dependencies
        return len(body)
    compressor = Compressor(quiet=True)
    if not body or not compressor.should_compress(urlsplit(path).path):
        return len(body)
    packed = compressor.compress_gzip(body)
    return len(packed) if len(packed) / len(body) < 0.95 else len(body)


def page_weight(port, path):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    request(connection, path)  # the first request fills the page cache: what every reader after gets
    status_raw, headers_raw, raw, _ = request(connection, path, compressed=False)
    status, headers, body, _ = request(connection, path)
    html = decoded(headers, body)
    parser = FirstLoad()
    parser.feed(raw.decode("utf-8", "replace"))
    resources, seen = [], set()
    for kind, url in parser.found:
        absolute = urljoin(path, url)
        if not same_origin(absolute, port) or absolute in seen:
            continue
        seen.add(absolute)
        local = urlsplit(absolute)
        target = local.path + (f"?{local.query}" if local.query else "")
        r_status, r_headers, r_body, _ = request(connection, target)
        resources.append({
            "kind": kind, "url": target, "status": r_status, "encoding": r_headers.get("content-encoding", ""),
            "served": len(r_body), "raw": len(decoded(r_headers, r_body)),
            "production": production_gzip(target, r_headers, r_body),
        })
    icons = []
    for url in parser.icons:
        absolute = urljoin(path, url)
        if same_origin(absolute, port):
            i_status, i_headers, i_body, _ = request(connection, urlsplit(absolute).path)
            icons.append({"url": urlsplit(absolute).path, "status": i_status, "served": len(i_body),
                          "production": production_gzip(absolute, i_headers, i_body)})
    connection.close()
    first_load = len(body) + sum(r["production"] for r in resources)
    return {
        "path": path, "status": [status_raw, status], "page cache": headers_raw.get("x-page-cache", "—"),
        "html raw bytes": len(raw), "html gzip bytes": len(body), "html encoding": headers.get("content-encoding", ""),
        "html raw KB": len(raw) / KB, "html gzip KB": len(body) / KB,
        "gzip body decompresses to the raw body's length": len(html) == len(raw),
        "resources": resources,
        "resources bytes (production)": sum(r["production"] for r in resources),
        "resources bytes (as served here)": sum(r["served"] for r in resources),
        "first load bytes": first_load, "first load KB": first_load / KB,
        "first load bytes as served here": len(body) + sum(r["served"] for r in resources),
        "icons (one is fetched by a browser; not counted)": icons,
    }


def pages_to_weigh():
    """{name: path}: the front page, the neighbourhoods' index, the province with the most neighbourhoods and
    the first page of the city with the most."""
    from home.models import HomePage
    from neighborhoods.browse import cities_with_counts, provinces_with_counts
    from neighborhoods.models import NeighborhoodIndexPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    home = HomePage.objects.live().filter(**persian).first()
    index = NeighborhoodIndexPage.objects.live().filter(**persian).first()
    path = lambda url: urlsplit(url).path  # noqa: E731
    found = {"front page": path(home.get_url()), "neighbourhoods' index": path(index.get_url())}
    provinces = provinces_with_counts(index)
    if provinces:
        province, count = max(provinces, key=lambda pair: (pair[1], -pair[0].pk))
        found[f"province ({count} neighbourhoods)"] = path(province.get_url())
        cities = [(in_city, city, province) for province, _ in provinces for city, in_city in cities_with_counts(province)]
        if cities:
            in_city, city, province = max(cities, key=lambda row: (row[0], -row[2].pk, row[1]))
            found[f"city, first page ({in_city} neighbourhoods)"] = path(province.city_url(city))
    return home, index, found


# --- the finder ------------------------------------------------------------------------------------


def queries(rng, per_kind):
    """{kind: [(query, intended neighbourhood's path)]} from the titles of listable Persian neighbourhoods."""
    from neighborhoods.finder import FILLER, words
    from neighborhoods.models import NeighborhoodPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    pages = list(NeighborhoodPage.objects.listable().filter(**persian).order_by("pk")
                 .only("id", "title", "url_path", "path", "depth", "locale_id"))
    chosen = rng.sample(pages, min(per_kind, len(pages)))
    while len(chosen) < per_kind and pages:
        chosen.append(rng.choice(pages))
    out = {"whole name": [], "first word": [], "first 3 letters": [], "one letter replaced": []}
    for page in chosen:
        target = urlsplit(page.get_url()).path
        title = page.title
        lettered = [word for word in title.split() if not any(c.isdigit() for c in word)] or title.split()
        said = [word for word in lettered if words(word) and words(word)[0] not in FILLER] or lettered
        first = said[0]
        out["whole name"].append((title, target))
        out["first word"].append((first, target))
        out["first 3 letters"].append((first[:3], target))
        longest = max(said, key=len)
        if len(longest) >= 3:
            at = rng.randrange(1, len(longest) - 1) if len(longest) > 2 else 0
            letter = rng.choice([c for c in PERSIAN_LETTERS if c != longest[at]])
            changed = longest[:at] + letter + longest[at + 1:]
            typo = title.replace(longest, changed, 1)
        else:
            typo = title
        out["one letter replaced"].append((typo, target))
    return out


def stats(latencies):
    return {"requests": len(latencies),
            "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
            "p95_ms": percentile(latencies, 0.95) * 1000}


def suggest_path(index_path, query):
    return f"{index_path}find/suggest/?q={quote(query)}"


def timed_rounds(port, plain_port, index_path, by_kind, time_limit):
    """The suggestions and the plain project in ROUNDS alternating rounds, one sequential client each on a
    keep-alive connection; every round has as many plain requests as suggestions."""
    mixed = [(kind, query, target) for kind, rows in by_kind.items() for query, target in rows]
    random.Random(7).shuffle(mixed)
    per_round = max(1, len(mixed) // ROUNDS)
    portal = http.client.HTTPConnection(HOST, port, timeout=30)
    plain = http.client.HTTPConnection(HOST, plain_port, timeout=30) if plain_port else None
    # Warm-up: fresh connections reach both workers, each of which builds its index on its first request.
    for i in range(8):
        fresh = http.client.HTTPConnection(HOST, port, timeout=30)
        request(fresh, suggest_path(index_path, mixed[i % len(mixed)][1]))
        fresh.close()
    for i in range(5):
        request(portal, suggest_path(index_path, mixed[i % len(mixed)][1]))
        if plain:
            request(plain, "/")
    deadline = time.perf_counter() + time_limit
    by, plains, statuses, found, answered, rounds = {}, [], {}, {}, {}, []
    for number in range(ROUNDS):
        chunk = mixed[number * per_round:(number + 1) * per_round]
        round_plain, round_suggest = [], []
        if plain:
            for _ in chunk:
                if time.perf_counter() > deadline:
                    break
                status, _, _, seconds = request(plain, "/")
                round_plain.append(seconds)
        for kind, query, target in chunk:
            if time.perf_counter() > deadline:
                break
            status, headers, body, seconds = request(portal, suggest_path(index_path, query))
            statuses[str(status)] = statuses.get(str(status), 0) + 1
            by.setdefault(kind, []).append(seconds)
            round_suggest.append(seconds)
            suggestions = json.loads(decoded(headers, body)).get("suggestions", []) if status == 200 else []
            answered[kind] = answered.get(kind, 0) + bool(suggestions)
            found[kind] = found.get(kind, 0) + any(urlsplit(s.get("url", "")).path == target for s in suggestions)
        plains += round_plain
        if round_plain and round_suggest:
            rounds.append(round(statistics.median(round_suggest) / statistics.median(round_plain), 1))
    portal.close()
    if plain:
        plain.close()
    every = [seconds for values in by.values() for seconds in values]
    figure = {**stats(every), "statuses": statuses, "round_x_plain_p50": sorted(rounds),
              "by kind": {kind: {**stats(values), "with a suggestion": answered.get(kind, 0) / len(values),
                                 "intended one suggested": found.get(kind, 0) / len(values)}
                          for kind, values in by.items()}}
    if plains:
        p = stats(plains)
        figure.update(plain_p50_ms=p["p50_ms"], plain_p95_ms=p["p95_ms"], x_plain_p50=figure["p50_ms"] / p["p50_ms"],
                      x_plain_p95=figure["p95_ms"] / p["p95_ms"])
    return figure


def find_page(port, index_path, rows, time_limit):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    request(connection, f"{index_path}find/?q={quote(rows[0][0])}")
    deadline = time.perf_counter() + time_limit
    latencies, statuses, sizes = [], {}, []
    for query, _ in rows:
        if time.perf_counter() > deadline:
            break
        status, _, body, seconds = request(connection, f"{index_path}find/?q={quote(query)}")
        statuses[str(status)] = statuses.get(str(status), 0) + 1
        latencies.append(seconds)
        sizes.append(len(body))
    connection.close()
    return {**stats(latencies), "statuses": statuses, "gzip bytes p50": statistics.median(sizes) if sizes else None}


def publish_elsewhere(rng, trial):
    """A neighbourhood's page revision published (its summary changed, its names kept): the list of
    neighbourhoods' scope is bumped, as by an editor's publish in the admin."""
    from neighborhoods.models import NeighborhoodPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    ids = list(NeighborhoodPage.objects.live().filter(**persian).values_list("pk", flat=True))
    page = NeighborhoodPage.objects.get(pk=rng.choice(ids))
    page.summary = f"{page.summary[:200]} ({trial})"
    start = time.perf_counter()
    page.save_revision().publish()
    return page, (time.perf_counter() - start) * 1000


def after_publish(port, index_path, rows, trials):
    """Per trial: a publish in process, then on one keep-alive connection (one worker) the next suggestion
    (its index built again) and the one after it."""
    from portal.caching import scopes

    rng = random.Random(1404)
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    request(connection, suggest_path(index_path, rows[0][0]))
    out = []
    for trial in range(1, trials + 1):
        query = rows[trial % len(rows)][0]
        request(connection, suggest_path(index_path, query))  # this worker's index current before the publish
        before = scopes.versions([scopes.portal_list("neighborhoods")])
        page, publish_ms = publish_elsewhere(rng, trial)
        after = scopes.versions([scopes.portal_list("neighborhoods")])
        first = request(connection, suggest_path(index_path, query))
        second = request(connection, suggest_path(index_path, query))
        out.append({"trial": trial, "published": page.url_path, "publish_ms": round(publish_ms, 1),
                    "list version bumped": before != after,
                    "first after ms": round(first[3] * 1000, 1), "next ms": round(second[3] * 1000, 1),
                    "statuses": [first[0], second[0]]})
    connection.close()
    firsts = [row["first after ms"] for row in out]
    return {"trials": out, "first after p50_ms": statistics.median(firsts), "first after max_ms": max(firsts),
            "next p50_ms": statistics.median([row["next ms"] for row in out])}


def build_in_process(index, rounds=3):
    """The finder's index of ``index`` built in this process as a worker builds it (with a request, which keeps
    the sites' root paths for every URL): time, SQL queries, size."""
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from wagtail.models import Site

    from neighborhoods.finder import FinderIndex, _answers

    site = Site.objects.filter(is_default_site=True).first()
    times, built, queries_made = [], None, []
    with translation.override(settings.LANGUAGE_CODE):
        for _ in range(rounds):
            request_ = RequestFactory().get(urlsplit(index.get_url()).path, HTTP_HOST=site.hostname if site else "localhost")
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                built = FinderIndex(list(_answers(index, request_)))
                times.append(time.perf_counter() - start)
            queries_made.append(len(captured))
    kinds = {}
    for answer in built.answers:
        kinds[answer.kind] = kinds.get(answer.kind, 0) + 1
    return {**stats(times), "queries": max(queries_made), "answers": kinds, "words": len(built.vocabulary),
            "typo keys": len(built.near)}


# --- the offices' feed ------------------------------------------------------------------------------


def offices_in(feed):
    """The number of offices in a feed whose layout may change: a list of offices, the ``offices`` or
    ``names`` list of an object, or else its longest list."""
    if isinstance(feed, list):
        return len(feed)
    if isinstance(feed, dict):
        for key in ("offices", "names", "features"):
            if isinstance(feed.get(key), list):
                return len(feed[key])
        lists = [len(value) for value in feed.values() if isinstance(value, list)]
        return max(lists) if lists else None
    return None


def offices_with_a_point(index):
    from neighborhoods.models import NeighborhoodPage

    return (NeighborhoodPage.objects.descendant_of(index).listable()
            .filter(latitude__isnull=False, longitude__isnull=False).count())


def feed(port, home, index):
    path = urlsplit(home.get_url()).path + home.reverse_subpage("offices")
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    status_first, _, _, first_seconds = request(connection, path)  # after the publishes above: built again
    _, _, _, kept_seconds = request(connection, path)
    status_raw, headers_raw, raw, _ = request(connection, path, compressed=False)
    status, headers, body, _ = request(connection, path)
    connection.close()
    try:
        in_feed = offices_in(json.loads(raw))
    except ValueError:
        in_feed = None
    in_db = offices_with_a_point(index)
    try:
        parts = json.loads(raw)
    except ValueError:
        parts = None
    by_part = {}
    if isinstance(parts, dict):
        # What each part weighs alone (its JSON, compressed alone): where the bytes of an office go.
        for key, value in parts.items():
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
            by_part[key] = {"raw bytes": len(text), "gzip bytes": len(gzip.compress(text, 6))}
    offices = in_feed or in_db
    per_office = len(body) / offices if offices else None
    return {
        "path": path, "status": [status_first, status_raw, status], "encoding": headers.get("content-encoding", ""),
        "content type": headers_raw.get("content-type", ""),
        "raw bytes": len(raw), "gzip bytes": len(body), "raw KB": len(raw) / KB, "gzip KB": len(body) / KB,
        "offices in the feed": in_feed, "offices with a point in the DB": in_db,
        "raw bytes per office": len(raw) / offices if offices else None, "gzip bytes per office": per_office,
        "gzip KB at 10,000 (extrapolated)": per_office * EXTRAPOLATE_TO / KB if per_office else None,
        "raw KB at 10,000 (extrapolated)": len(raw) / offices * EXTRAPOLATE_TO / KB if offices else None,
        "first request after a change ms": round(first_seconds * 1000, 1), "kept ms": round(kept_seconds * 1000, 1),
        "by part (each compressed alone)": by_part,
    }


def measure(port, plain_port, quick):
    if HOST != "127.0.0.1":
        raise SystemExit("loopback only")
    per_kind, trials, time_limit = (25, 2, 60) if quick else (100, 5, 180)
    home, index, paths = pages_to_weigh()
    index_path = urlsplit(index.get_url()).path
    results = {"pages": {name: page_weight(port, path) for name, path in paths.items()}}
    rows = queries(random.Random(1404), per_kind)
    results["index built in process"] = build_in_process(index)
    results["suggest"] = {"path": suggest_path(index_path, "…"), "per kind": per_kind,
                          "examples": {kind: [query for query, _ in found[:3]] for kind, found in rows.items()},
                          **timed_rounds(port, plain_port, index_path, rows, time_limit)}
    results["find page"] = {"path": f"{index_path}find/?q=…",
                            **find_page(port, index_path, rows["whole name"][: max(10, per_kind // 2)], time_limit / 4)}
    results["after a publish"] = after_publish(port, index_path, rows["whole name"], trials)
    results["feed"] = feed(port, home, index)
    return results
