"""Bodies made streams, at volume: how long the three-step migrations take on PostgreSQL, back to rich text
and forward again, and whether a round trip keeps every body.

For each app (news 0003–0005, programmes 0006–0008, neighbourhoods 0005–0007): the app is migrated back to
the migration before its stream was added (the stream becomes rich text again: ``content.conversion.backward``)
and forward again to its leaf (rich text becomes one paragraph block: ``forward``), in this process with
Django's MigrationExecutor, as ``manage.py migrate news 0002`` runs them (one transaction per migration),
without the pre/post-migrate signals the command adds (permissions and content types: no rows of ours).
Each direction is timed in all and migration by migration (the fill, the schema steps, and the project
states the executor renders between them), with the SQL statements each sent; rows per second over the
whole direction and over the fill alone.

What a round trip must keep, checked over every row and not only a sample:

- before: the row count; per row the md5 of its paragraph blocks' HTML joined, its number of blocks and of
  blocks rich text cannot hold as they are (pictures, galleries, quotes, tables…); for a sample of
  ``SAMPLE`` rows, the body's words (``portal.text.field_text``) and its paragraphs' HTML through the page
  model;
- at the old migration: every body of paragraphs only is, as rich text, exactly its paragraphs' HTML joined
  (md5 per row), and none of them is empty;
- after: the same count; every body of paragraphs only holds the same HTML (md5 per row) in one paragraph
  block whose id is the one ``content.conversion.block_id`` derives from the page's translation key (sample);
  the sample's words unchanged; no body empty where the field is required (news) and no body emptied.

Bodies holding other blocks are changed by design (galleries, videos, documents, calls to action and tables
are dropped; quotes, dates and pictures come back as paragraphs): counted and reported, not failed.

Bounded: news first; programmes and neighbourhoods only while the time spent and the rate measured on the
news leave them room under ``TIME_LIMIT``. Whatever happens, each app is migrated forward to its leaf
again before this returns. The tables are then rewritten with VACUUM (FULL, ANALYZE) (timed apart, with
the table's size before, at the old migration, after and after the rewrite): the fills update every row and
a dropped column's values stay in the rows until the table is rewritten.
"""

import os
import random
import time
from dataclasses import dataclass

SAMPLE = 200
TIME_LIMIT = 420  # seconds for the whole figure at scale 1 (2 cores): the news round trip and what fits after it
SEED = 1404


@dataclass(frozen=True)
class Subject:
    app: str
    model: str  # the current model, "app.Model"
    field: str
    before_streams: str  # the migration the app goes back to: the last one before the stream was added
    fill: str  # the RunPython migration of content.conversion


SUBJECTS = [
    Subject("news", "news.NewsPage", "body", "0002_index_news_by_date", "0004_body_stream_fill"),
    Subject("programmes", "programmes.ProgramPage", "body", "0005_confidential_cases", "0007_body_stream_fill"),
    Subject("neighborhoods", "neighborhoods.NeighborhoodPage", "introduction", "0004_other_names_and_landmarks",
            "0006_introduction_stream_fill"),
]


# --- the database ---------------------------------------------------------------------------------


def _names(subject):
    from django.apps import apps
    from django.db import connection

    model = apps.get_model(subject.model)
    q = connection.ops.quote_name
    return model, q(model._meta.db_table), q(model._meta.pk.column), q(subject.field)


def _rows(sql, params=()):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def stream_digest(subject):
    """{pk: (md5 of the paragraph blocks' HTML joined, blocks, blocks other than paragraphs)} and the number of
    rows whose column is not a list of blocks."""
    _, table, pk, column = _names(subject)
    rows = _rows(f"""
        SELECT t.{pk},
               md5(coalesce(string_agg(e.value ->> 'value', '' ORDER BY e.n) FILTER (WHERE e.value ->> 'type' = 'paragraph'), '')),
               count(e.value),
               count(e.value) FILTER (WHERE e.value ->> 'type' <> 'paragraph'),
               jsonb_typeof(t.{column}) IS DISTINCT FROM 'array'
        FROM {table} t
        LEFT JOIN LATERAL jsonb_array_elements(
            CASE jsonb_typeof(t.{column}) WHEN 'array' THEN t.{column} ELSE '[]'::jsonb END
        ) WITH ORDINALITY AS e(value, n) ON true
        GROUP BY t.{pk}""")
    return {row[0]: row[1:4] for row in rows}, sum(1 for row in rows if row[4])


def block_kinds(subject):
    _, table, _, column = _names(subject)
    rows = _rows(f"""
        SELECT e ->> 'type', count(*) FROM {table} t,
               jsonb_array_elements(CASE jsonb_typeof(t.{column}) WHEN 'array' THEN t.{column} ELSE '[]'::jsonb END) e
        GROUP BY 1 ORDER BY 2 DESC""")
    return dict(rows)


def rich_text_digest(subject):
    """At the old migration the column is rich text again: {pk: (md5 of the HTML, empty)}."""
    _, table, pk, column = _names(subject)
    rows = _rows(f"SELECT {pk}, md5(coalesce({column}, '')), coalesce(btrim({column}), '') = '' FROM {table}")
    return {row[0]: row[1:] for row in rows}


def column_type(subject):
    model, _, _, _ = _names(subject)
    rows = _rows("SELECT data_type FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
                 [model._meta.db_table, subject.field])
    return rows[0][0] if rows else None


def sample_of(subject, pks):
    """{pk: {"text", "html", "ids", "translation key"}} read through the page model (the stream state)."""
    from portal.text import field_text

    model, _, _, _ = _names(subject)
    out = {}
    for page in model.objects.filter(pk__in=pks).only("pk", "translation_key", subject.field):
        value = getattr(page, subject.field)
        raw = list(value.raw_data)
        out[page.pk] = {
            "text": field_text(value),
            "html": "".join(block["value"] for block in raw if block["type"] == "paragraph"),
            "ids": [block.get("id") for block in raw],
            "translation key": str(page.translation_key),
        }
    return out


# --- migrating ------------------------------------------------------------------------------------


class Executor:
    """Django's MigrationExecutor with each migration timed and its SQL statements counted."""

    def __init__(self):
        self.steps, self._started, self._statements, self.failed_at = [], None, 0, None

    def _progress(self, action, migration=None, fake=False):
        now = time.perf_counter()
        if action.endswith("_start"):
            self._started, self._statements = now, 0
            self.failed_at = f"{action.split('_')[0]} {migration.app_label}.{migration.name}" if migration else action
        elif action.endswith("_success") and self._started is not None:
            what = f"{migration.app_label}.{migration.name}" if migration else "project states"
            self.steps.append({"step": f"{action.split('_')[0]} {what}", "seconds": round(now - self._started, 3),
                               "statements": self._statements})
            self._started = None

    def _count(self, execute, sql, params, many, context):
        self._statements += 1
        return execute(sql, params, many, context)

    def leaf(self, app):
        from django.db import connection
        from django.db.migrations.loader import MigrationLoader

        leaves = MigrationLoader(connection, ignore_no_migrations=True).graph.leaf_nodes(app)
        if len(leaves) != 1:
            raise SystemExit(f"{app}: {len(leaves)} leaf migrations; expected one")
        return leaves[0][1]

    def applied(self, app):
        from django.db import connection
        from django.db.migrations.recorder import MigrationRecorder

        return sorted(name for label, name in MigrationRecorder(connection).applied_migrations() if label == app)

    def migrate(self, app, name):
        """Migrates ``app`` to ``name``: {"seconds", "steps", "statements", "plan"}. Refuses a plan that reaches
        into another app (the figure would not be this app's)."""
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        self.steps, self.failed_at = [], None
        start = time.perf_counter()
        executor = MigrationExecutor(connection, self._progress)
        targets = [(app, name)]
        plan = executor.migration_plan(targets)
        others = sorted({f"{m.app_label}.{m.name}" for m, _ in plan if m.app_label != app})
        if others:
            raise SystemExit(f"migrating {app} to {name} would also move {', '.join(others)}")
        with connection.execute_wrapper(self._count):
            executor.migrate(targets, plan=plan)
        seconds = time.perf_counter() - start
        return {"seconds": round(seconds, 3), "steps": self.steps,
                "plan": [("unapply " if backwards else "apply ") + m.name for m, backwards in plan],
                "statements": sum(step["statements"] for step in self.steps)}


# --- one app ----------------------------------------------------------------------------------------


def finish(subject, executor, result, checks, leaf):
    """After a failed step: the app forward to its leaf again, the figure closed with what was checked."""
    result["forward"] = executor.migrate(subject.app, leaf)
    result["forward"]["after a failed backward"] = True
    result["checks"] = checks
    result["checks passed"] = int(all(checks.values()))
    return result


def round_trip(subject, executor, rng, sample_size):
    model, _, _, _ = _names(subject)
    leaf = executor.leaf(subject.app)
    result = {"field": f"{model._meta.db_table}.{subject.field}", "back to": subject.before_streams, "forward to": leaf}
    applied = executor.applied(subject.app)
    if applied[-1:] != [leaf]:
        # An earlier run stopped half-way: the app is brought to its leaf before anything is read.
        result["brought to its leaf first"] = executor.migrate(subject.app, leaf)

    before, not_blocks = stream_digest(subject)
    rows = len(before)
    kinds = block_kinds(subject)
    paragraphs_only = {pk for pk, (_, blocks, others) in before.items() if blocks and not others}
    several = {pk for pk in paragraphs_only if before[pk][1] > 1}
    other_blocks = {pk for pk, (_, blocks, others) in before.items() if others}
    empty_before = {pk for pk, (_, blocks, _) in before.items() if not blocks}
    chosen = sorted(rng.sample(sorted(before), min(sample_size, rows)))
    sample = sample_of(subject, chosen)
    result["rows"] = rows
    result["before"] = {"block kinds": kinds, "bodies of paragraphs only": len(paragraphs_only),
                        "of which several paragraphs": len(several), "bodies with other blocks": len(other_blocks),
                        "empty bodies": len(empty_before), "not a list of blocks": not_blocks,
                        "sample": len(sample)}

    checks = {}
    try:
        try:
            result["backward"] = executor.migrate(subject.app, subject.before_streams)
        except Exception as error:  # noqa: BLE001 — a migration that cannot go back is this figure's finding
            # Each migration is its own transaction: the one that failed is rolled back, those before it stay.
            result["backward"] = {"failed": f"{type(error).__name__}: {error}".strip(), "steps": executor.steps,
                                  "at": executor.failed_at, "applied after the failure": executor.applied(subject.app)[-1:]}
            checks["migrates back to the rich text"] = False
            return finish(subject, executor, result, checks, leaf)
        checks["migrates back to the rich text"] = True
        rich = rich_text_digest(subject)
        result["at the old migration"] = {"column type": column_type(subject), "rows": len(rich),
                                          "table bytes": table_size(subject)}
        checks["rows at the old migration"] = len(rich) == rows
        wrong = [pk for pk in paragraphs_only if rich.get(pk, (None,))[0] != before[pk][0]]
        emptied = [pk for pk in paragraphs_only if rich.get(pk, (None, True))[1]]
        checks["rich text of every body of paragraphs = its paragraphs' HTML"] = not wrong
        checks["no body of paragraphs empty as rich text"] = not emptied
        result["at the old migration"].update({"rich text differing": len(wrong), "empty": len(emptied),
                                               "first differing": sorted(wrong)[:5]})
    finally:
        if "forward" not in result:
            result["forward"] = executor.migrate(subject.app, leaf)

    after, not_blocks_after = stream_digest(subject)
    after_sample = sample_of(subject, chosen)
    checks["rows kept"] = len(after) == rows
    checks["every row a list of blocks"] = not_blocks_after == 0
    changed = [pk for pk in paragraphs_only if after.get(pk, (None,))[0] != before[pk][0]]
    not_one = [pk for pk in paragraphs_only if after.get(pk, (None, 0))[1] != 1]
    checks["paragraphs' HTML of every body of paragraphs kept"] = not changed
    checks["every body of paragraphs one paragraph block"] = not not_one
    empty_after = {pk for pk, (_, blocks, _) in after.items() if not blocks}
    emptied = sorted(empty_after - empty_before)
    required = not model._meta.get_field(subject.field).blank
    if required:
        checks["every body non-empty (the field is required)"] = not empty_after
    checks["no body emptied by the round trip"] = not emptied

    from content.conversion import block_id

    plain = [pk for pk in chosen if pk in paragraphs_only]
    text_differs = [pk for pk in plain if sample[pk]["text"] != after_sample.get(pk, {}).get("text")]
    html_differs = [pk for pk in plain if sample[pk]["html"] != after_sample.get(pk, {}).get("html")]
    wrong_ids = [pk for pk in plain
                 if after_sample.get(pk, {}).get("ids") != [block_id(sample[pk]["translation key"], subject.field, 0)]]
    checks[f"sample ({len(plain)} bodies of paragraphs): words identical"] = not text_differs
    checks[f"sample ({len(plain)}): paragraphs' HTML identical"] = not html_differs
    checks[f"sample ({len(plain)}): block id derived from the translation key"] = not wrong_ids
    lossy = [pk for pk in chosen if pk in other_blocks]
    after_kinds = block_kinds(subject)
    result["after"] = {
        "rows": len(after), "block kinds": after_kinds, "empty bodies": len(empty_after),
        "emptied by the round trip": len(emptied), "first emptied": emptied[:5],
        "bodies of paragraphs changed": len(changed), "first changed": sorted(changed)[:5],
        "bodies with other blocks changed (by design)": sum(1 for pk in other_blocks if after.get(pk) != before[pk]),
        "blocks gone (by design)": {kind: count - after_kinds.get(kind, 0) for kind, count in kinds.items()
                                    if kind != "paragraph" and count > after_kinds.get(kind, 0)},
        "sample with other blocks": len(lossy),
        "of which words changed (by design)": sum(1 for pk in lossy if sample[pk]["text"] != after_sample.get(pk, {}).get("text")),
        "sample words differing": text_differs[:5], "sample ids wrong": wrong_ids[:5],
    }
    result["checks"] = checks
    result["checks passed"] = int(all(checks.values()))
    fill = lambda figure: sum(s["seconds"] for s in figure["steps"] if s["step"].endswith(f".{subject.fill}"))  # noqa: E731
    for name in ("backward", "forward"):
        figure = result[name]
        figure["fill seconds"] = round(fill(figure), 3)
        figure["rows/s"] = rows / figure["seconds"] if figure["seconds"] else None
        figure["fill rows/s"] = rows / figure["fill seconds"] if figure["fill seconds"] else None
    return result


def vacuum(subjects):
    """VACUUM (FULL, ANALYZE) of the tables the fills rewrote: {table: seconds}. Every row was updated twice and
    a dropped column's values stay in the rows until the table is rewritten, so a plain VACUUM leaves the table
    as large as the migrations made it (and each run would grow it)."""
    from django.db import connection

    out = {}
    for subject in subjects:
        _, table, _, _ = _names(subject)
        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (FULL, ANALYZE) {table}")
        out[table.strip('"')] = round(time.perf_counter() - start, 2)
    return out


def table_size(subject):
    model, _, _, _ = _names(subject)
    return _rows("SELECT pg_total_relation_size(%s::regclass)", [model._meta.db_table])[0][0]


def measure(quick=False, time_limit=TIME_LIMIT, sample_size=SAMPLE):
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("the migration figure is PostgreSQL's (BENCH_DATABASE_URL)")
    executor = Executor()
    rng = random.Random(SEED)
    started = time.perf_counter()
    results = {"time limit s": time_limit, "sample": sample_size, "load average before": os.getloadavg()}
    done = []
    subjects = SUBJECTS[:1] if quick else SUBJECTS
    rate = fixed = None
    for subject in subjects:
        rows = _names(subject)[0]._base_manager.count()
        spent = time.perf_counter() - started
        # What the next app would take at the news's rate: its fills (two) and the schema steps' fixed cost.
        if rate and spent + fixed + 2 * rows / rate > time_limit:
            results[subject.app] = {"skipped": f"{rows} rows at {rate:.0f} rows/s filled would pass the time limit "
                                               f"({spent:.0f} s spent of {time_limit} s)"}
            continue
        size_before = table_size(subject)
        figure = round_trip(subject, executor, rng, sample_size)
        figure["table bytes before"], figure["table bytes after"] = size_before, table_size(subject)
        results[subject.app] = figure
        done.append(subject)
        if rate is None and "fill seconds" in figure["backward"]:
            back, forth = figure["backward"], figure["forward"]
            filling = back["fill seconds"] + forth["fill seconds"]
            rate = 2 * figure["rows"] / filling if filling else None
            fixed = back["seconds"] + forth["seconds"] - filling
    results["vacuum seconds"] = vacuum(done)
    for subject in done:
        results[subject.app]["table bytes after VACUUM FULL"] = table_size(subject)
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["load average after"] = os.getloadavg()
    return results
