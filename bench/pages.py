"""Anonymous page throughput and latency against gunicorn, beside two baselines measured in the same rounds:
the portal's trivial view (`/bench/trivial/`, behind the portal's whole middleware stack) under the same
server, and a plain one-view Django project (bench/plain/: startproject's middleware, DEBUG off) under the
same gunicorn configuration on another port, when bench/run started it (``plain_port``).

Each page is measured twice: as is (served from the page cache after the first request) and with a
query string (which bypasses the page cache, so the page is rendered every time; the fragments kept
under the content version — menu, lists of neighbourhoods, counts — stay on and are warm after the
first request, as they are for readers between two edits).
"""

import statistics
from urllib.parse import urlsplit

from django.conf import settings

from load import get, run, summary

THREADS = 4


def public_pages():
    """{name: path} of one page of each kind the figures cover (the deepest, busiest examples)."""
    from django.db.models import Count

    from directory.models import DirectoryIndexPage
    from home.models import HomePage
    from neighborhoods.models import NeighborhoodPage
    from news.models import NewsIndexPage, NewsPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    home = HomePage.objects.live().filter(**persian).first()
    neighborhood = NeighborhoodPage.objects.live().filter(**persian).annotate(n=Count("news_items")).order_by("-n", "pk").first()
    news = NewsPage.objects.live().filter(neighborhood=neighborhood).order_by("-date", "-pk").first()
    portal_news = NewsIndexPage.objects.live().child_of(home).first()
    directory = DirectoryIndexPage.objects.live().filter(**persian).first()
    path = lambda page: urlsplit(page.get_url()).path  # noqa: E731
    return {
        "home": path(home),
        "neighbourhood": path(neighborhood),
        "news item": path(news),
        "news listing": path(portal_news),
        "directory": path(directory),
    }


# Each figure and its baselines are measured in alternating rounds, and a ratio is the median of the
# rounds' ratios: on a machine shared with other work the load changes from one second to the next, and
# a baseline measured once, before the figure, can fall in a quiet moment while the figure does not.
ROUNDS = 5
TRIVIAL = "/bench/trivial/"


def measure(port, pages, requests_per_thread, time_limit, plain_port=None):
    """{figure: req/s, p50, p95, ratio to the trivial view, ratio to the plain project …}. Each round
    measures the plain project ("/" on ``plain_port``, if given), then the trivial view, then the page."""
    per_round = max(1, requests_per_thread // ROUNDS)

    def one(on_port, path):
        return run(on_port, get(path), THREADS, per_round, time_limit / ROUNDS, raw=True)

    def combined(rounds):
        latencies = [latency for r in rounds for latency in r["latencies"]]
        statuses = {}
        for r in rounds:
            for status, count in r["raw_statuses"].items():
                statuses[status] = statuses.get(status, 0) + count
        return summary(latencies, sum(r["elapsed"] for r in rounds), statuses)

    def rate(rounds):
        return sum(len(r["latencies"]) for r in rounds) / sum(r["elapsed"] for r in rounds)

    def ratios(rounds, baselines):
        return sorted(r["rps"] / b["rps"] for r, b in zip(rounds, baselines) if b["rps"])

    plain_rounds_of_trivial = []

    def with_baselines(path):
        run(port, get(path), 1, 5, time_limit)  # warm up: the first request fills the caches
        plains, baselines, rounds = [], [], []
        for _ in range(ROUNDS):
            if plain_port:
                plains.append(one(plain_port, "/"))
            baselines.append(one(port, TRIVIAL))
            rounds.append(one(port, path))
        if path == TRIVIAL:
            plain_rounds_of_trivial.extend(plains)
        by_trivial = ratios(rounds, baselines)
        figures = {"path": path, **combined(rounds), "baseline_rps": rate(baselines),
                   "ratio": statistics.median(by_trivial) if by_trivial else float("nan"),
                   "round_ratios": [round(ratio, 3) for ratio in by_trivial]}
        if plains:
            by_plain = ratios(rounds, plains)
            figures.update(plain_rps=rate(plains), ratio_plain=statistics.median(by_plain) if by_plain else float("nan"),
                           round_ratios_plain=[round(ratio, 3) for ratio in by_plain])
        return figures

    if plain_port:
        run(plain_port, get("/"), 1, 5, time_limit)
    results = {"trivial view": with_baselines(TRIVIAL)}
    if plain_rounds_of_trivial:
        # The plain project itself, over the rounds of the trivial view's figure.
        plain = {"path": f"127.0.0.1:{plain_port}/", **combined(plain_rounds_of_trivial),
                 "baseline_rps": results["trivial view"]["baseline_rps"], "plain_rps": rate(plain_rounds_of_trivial),
                 "ratio_plain": 1.0}
        plain["ratio"] = plain["plain_rps"] / plain["baseline_rps"]
        results = {"plain Django (bench/plain)": plain, **results}
    for name, path in pages.items():
        results[f"{name} (page cache)"] = with_baselines(path)
        results[f"{name} (uncached)"] = with_baselines(f"{path}?bench")
    return results
