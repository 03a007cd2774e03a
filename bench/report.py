"""The figures as a table in the terminal and as JSON under bench/results/, so two runs can be compared."""

import json
import pathlib
import platform
import time

RESULTS = pathlib.Path(__file__).parent / "results"
TARGETS = [  # (what, figure, comparison, threshold)
    ("neighbourhood page from the page cache, ratio to the trivial view", ("pages", "neighbourhood (page cache)", "ratio"), ">=", 0.5),
    ("uncached neighbourhood page, ratio to the trivial view", ("pages", "neighbourhood (uncached)", "ratio"), ">=", 0.12),
    ("uncached news page, ratio to the trivial view", ("pages", "news item (uncached)", "ratio"), ">=", 0.12),
    ("neighbourhood page from the nginx front cache, ratio to the trivial view", ("front", "ratio"), ">=", 8),
    ("search p95 over the news items, ms", ("search", "search", "p95_ms"), "<=", 100),
]


def dig(data, keys):
    for key in keys:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    return data if isinstance(data, (int, float)) else None


def targets(results):
    rows = []
    for what, keys, comparison, threshold in TARGETS:
        value = dig(results, keys)
        met = None if value is None else (value >= threshold if comparison == ">=" else value <= threshold)
        rows.append({"target": what, "value": value, "wanted": f"{comparison} {threshold}", "met": met})
    return rows


def table(results):
    lines = [f"Scale {results['scale']} — {results['volume']}", "",
             "Anonymous pages (gunicorn, 127.0.0.1); ratio: the median of five rounds, each page's against the trivial",
             "view measured just before it (req/s in 'trivial': the trivial view over those rounds)"]
    lines.append(f"  {'page':<32} {'req/s':>8} {'ratio':>6} {'p50 ms':>8} {'p95 ms':>8} {'trivial':>8}  statuses")
    for name, f in results.get("pages", {}).items():
        lines.append(f"  {name:<32} {f['rps']:>8.1f} {f['ratio']:>6.2f} {f['p50_ms']:>8.1f} {f['p95_ms']:>8.1f} "
                     f"{f.get('baseline_rps', float('nan')):>8.1f}  {f['statuses']}  "
                     f"rounds {f.get('round_ratios', '')}")
    front = results.get("front")
    if front:
        lines += ["", "nginx front cache (site/nginx.conf.example's cache) vs the trivial view under gunicorn"]
        if "skipped" in front:
            lines.append(f"  skipped: {front['skipped']}")
        else:
            for name in ("trivial view (gunicorn)", "page from the nginx cache"):
                f = front[name]
                lines.append(f"  {name:<32} {f['rps']:>8.1f} req/s  p50 {f['p50_ms']:.1f} ms  p95 {f['p95_ms']:.1f} ms  [{f['client']}]")
            lines.append(f"  {front['path']}: ratio {front['ratio']:.1f}, cache status after warm-up {front['cache status after warm-up']}")
    s = results.get("submissions")
    if s:
        lines += ["", f"Form submissions, {s['clients']} clients (GET form + POST, per submission)",
                  f"  {s['rps']:.1f} submissions/s, p50 {s['p50_ms']:.0f} ms, p95 {s['p95_ms']:.0f} ms, "
                  f"accepted {s['accepted']}, stored {s['stored']}, equal: {s['stored_equals_accepted']}, statuses {s['statuses']}"]
    q = results.get("search")
    if q:
        b = q["baseline (primary-key fetch)"]
        lines += ["", f"Search over {q['news_items']} news items ({q['backend']})",
                  f"  baseline primary-key page fetch: p50 {b['p50_ms']:.2f} ms, p95 {b['p95_ms']:.2f} ms"]
        for name in ("search", "suggestions", "wagtail backend (ranks every match)"):
            f = q[name]
            lines.append(f"  {name:<36} p50 {f['p50_ms']:>8.1f} ms  p95 {f['p95_ms']:>8.1f} ms  "
                         f"({f['p50_ms'] / b['p50_ms']:.0f}× the primary-key fetch at p50)")
        lines.append(f"  matches: {q['search']['matches']}")
    i = results.get("inbox")
    if i:
        lines += ["", f"Staff inbox (superuser session); rows by filter {i['rows_by_filter']}"]
        for name, f in i.items():
            if "rps" in f:
                lines.append(f"  {name:<40} p50 {f['p50_ms']:>8.1f} ms  p95 {f['p95_ms']:>8.1f} ms  {f['statuses']}")
            elif "rss_growth_mib" in f:
                lines.append(f"  {name:<40} {f['rows']} rows, {f['mib']:.1f} MiB in {f['seconds']:.1f} s "
                             f"({f['rows'] / f['seconds']:.0f} rows/s), worker peak RSS growth {f['rss_growth_mib']:.1f} MiB  [{f['status']}]")
    d = results.get("dashboard")
    if d:
        lines += ["", f"Reports dashboard (staff of {d['neighbourhood']['title']}: {d['neighbourhood']['submissions']} submissions; "
                      f"province {d['province']['title']}; {d['all submissions']} in all)"]
        for name, f in d.items():
            if isinstance(f, dict) and "rps" in f:
                lines.append(f"  {name:<44} p50 {f['p50_ms']:>8.1f} ms  p95 {f['p95_ms']:>8.1f} ms  {f['statuses']}")
        for name, f in d["queries"].items():
            lines.append(f"  SQL queries, {name:<62} {f['queries']:>4}  {f['status']}")
    if results.get("queries"):
        lines += ["", "SQL queries per page (in process, page cache off)"]
        for name, f in results["queries"].items():
            lines.append(f"  {name:<32} {f['queries']:>4}  {f['status']}  {f['path']}")
    lines += ["", "Targets"]
    for row in results["targets"]:
        value = "—" if row["value"] is None else f"{row['value']:.2f}"
        verdict = {True: "met", False: "NOT met", None: "not measured"}[row["met"]]
        lines.append(f"  {row['target']:<68} {value:>8} (wanted {row['wanted']}): {verdict}")
    return "\n".join(lines)


def write(results):
    results["targets"] = targets(results)
    results["machine"] = {"python": platform.python_version(), "cpus": __import__("os").cpu_count()}
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}-scale{results['scale']}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str))
    print(table(results))
    print(f"\nJSON: {path}")
