"""Anonymous page throughput and latency against gunicorn, beside the trivial view under the same server.

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


# Each figure and its baseline are measured in alternating rounds, and the ratio is the median of the
# rounds' ratios: on a machine shared with other work the load changes from one second to the next, and
# a baseline measured once, before the figure, can fall in a quiet moment while the figure does not.
ROUNDS = 5


def measure(port, pages, requests_per_thread, time_limit):
    per_round = max(1, requests_per_thread // ROUNDS)

    def one(path):
        return run(port, get(path), THREADS, per_round, time_limit / ROUNDS, raw=True)

    def with_baseline(path):
        run(port, get(path), 1, 5, time_limit)  # warm up: the first request fills the caches
        baselines, rounds = [], []
        for _ in range(ROUNDS):
            baselines.append(one("/bench/trivial/"))
            rounds.append(one(path))
        ratios = sorted(r["rps"] / b["rps"] for r, b in zip(rounds, baselines) if b["rps"])
        latencies = [latency for r in rounds for latency in r["latencies"]]
        statuses = {}
        for r in rounds:
            for status, count in r["raw_statuses"].items():
                statuses[status] = statuses.get(status, 0) + count
        figures = summary(latencies, sum(r["elapsed"] for r in rounds), statuses)
        baseline = sum(len(b["latencies"]) for b in baselines) / sum(b["elapsed"] for b in baselines)
        return {"path": path, **figures, "baseline_rps": baseline,
                "ratio": statistics.median(ratios) if ratios else float("nan"),
                "round_ratios": [round(ratio, 3) for ratio in ratios]}

    results = {"trivial view": with_baseline("/bench/trivial/")}
    for name, path in pages.items():
        results[f"{name} (page cache)"] = with_baseline(path)
        results[f"{name} (uncached)"] = with_baseline(f"{path}?bench")
    return results
