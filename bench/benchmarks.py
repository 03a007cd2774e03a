"""Runs every benchmark against the gunicorn that bench/run started, then prints and saves the figures.

Usage: python bench/benchmarks.py PORT --scale S [--quick] [--only pages,submissions,dashboard,council,finding,…] [--profile]
       [--plain-port P] [--before-port P --before-tree DIR --before-redis-url URL]

``--only migration`` (never part of the default run: it migrates the bodies back to rich text and forward again,
rewriting every news item's row) times the stream migrations at volume (bench/migration.py), after any other
figure asked for with it.
"""

import argparse
import time

import django

PARTS = ["queries", "cold", "search", "pages", "front", "submissions", "inbox", "dashboard", "council", "finding", "edit", "editing"]
OPT_IN = ["migration"]  # asked for by name only


def volume():
    from council.models import Meeting, Resolution
    from directory.models import AssetPage, OrganizationPage
    from forms.models import Submission
    from neighborhoods.models import NeighborhoodPage, ProvincePage
    from news.models import NewsPage
    from programmes.models import ProgramPage

    models = {"provinces": ProvincePage, "neighbourhoods": NeighborhoodPage, "news": NewsPage, "programmes": ProgramPage,
              "assets": AssetPage, "organisations": OrganizationPage}
    counts = {name: model.objects.count() for name, model in models.items()}
    counts["submissions"] = Submission.objects.count()
    counts["meetings"] = Meeting.objects.count()
    counts["resolutions"] = Resolution.objects.count()
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--server-pid", type=int, required=True, help="the gunicorn master, to read its workers' memory")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="fewer requests per figure")
    parser.add_argument("--only", default=",".join(PARTS), help=f"some of {','.join(PARTS + OPT_IN)}")
    parser.add_argument("--profile", action="store_true", help="profile the slowest uncached page with pyinstrument")
    parser.add_argument("--plain-port", type=int, help="the plain Django project (bench/plain) under the same gunicorn config")
    parser.add_argument("--before-port", type=int, help="the old code's gunicorn (bench/run --before), for the editing figure")
    parser.add_argument("--before-tree", help="the old code's worktree")
    parser.add_argument("--before-redis-url", help="the old code's Redis database")
    args = parser.parse_args()
    django.setup()
    import cold
    import dashboard
    import decisions
    import edit
    import editing
    import finding
    import front_cache
    import inbox
    import migration
    import pages
    import queries
    import report
    import search_latency
    import submissions

    per_thread, limit = (50, 20) if args.quick else (200, 40)
    only = args.only.split(",")
    unknown = sorted(set(only) - set(PARTS + OPT_IN))
    if unknown:
        parser.error(f"unknown figures {', '.join(unknown)}; known: {', '.join(PARTS + OPT_IN)}")
    results = {"scale": args.scale, "volume": volume(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if "queries" in only:
        results["queries"] = queries.measure()
    if "cold" in only:
        results["cold"] = cold.measure(5 if args.quick else 15)
    if "search" in only:
        results["search"] = search_latency.measure()
    if "pages" in only:
        results["pages"] = pages.measure(args.port, pages.public_pages(), per_thread, limit, plain_port=args.plain_port)
    if "front" in only:
        results["front"] = front_cache.measure(args.port, pages.public_pages()["neighbourhood"], 5000 if args.quick else 20000)
    if "submissions" in only:
        results["submissions"] = {"clients": submissions.CLIENTS,
                                  **submissions.measure(args.port, 3 if args.quick else 10, 2 * limit)}
    if "inbox" in only:
        results["inbox"] = inbox.measure(args.port, args.server_pid, 5 if args.quick else 20, 600)
    if "dashboard" in only:
        results["dashboard"] = dashboard.measure(args.port, 5 if args.quick else 20, 300)
    if "council" in only:
        results["council"] = decisions.measure(args.port, 25 if args.quick else 100, 10 if args.quick else 30, 120,
                                               plain_port=args.plain_port)
    if "finding" in only:
        results["finding"] = finding.measure(args.port, args.plain_port, args.quick)
    if "edit" in only:
        results["edit"] = edit.measure(args.port, 2 if args.quick else 3)
    if "editing" in only:
        before = None
        if args.before_port:
            before = {"port": args.before_port, "tree": args.before_tree, "redis_url": args.before_redis_url}
        results["editing"] = editing.measure(args.port, 30 if args.quick else 120, before=before)
    if args.profile and results.get("pages"):
        import profile_page

        results["profile"] = profile_page.profile_slowest(results["pages"])
    if "migration" in only:  # last: it rewrites the tables the other figures read
        results["migration"] = migration.measure(quick=args.quick)
    report.write(results)


if __name__ == "__main__":
    main()
