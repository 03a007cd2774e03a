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
    ("cold (every cache empty): SQL queries of the costliest page type", ("cold", "most queries cold", "queries"), "<=", 15),
    ("cold neighbourhood page p50, ms (in process)", ("cold", "neighbourhood cold p50_ms"), "<=", 40),
    ("warm programme calendar p50, ms (in process, query string)", ("cold", "calendar warm p50_ms"), "<=", 10),
    ("after a publish in A, B's page still a page-cache hit (1 = yes)", ("edit", "B stayed a hit"), ">=", 1),
    ("after a publish in A, A's page a miss then a hit (1 = yes)", ("edit", "A miss then hit"), ">=", 1),
    ("under editing load: share of reads from the page cache", ("editing", "scoped (this tree)", "share"), ">=", 0.9),
    ("under editing load: p95 of reads, ms", ("editing", "scoped (this tree)", "p95_ms"), "<=", 50),
    ("front page HTML, KB raw (uncompressed; 1 KB = 1,000 bytes)", ("finding", "pages", "front page", "html raw KB"), "<=", 60),
    ("front page first load transferred, KB compressed (HTML + resources)", ("finding", "pages", "front page", "first load KB"), "<=", 150),
    ("finder suggestions p95, ms", ("finding", "suggest", "p95_ms"), "<=", 50),
    ("offices feed gzip, KB, extrapolated to 10,000 offices", ("finding", "feed", "gzip KB at 10,000 (extrapolated)"), "<=", 100),
    ("news bodies back to rich text and forward: every check passed (1 = yes)", ("migration", "news", "checks passed"), ">=", 1),
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
    nan = float("nan")
    lines = [f"Scale {results['scale']} — {results['volume']}"]
    if results.get("pages"):
        lines += ["", "Anonymous pages (gunicorn, 127.0.0.1); ratios: the median of five rounds, each round measuring the plain",
                  "Django project (bench/plain, same gunicorn config), the portal's trivial view, then the page; 'plain' and",
                  "'trivial': req/s of the baselines over those rounds",
                  f"  {'page':<32} {'req/s':>8} {'÷plain':>7} {'÷triv.':>7} {'p50 ms':>8} {'p95 ms':>8} {'plain':>8} {'trivial':>8}  statuses"]
    for name, f in results.get("pages", {}).items():
        lines.append(f"  {name:<32} {f['rps']:>8.1f} {f.get('ratio_plain', nan):>7.2f} {f['ratio']:>7.2f} {f['p50_ms']:>8.1f} "
                     f"{f['p95_ms']:>8.1f} {f.get('plain_rps', nan):>8.1f} {f.get('baseline_rps', nan):>8.1f}  {f['statuses']}  "
                     f"rounds ÷plain {f.get('round_ratios_plain', '—')} ÷trivial {f.get('round_ratios', '')}")
    c = results.get("cold")
    if c:
        lines += ["", f"Cold: every cache emptied before each request (Redis FLUSHDB and the worker's copies), in process "
                      f"with the test client, {c['requests per page']} requests per page; warm: the same page with a query string",
                  f"  {'page':<28} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} │ {'warm q.':>7} {'p50 ms':>8} {'p95 ms':>8}  page cache cold→next  path"]
        for name, f in c["pages"].items():
            cold, warm = f["cold"], f["warm"]
            queries = f"{cold['queries']}" if cold["queries"] == cold["queries_min"] else f"{cold['queries_min']}–{cold['queries']}"
            warm_q = f"{warm['queries']}" if warm["queries"] == warm["queries_min"] else f"{warm['queries_min']}–{warm['queries']}"
            lines.append(f"  {name:<28} {queries:>7} {cold['p50_ms']:>8.1f} {cold['p95_ms']:>8.1f} │ {warm_q:>7} "
                         f"{warm['p50_ms']:>8.1f} {warm['p95_ms']:>8.1f}  {' → '.join(f['page cache']):<20} {f['path']}"
                         f"{'' if cold['statuses'] == [200] else '  statuses ' + str(cold['statuses'])}")
        lines.append(f"  over 15 queries cold: {', '.join(c['pages over the query target']) or 'none'}")
    e = results.get("edit")
    if e:
        lines += ["", f"After an edit: a news item published in A ({e['A']}) in process; A and B ({e['B']}) from gunicorn"]
        for row in e["trials"]:
            lines.append(f"  trial {row['trial']}: publish {row['publish_ms']:.0f} ms; A {row['A first']['cache']} "
                         f"{row['A first']['ms']:.1f} ms, A again {row['A second']['cache']} {row['A second']['ms']:.1f} ms, "
                         f"B {row['B']['cache']} {row['B']['ms']:.1f} ms")
            lines.append(f"           other pages: {', '.join(f'{n} {v}' for n, v in row['others'].items())}")
        lines.append(f"  B stayed a hit: {e['B stayed a hit']}; A miss then hit: {e['A miss then hit']}; "
                     f"never a page-cache hit: {', '.join(e['never a page-cache hit']) or 'none'}; "
                     f"stale but unrelated: {', '.join(e['stale but unrelated']) or 'none'}")
        shared = "; ".join(f"{n} ({', '.join(s)})" for n, s in e["stale through a shared scope"].items())
        lines.append(f"  rendered again through a portal-wide scope: {shared or 'none'}")
    w = results.get("editing")
    if w:
        lines += ["", f"Under editing load: {w['threads']} reader threads over {w['urls']} URLs (page cache warmed first), "
                      f"a publish every {w['interval_s']:.0f} s in a random neighbourhood (another process)"]
        lines.append(f"  {'code':<30} {'reads':>7} {'req/s':>7} {'hit share':>9} {'p50 ms':>7} {'p95 ms':>7} │ "
                     f"{'hit p50/p95':>12} │ {'miss p50/p95':>13}  published")
        fmt = lambda v: "—" if v is None else f"{v:.1f}"  # noqa: E731
        for name, f in w.items():
            if not isinstance(f, dict) or "reads" not in f:
                continue
            pub = f["publisher"]
            lines.append(f"  {name:<30} {f['reads']:>7} {f['rps']:>7.1f} {f['share']:>9.3f} {fmt(f['p50_ms']):>7} {fmt(f['p95_ms']):>7} │ "
                         f"{fmt(f['hit p50_ms']):>5} / {fmt(f['hit p95_ms']):<5}│ {fmt(f['miss p50_ms']):>6} / {fmt(f['miss p95_ms']):<6} "
                         f"{pub.get('published')} ({pub.get('modes')}, p50 {fmt(pub.get('publish p50_ms'))} ms, errors {pub.get('errors')})")
            lines.append(f"    {'':<28} by kind: " + ", ".join(f"{k} {v['share']:.3f} of {v['reads']}" for k, v in f["by kind"].items())
                         + f"; misses per publish {fmt(f.get('misses per publish'))}; answers {f['statuses']}; "
                         f"warm-up {f['warm-up']['urls']} URLs in {f['warm-up']['seconds']} s; code {f['code']}")
            r = f.get("rendered (query string)")
            if r and r["reads"]:
                lines.append(f"    {'':<28} rendered (query string, page cache skipped), publishes going on: {r['reads']} reads, "
                             f"{r['rps']:.1f} req/s, p50 {fmt(r['p50_ms'])} ms, p95 {fmt(r['p95_ms'])} ms, {r['statuses']}")
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
    lines += council_table(results.get("council"))
    if results.get("queries"):
        lines += ["", "SQL queries per page (in process, page cache off)"]
        for name, f in results["queries"].items():
            lines.append(f"  {name:<32} {f['queries']:>4}  {f['status']}  {f['path']}")
    lines += finding_table(results.get("finding"))
    lines += migration_table(results.get("migration"))
    lines += ["", "Targets"]
    for row in results["targets"]:
        value = "—" if row["value"] is None else f"{row['value']:.2f}"
        verdict = {True: "met", False: "NOT met", None: "not measured"}[row["met"]]
        lines.append(f"  {row['target']:<68} {value:>8} (wanted {row['wanted']}): {verdict}")
    return "\n".join(lines)


def council_table(c):
    """The councils' decisions (bench/decisions.py): latencies beside the baselines, then SQL queries."""
    if not c:
        return []
    nan = float("nan")
    v, n, p = c["volume"], c["neighbourhood"], c["province"]
    lines = ["", f"Council decisions: {v['resolutions']} resolutions ({v['public resolutions']} public, {v['overdue']} overdue, "
                 f"{v['progress notes']} progress notes) in {v['meetings']} meetings ({v['internal meetings']} internal, "
                 f"{v['attendees']} attendees)",
             f"  busiest neighbourhood {n['title']} (id {n['id']}): {n['public resolutions']} public resolutions; "
             f"its province {p['title']} (id {p['id']}): {p['neighbourhoods']} neighbourhoods, {p['resolutions']} resolutions",
             "  one sequential client; five rounds of (plain Django project, the portal's trivial view with the same session, "
             "the figure);",
             "  ×plain / ×triv.: the figure's latency over the baseline's, over all rounds; cold: Redis emptied before each request",
             f"  {'figure':<36} {'p50 ms':>8} {'p95 ms':>8} {'×plain p50':>10} {'×plain p95':>10} {'×triv. p50':>10} "
             f"{'plain p50/p95':>14} {'requests':>8}  statuses  rounds ×plain p50"]
    for name, f in c["timed"].items():
        plain = f"{f.get('plain_p50_ms', nan):.1f}/{f.get('plain_p95_ms', nan):.1f}"
        lines.append(f"  {name:<36} {f['p50_ms']:>8.1f} {f['p95_ms']:>8.1f} {f.get('x_plain_p50', nan):>10.1f} "
                     f"{f.get('x_plain_p95', nan):>10.1f} {f['x_trivial_p50']:>10.1f} {plain:>14} {f['requests']:>8}  "
                     f"{f['statuses']}  {f.get('round_x_plain_p50', '—')}")
    lines += ["  SQL queries, in process: every cache emptied, then the request (cold) and the one right after it (next)",
              f"  {'page':<46} {'cold':>5} {'next':>5}  {'page cache':<12} {'status':>6} {'KiB':>7}  path"]
    for name, f in c["queries"].items():
        lines.append(f"  {name:<46} {f['cold']:>5} {f['next']:>5}  {' → '.join(f['page cache']):<12} {f['status']:>6} "
                     f"{f['bytes'] / 1024:>7.1f}  {f['path']}")
    return lines


def finding_table(f):
    """Finding one's neighbourhood (bench/finding.py): the weight of the way in, the finder, the offices' feed."""
    if not f:
        return []
    nan = float("nan")
    lines = ["", "Finding one's neighbourhood: weight (KB = 1,000 bytes; HTML from the page cache; first load = the gzipped HTML",
             "  + stylesheets, scripts, preloads and eager images, static files as WhiteNoise's precompressed .gz would send them)",
             f"  {'page':<40} {'HTML raw':>9} {'gzip':>7} {'first load':>10} {'as served':>9} {'files':>5}  path"]
    for name, p in f["pages"].items():
        lines.append(f"  {name:<40} {p['html raw KB']:>9.1f} {p['html gzip KB']:>7.1f} {p['first load KB']:>10.1f} "
                     f"{p['first load bytes as served here'] / 1000:>9.1f} {len(p['resources']):>5}  {p['path']}  {p['status']}")
    failed = [name for name, p in f["pages"].items() if set(p["status"]) != {200}]
    if failed:
        lines.append(f"  NOT 200, so not the page's weight: {', '.join(failed)}")
    front = f["pages"].get("front page")
    if front:
        lines.append("  front page's resources: " + ", ".join(
            f"{r['url'].rsplit('/', 1)[-1]} {r['production'] / 1000:.1f}" for r in front["resources"]))
    s = f["suggest"]
    lines += ["", f"  finder suggestions {s['path']}: {s['requests']} requests ({s['per kind']} of each kind), one client, "
                  f"five rounds beside the plain project's /",
              f"  {'queries':<24} {'p50 ms':>7} {'p95 ms':>7} {'answered':>8} {'intended':>8}"]
    for kind, k in s["by kind"].items():
        lines.append(f"  {kind:<24} {k['p50_ms']:>7.1f} {k['p95_ms']:>7.1f} {k['with a suggestion']:>8.0%} {k['intended one suggested']:>8.0%}")
    lines.append(f"  {'all':<24} {s['p50_ms']:>7.1f} {s['p95_ms']:>7.1f}   plain / p50 {s.get('plain_p50_ms', nan):.1f} ms "
                 f"p95 {s.get('plain_p95_ms', nan):.1f} ms; ×plain p50 {s.get('x_plain_p50', nan):.1f}, p95 "
                 f"{s.get('x_plain_p95', nan):.1f} (rounds {s['round_x_plain_p50']}); {s['statuses']}")
    page = f["find page"]
    lines.append(f"  finder's HTML page {page['path']}: p50 {page['p50_ms']:.1f} ms, p95 {page['p95_ms']:.1f} ms over "
                 f"{page['requests']}, {page['statuses']}")
    a, b = f["after a publish"], f["index built in process"]
    lines.append(f"  first suggestion after a publish elsewhere (index built again): p50 {a['first after p50_ms']:.1f} ms, "
                 f"max {a['first after max_ms']:.1f} ms; the next one {a['next p50_ms']:.1f} ms; "
                 f"list bumped {[t['list version bumped'] for t in a['trials']]}")
    lines.append(f"  the index built in process: p50 {b['p50_ms']:.0f} ms, {b['queries']} SQL queries ({b['answers']}, {b['words']} words)")
    d = f["feed"]
    lines += ["", f"  offices feed {d['path']}: {d['raw KB']:.1f} KB raw, {d['gzip KB']:.1f} KB gzip ({d['encoding'] or 'not compressed'}); "
                  f"{d['offices in the feed']} offices in it, {d['offices with a point in the DB']} with a point in the DB; "
                  f"{d['gzip bytes per office'] or nan:.1f} gzip bytes an office",
              f"  extrapolated to 10,000 offices: {d['gzip KB at 10,000 (extrapolated)'] or nan:.0f} KB gzip, "
              f"{d['raw KB at 10,000 (extrapolated)'] or nan:.0f} KB raw; built after a change {d['first request after a change ms']} ms, "
              f"kept {d['kept ms']} ms"]
    if d.get("by part (each compressed alone)"):
        lines.append("  by part (raw / gzip alone, KB): " + ", ".join(
            f"{key} {part['raw bytes'] / 1000:.1f} / {part['gzip bytes'] / 1000:.1f}" for key, part in d["by part (each compressed alone)"].items()))
    return lines


def migration_table(m):
    """Bodies made streams (bench/migration.py): each app back to rich text and forward again, timed and checked."""
    if not m:
        return []
    fmt = lambda v, spec=",.0f": "—" if v is None else format(v, spec)  # noqa: E731
    lines = ["", "Bodies made streams: each app migrated back to rich text and forward again (Django's MigrationExecutor in "
                 "process, one transaction a migration, no post-migrate signals)",
             f"  {'app':<14} {'rows':>7}  {'direction':<9} {'to':<32} {'s':>7} {'rows/s':>8} {'fill s':>7} {'fill rows/s':>11} "
             f"{'SQL':>5}  checks"]
    for app, f in m.items():
        if not isinstance(f, dict) or "rows" not in f and "skipped" not in f:
            continue
        if "skipped" in f:
            lines.append(f"  {app:<14} skipped: {f['skipped']}")
            continue
        passed = sum(bool(v) for v in f["checks"].values())
        verdict = f"{passed} of {len(f['checks'])} passed"
        for direction, to in (("backward", f["back to"]), ("forward", f["forward to"])):
            d = f[direction]
            if "failed" in d:
                lines.append(f"  {app if direction == 'backward' else '':<14} {fmt(f['rows']) if direction == 'backward' else '':>7}  "
                             f"{direction:<9} {to:<32} FAILED at {d['at']}: {d['failed']}  ({verdict})")
                continue
            lines.append(f"  {app if direction == 'backward' else '':<14} {fmt(f['rows']) if direction == 'backward' else '':>7}  "
                         f"{direction:<9} {to:<32} {d['seconds']:>7.1f} {fmt(d.get('rows/s')):>8} {fmt(d.get('fill seconds'), '.1f'):>7} "
                         f"{fmt(d.get('fill rows/s')):>11} {d['statements']:>5}  {verdict if direction == 'backward' else ''}")
            steps = ", ".join(f"{s['step'].split('.', 1)[-1]} {s['seconds']:.1f} s" for s in d["steps"]) or "nothing to migrate"
            lines.append(f"  {'':<14} {'':>7}  {'':<9} {steps}")
        failed = [name for name, ok in f["checks"].items() if not ok]
        if failed:
            lines.append(f"  {'':<14} NOT passed: {'; '.join(failed)}")
        b, a = f["before"], f.get("after", {})
        lines.append(f"  {'':<14} before: {b['bodies of paragraphs only']:,} bodies of paragraphs only ({b['of which several paragraphs']:,} of "
                     f"several), {b['bodies with other blocks']:,} with other blocks, {b['empty bodies']:,} empty; blocks {b['block kinds']}; "
                     f"sample {b['sample']}")
        if a:
            lines.append(f"  {'':<14} after: blocks {a['block kinds']}; empty {a['empty bodies']:,} (emptied by the round trip "
                         f"{a['emptied by the round trip']:,}); by design, bodies with other blocks changed "
                         f"{a['bodies with other blocks changed (by design)']:,}, blocks gone {a['blocks gone (by design)']}")
        if "table bytes after VACUUM FULL" in f:
            old = f.get("at the old migration", {}).get("table bytes")
            lines.append(f"  {'':<14} table with its TOAST and indexes: {f['table bytes before'] / 2**20:.0f} MiB before, "
                         f"{'—' if old is None else f'{old / 2**20:.0f}'} MiB as rich text, {f['table bytes after'] / 2**20:.0f} MiB after, "
                         f"{f['table bytes after VACUUM FULL'] / 2**20:.0f} MiB after VACUUM (FULL, ANALYZE)")
    lines.append(f"  VACUUM (FULL, ANALYZE) {m.get('vacuum seconds')} s; {m.get('seconds')} s in all; "
                 f"load average before {m.get('load average before')}")
    return lines


def write(results):
    results["targets"] = targets(results)
    results["machine"] = {"python": platform.python_version(), "cpus": __import__("os").cpu_count()}
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}-scale{results['scale']}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str))
    print(table(results))
    print(f"\nJSON: {path}")
