"""Readers under editing load: what share of reads the page cache answers while pages are published.

Readers (``THREADS`` threads, keep-alive, anonymous, page cache on) ask for random pages spread over
every neighbourhood -- the neighbourhood page, its news index and its latest news item, chosen once at
the start -- for a fixed time, after one request to each of those URLs (the page cache warm, as on a
site that has been up a while). Meanwhile another process publishes a page every ``interval`` seconds
in a random neighbourhood through Wagtail's API: half the time a news item added under the
neighbourhood's news index, half the time an existing news item of it edited, each with
``save_revision().publish()``. It runs with the code tree and the Redis database of the server it edits
for, so the publish invalidates what that server keeps exactly as an editor's would.

Figures: the share of reads served without rendering (``X-Page-Cache: hit`` over all reads), p50/p95 of
all reads, of hits and of misses (ms), misses per publish, reads by kind, and the publisher's count and
time per publish. Then, with the publisher still at work, the same readers with a query string for half
as long (the page cache skipped, so every read is rendered): p50/p95 of a render while pages are being
published, which is what the fragments and values kept under scopes buy (with one content version for
the whole site, every publish made every page's fragments stale).

The same load runs against the code as it was before scoped invalidation (bench/run --before: commit
da3b6c9 in a git worktree, its own gunicorn, the same database, another Redis database), so the figure
of the old code stands beside the new one.

The publisher is this file run as a script (``publish`` below) with the target tree first on sys.path;
at module level it imports nothing from the project.
"""

import datetime
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

THREADS = 4
HOST = "127.0.0.1"
INTERVAL = 1.0
SHARE_TARGET = 0.90
P95_TARGET_MS = 50


# --- the URLs readers ask for ------------------------------------------------------------------------

def reader_urls():
    """{"neighbourhood" | "news index" | "news item": [path, …]}, one of each per Persian neighbourhood."""
    from django.conf import settings
    from wagtail.models import Site

    from neighborhoods.models import NeighborhoodPage
    from news.models import NewsIndexPage, NewsPage

    site = Site.objects.get(is_default_site=True)
    root = site.root_page.url_path

    def url(url_path):
        return "/" + url_path[len(root):] if url_path.startswith(root) else None

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    neighbourhoods = list(NeighborhoodPage.objects.live().filter(**persian).values_list("pk", "path", "url_path"))
    depth = NeighborhoodPage.objects.filter(pk=neighbourhoods[0][0]).values_list("depth", flat=True).get()
    paths = {path for _pk, path, _url in neighbourhoods}
    indexes = [u for p, u in NewsIndexPage.objects.live().filter(depth=depth + 1, **persian).values_list("path", "url_path")
               if p[: len(p) - 4] in paths]
    latest = (NewsPage.objects.live().filter(neighborhood_id__in=[pk for pk, _p, _u in neighbourhoods], **persian)
              .order_by("neighborhood_id", "-date", "-pk").distinct("neighborhood_id").values_list("url_path", flat=True))
    urls = {
        "neighbourhood": [url(u) for _pk, _p, u in neighbourhoods],
        "news index": [url(u) for u in indexes],
        "news item": [url(u) for u in latest],
    }
    # One check against Wagtail's own URL, so a wrong root is found here rather than as 404s.
    sample = NeighborhoodPage.objects.get(pk=neighbourhoods[0][0])
    from urllib.parse import urlsplit

    assert urlsplit(sample.get_url()).path == url(sample.url_path), (sample.get_url(), url(sample.url_path))
    return {kind: sorted(p for p in found if p) for kind, found in urls.items()}


# --- readers -----------------------------------------------------------------------------------------

def read(connection, path):
    start = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return time.perf_counter() - start, response.status, response.getheader("X-Page-Cache") or "none"


def readers(port, urls, seconds, threads=THREADS, seed=1404, suffix=""):
    """Random reads until ``seconds`` pass: [(kind, latency, status, X-Page-Cache)…]. ``suffix`` ("?bench")
    makes every read skip the page cache."""
    by_kind = {kind: paths for kind, paths in urls.items() if paths}
    deadline = time.perf_counter() + seconds
    found, lock = [], threading.Lock()

    def loop(number):
        rng = random.Random(seed + number)
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine = []
        while time.perf_counter() < deadline:
            # A kind first, then a page of it: each kind a third of the reads.
            kind = rng.choice(list(by_kind))
            path = rng.choice(by_kind[kind])
            try:
                latency, status, header = read(connection, path + suffix)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                latency, status, header = 0.0, "error", "none"
            mine.append((kind, latency, status, header))
        connection.close()
        with lock:
            found.extend(mine)

    pool = [threading.Thread(target=loop, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return found


def warm(port, urls, time_limit, threads=THREADS, suffix=""):
    """One request to every URL (each thread its share), bounded in time: the page cache filled (or, with a
    ``suffix``, the fragments and values each page keeps)."""
    paths = [path + suffix for found in urls.values() for path in found]
    deadline = time.perf_counter() + time_limit
    headers, lock = {}, threading.Lock()
    start = time.perf_counter()

    def loop(share):
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        for path in share:
            if time.perf_counter() > deadline:
                break
            try:
                _latency, status, header = read(connection, path)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                status, header = "error", "none"
            with lock:
                key = f"{status} {header}"
                headers[key] = headers.get(key, 0) + 1
        connection.close()

    pool = [threading.Thread(target=loop, args=(paths[n::threads],)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return {"urls": len(paths), "seconds": round(time.perf_counter() - start, 1), "answers": headers}


def ms(values, fraction):
    from load import percentile

    return percentile(values, fraction) * 1000 if values else None


def summarise(reads, seconds):
    ok = [r for r in reads if r[2] != "error"]
    hits = [r[1] for r in ok if r[3] == "hit"]
    misses = [r[1] for r in ok if r[3] == "miss"]
    other = [r[1] for r in ok if r[3] not in ("hit", "miss")]
    every = [r[1] for r in ok]
    statuses, kinds = {}, {}
    for kind, _latency, status, header in reads:
        statuses[f"{status} {header}"] = statuses.get(f"{status} {header}", 0) + 1
        entry = kinds.setdefault(kind, {"reads": 0, "hits": 0})
        entry["reads"] += 1
        entry["hits"] += header == "hit"
    for entry in kinds.values():
        entry["share"] = entry["hits"] / entry["reads"] if entry["reads"] else None
    return {
        "seconds": seconds,
        "reads": len(reads),
        "rps": len(reads) / seconds if seconds else None,
        "hits": len(hits),
        "misses": len(misses),
        "not kept": len(other),
        "errors": len(reads) - len(ok),
        "share": len(hits) / len(reads) if reads else None,
        "p50_ms": statistics.median(every) * 1000 if every else None,
        "p95_ms": ms(every, 0.95),
        "hit p50_ms": statistics.median(hits) * 1000 if hits else None,
        "hit p95_ms": ms(hits, 0.95),
        "miss p50_ms": statistics.median(misses) * 1000 if misses else None,
        "miss p95_ms": ms(misses, 0.95),
        "by kind": kinds,
        "statuses": statuses,
    }


# --- the publisher, in its own process ---------------------------------------------------------------

def publisher_command(tree, bench_dir=None):
    """The command that runs ``publish`` with ``tree``'s code (and its bench settings) first on sys.path."""
    bench_dir = bench_dir or os.path.join(tree, "bench")
    here = os.path.abspath(__file__)
    code = (
        "import sys, importlib.util;"
        f"sys.path[:0] = [{tree!r}, {bench_dir!r}];"
        f"spec = importlib.util.spec_from_file_location('bench_editing', {here!r});"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module);"
        "module.publisher_main(sys.argv[1:])"
    )
    return [sys.executable, "-c", code]


def start_publisher(tree, env, seconds, interval=INTERVAL, seed=1404):
    """Starts the publisher for ``tree`` and waits until it has loaded Django (it prints "ready")."""
    process = subprocess.Popen(
        [*publisher_command(tree), "--seconds", str(seconds), "--interval", str(interval), "--seed", str(seed),
         "--wait-for-go"],
        cwd=tree, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline()
    if not line.startswith("ready"):
        process.kill()
        _out, err = process.communicate(timeout=30)
        raise RuntimeError(f"the publisher did not start: {line!r} {err[-2000:]}")
    return process, line.split(None, 1)[1].strip()


def publish_one(rng, neighbourhood_ids, counter, mode=None):
    """Adds (or edits) a news item in a random neighbourhood and publishes it; returns what it did."""
    from news.models import NewsIndexPage, NewsPage
    from neighborhoods.models import NeighborhoodPage

    neighbourhood = NeighborhoodPage.objects.get(pk=rng.choice(neighbourhood_ids))
    mode = mode or rng.choice(["add", "edit"])
    if mode == "edit":
        news = NewsPage.objects.live().filter(neighborhood_id=neighbourhood.pk).order_by("?").first()
        if news is None:
            mode = "add"
        else:
            news.lead = f"ویرایش {counter} در {time.strftime('%H:%M:%S')}: {news.lead[:200]}"
            news.save_revision().publish()
    if mode == "add":
        index = NewsIndexPage.objects.child_of(neighbourhood).first()
        news = NewsPage(
            title=f"خبر تازه {counter} از {neighbourhood.title}",
            slug=f"bench-{os.getpid()}-{counter}-{int(time.time() * 1000)}",
            date=datetime.date.today(),
            lead="خبری که در میانه‌ی سنجش منتشر شد.",
            body="<p>متن خبری که در میانه‌ی سنجش منتشر شد.</p>",
            live=False,  # as Wagtail's admin creates a page: a draft, then its revision published
        )
        index.add_child(instance=news)
        news.save_revision().publish()
    return {"mode": mode, "neighbourhood": neighbourhood.pk, "page": news.pk, "url_path": news.url_path}


def publisher_main(argv):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--interval", type=float, default=INTERVAL)
    parser.add_argument("--seed", type=int, default=1404)
    parser.add_argument("--wait-for-go", action="store_true", help="start when a line arrives on stdin")
    args = parser.parse_args(argv)
    import django

    django.setup()
    from django.conf import settings

    from neighborhoods.models import NeighborhoodPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    ids = list(NeighborhoodPage.objects.live().filter(**persian).values_list("pk", flat=True))
    import portal

    print(f"ready {os.path.dirname(os.path.dirname(portal.__file__))}", flush=True)
    if args.wait_for_go:
        sys.stdin.readline()
    rng = random.Random(args.seed)
    start = time.perf_counter()
    deadline = start + args.seconds
    done, errors, durations = [], [], []
    counter = 0
    while True:
        due = start + counter * args.interval
        if due >= deadline:
            break
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        counter += 1
        began = time.perf_counter()
        try:
            done.append(publish_one(rng, ids, counter))
            durations.append(time.perf_counter() - began)
        except Exception as error:  # noqa: BLE001 -- counted and reported, never stops the load
            errors.append(repr(error)[:300])
    modes = {}
    for entry in done:
        modes[entry["mode"]] = modes.get(entry["mode"], 0) + 1
    print(json.dumps({
        "published": len(done), "modes": modes, "errors": len(errors), "first errors": errors[:3],
        "publish p50_ms": statistics.median(durations) * 1000 if durations else None,
        "publish max_ms": max(durations) * 1000 if durations else None,
        "neighbourhoods touched": len({entry["neighbourhood"] for entry in done}),
        "seconds": round(time.perf_counter() - start, 1),
    }), flush=True)


# --- one leg: a server, its publisher, the readers ---------------------------------------------------

def leg(port, urls, seconds, render_seconds, tree, env, warm_limit):
    """Readers from the page cache for ``seconds``, then readers that skip it (a query string) for
    ``render_seconds``, while the publisher publishes a page a second all along."""
    warmed = warm(port, urls, warm_limit)
    warm(port, urls, warm_limit, suffix="?bench")
    process, code_tree = start_publisher(tree, env, seconds + render_seconds)
    try:
        process.stdin.write("go\n")
        process.stdin.flush()
        started = time.perf_counter()
        reads = readers(port, urls, seconds)
        elapsed = time.perf_counter() - started
        started = time.perf_counter()
        renders = readers(port, urls, render_seconds, suffix="?bench") if render_seconds else []
        render_elapsed = time.perf_counter() - started
        out, err = process.communicate(timeout=seconds + render_seconds + 60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    publisher = json.loads(lines[-1]) if lines else {"error": err[-2000:]}
    figures = summarise(reads, elapsed)
    # Publishes while the page-cache readers ran (the publisher runs at a fixed rate through both parts).
    during = publisher.get("published", 0) * seconds / (seconds + render_seconds) if publisher.get("published") else None
    figures["misses per publish"] = figures["misses"] / during if during else None
    rendered = summarise(renders, render_elapsed)
    return {"port": port, "code": code_tree, "warm-up": warmed, **figures,
            "rendered (query string)": {key: rendered[key] for key in ("seconds", "reads", "rps", "errors", "p50_ms", "p95_ms", "statuses")},
            "publisher": publisher}


def measure(port, seconds, before=None, render_seconds=None, warm_limit=300):
    """The figure against bench/run's server (``port``, this tree, its REDIS_URL) and, when ``before``
    is given ({"port", "tree", "redis_url"}), against the old code's server, with the same URLs."""
    urls = reader_urls()
    render_seconds = seconds // 2 if render_seconds is None else render_seconds
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    results = {"threads": THREADS, "interval_s": INTERVAL, "urls": {kind: len(paths) for kind, paths in urls.items()}}
    env = dict(os.environ)
    results["scoped (this tree)"] = leg(port, urls, seconds, render_seconds, here, env, warm_limit)
    if before:
        env = {**os.environ, "REDIS_URL": before["redis_url"], "PYTHONPATH": os.path.join(before["tree"], "bench")}
        results["before (one content version)"] = leg(before["port"], urls, seconds, render_seconds, before["tree"], env,
                                                      warm_limit)
    return results
