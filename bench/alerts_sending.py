"""Sending a dispatch at volume: one news item published to 1,000 and to 10,000 SMS subscribers of a
neighbourhood, worked to the end by the task queue, with the real Kavenegar backend against a local fake of
Kavenegar's HTTPS API.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mahalle_bench_alerts .venv/bin/python bench/alerts_sending.py

The database of DATABASE_URL is dropped and made again (never the test suite's ``mahalle_ci``), migrated, and
given a small page tree (home → neighbourhood index → province → two neighbourhoods, each with a news index),
1,000 confirmed SMS subscribers of the news of one neighbourhood and 10,000 of the other (``bulk_create``).
Redis is ``REDIS_URL`` (default ``redis://127.0.0.1:6379/6``, flushed; never 8 or 9, the test suite's).

For each size a news item is added and published as Wagtail publishes it, so the page_published signal makes
the dispatch and queues its first run in production's task queue (``django_tasks_db``); then django_tasks_db's
own worker runs in this process in batch mode until no run is left (each run sends at most ALERTS_BATCH
messages and queues the next); the tasks publishing queued besides (search index, reference index) are worked
first, apart. Measured over the worker alone: the time, messages per second, the runs, the SQL statements (a
counting ``execute_wrapper``: the alerts app's apart from the task queue's, and the time spent in them). Then a
second pass (another news item to the same subscribers) gives the peak of Python's memory under tracemalloc, run
by run (see ``send``): tracemalloc slows Python down, so it is kept out of the timed pass.

The fake provider is an HTTPS server (a certificate made by openssl for the run, trusted through
REQUESTS_CA_BUNDLE) on 127.0.0.1 in a thread of a child process: in this process it would share the GIL with
the sender and its memory would count in the sender's tracemalloc peak. It answers sms/send as Kavenegar does
(a known local id is not sent again) and counts every call and every message by local id. The baseline, in the
same run and just before each timed dispatch, is the same number of bare calls of the ``kavenegar`` package's
own client (``KavenegarAPI.sms_send``) against the same fake with the dispatch's first message: no Django, no
database. The figure is the ratio of the two times.

Checked at the end of each pass: every delivery SENT after one attempt, the dispatch DONE, the fake received one
call per delivery (its id as the local id) and sent exactly one message to each subscriber's number, and the
provider's message id is the one recorded. Results go to bench/results/alerts.json.

Not ``bench/alerts.py``: the scripts under bench/ run with bench/ first on sys.path, where a module of that name
would stand for the alerts app itself.
"""

import json
import multiprocessing
import os
import pathlib
import signal
import ssl
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler

REPO = pathlib.Path(__file__).resolve().parent.parent
# The repository first (bench/ stands first otherwise): the fake's HTTPS harness is the tests' own.
sys.path.insert(0, str(REPO))

from tests.tls_fake import TlsServer, answer, form_of, make_certificate  # noqa: E402
RESULTS = REPO / "bench" / "results" / "alerts.json"
SIZES = (1_000, 10_000)
API_KEY = "bench-key-5C2E"
SENDER = "10004346"
PROVIDER_SECONDS = 900  # the fake provider stops by itself after this, whatever the bench is doing
TIME_LIMIT = 900  # the whole bench gives up after this
SOCKET_SECONDS = 10


# --- the fake provider (a child process) ----------------------------------------------------------------


class Provider:
    """Kavenegar's sms/send, kept in memory: one message per local id, every call counted."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.calls = 0
            self.sent = {}  # local id -> [receptor, message id, calls with that local id]
            self.next_id = 900_000_001

    def send(self, params):
        localid, receptor = params.get("localid"), params.get("receptor", "")
        with self.lock:
            self.calls += 1
            known = self.sent.get(localid) if localid else None
            if known:
                known[2] += 1
                message_id = known[1]
            else:
                message_id = self.next_id
                self.next_id += 1
                if localid:
                    self.sent[localid] = [receptor, message_id, 1]
        return [{"messageid": message_id, "message": params.get("message", ""), "status": 1, "statustext": "در صف ارسال",
                 "sender": params.get("sender", ""), "receptor": receptor, "date": int(time.time()), "cost": 1170}]

    def stats(self):
        with self.lock:
            return {"calls": self.calls, "sent": dict(self.sent)}


def _handler(provider):
    class Handler(BaseHTTPRequestHandler):
        disable_nagle_algorithm = True  # headers and body leave in two writes: no wait for a delayed ACK
        # Keep-alive, as the provider's API answers: a client that keeps its connection pays one handshake.
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            params = form_of(self)
            parts = urllib.parse.urlsplit(self.path).path.strip("/").split("/")
            if parts[:1] != ["v1"] or parts[1:2] != [API_KEY]:
                status, reply = 403, {"return": {"status": 403, "message": "کد شناسائی API-Key معتبر نمیباشد"}, "entries": None}
            elif parts[2:] != ["sms", "send.json"]:
                status, reply = 404, {"return": {"status": 404, "message": "متد نامشخص است"}, "entries": None}
            else:
                status, reply = 200, {"return": {"status": 200, "message": "تایید شد"}, "entries": provider.send(params)}
            answer(self, status, reply)

        def log_message(self, format, *args):
            pass

    return Handler


def _serve(cert, key, pipe, parent):
    """The child process: serves on 127.0.0.1 until told to stop, its parent is gone or time is up."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    provider = Provider()
    server = TlsServer(("127.0.0.1", 0), _handler(provider), context, SOCKET_SECONDS)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    pipe.send(server.server_address[1])
    deadline = time.monotonic() + PROVIDER_SECONDS
    while time.monotonic() < deadline and os.getppid() == parent:
        if not pipe.poll(1):
            continue
        command = pipe.recv()
        if command == "stats":
            pipe.send(provider.stats())
        elif command == "reset":
            provider.reset()
            pipe.send(True)
        else:
            break
    server.shutdown()
    server.server_close()


class FakeKavenegar:
    def __init__(self, folder):
        cert, key = make_certificate(folder)
        self.cert = str(cert)
        self.pipe, child = multiprocessing.Pipe()
        # Forked before Django is imported: the child carries nothing of it.
        self.process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(str(cert), str(key), child, os.getpid()), daemon=True
        )
        self.process.start()
        if not self.pipe.poll(SOCKET_SECONDS):
            self.stop()
            raise RuntimeError("the fake provider did not start")
        self.host = f"127.0.0.1:{self.pipe.recv()}"

    def _ask(self, command):
        self.pipe.send(command)
        if not self.pipe.poll(SOCKET_SECONDS * 3):
            raise RuntimeError(f"the fake provider did not answer {command!r}")
        return self.pipe.recv()

    def stats(self):
        return self._ask("stats")

    def reset(self):
        self._ask("reset")

    def stop(self):
        if self.process.is_alive():
            try:
                self.pipe.send("stop")
            except OSError:
                pass
            self.process.join(5)
        if self.process.is_alive():
            os.kill(self.process.pid, signal.SIGTERM)
            self.process.join(5)


# --- the database -----------------------------------------------------------------------------------------


def fresh_database():
    import dj_database_url
    import psycopg
    import redis
    from psycopg import sql

    db = dj_database_url.parse(os.environ["DATABASE_URL"])
    with psycopg.connect(dbname="postgres", user=db["USER"], password=db["PASSWORD"] or None,
                         host=db["HOST"] or None, port=db["PORT"] or None, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db["NAME"])))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()


def build_tree():
    """Home → neighbourhood index → a province → two neighbourhoods, each with a news index (tests/conftest.py)."""
    import datetime

    from wagtail.models import Page, Site

    from home.models import HomePage
    from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
    from news.models import NewsIndexPage

    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    home = root.add_child(instance=HomePage(title="محله", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    index = home.add_child(instance=NeighborhoodIndexPage(title="محله‌ها", slug="neighborhoods"))
    province = index.add_child(instance=ProvincePage(title="مرکزی", slug="markazi"))
    neighbourhoods = []
    for title, slug in (("باغ خلج", "bagh-khalaj"), ("قلعه‌نو", "ghaleh-no")):
        page = province.add_child(instance=NeighborhoodPage(
            title=title, slug=slug, city="اراک", office_address="خیابان نمونه، کوچه یکم", office_phone="086-0000-0000",
            office_started=datetime.date(2025, 3, 9),
        ))
        page.news_index_page = page.add_child(instance=NewsIndexPage(title="خبرهای محله", slug="news"))
        neighbourhoods.append(page)
    return neighbourhoods


def add_subscribers(neighbourhood, count, first):
    """``count`` confirmed SMS subscribers of the neighbourhood's news, numbers from 0912…``first``."""
    from django.utils import timezone

    from alerts.models import Subscriber, Subscription
    from alerts.topics import Channel, Topic

    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(channel=Channel.SMS, address=f"0912{first + n:07d}", language="fa", confirmed_at=now) for n in range(count)],
        batch_size=2000,
    )
    Subscription.objects.bulk_create(
        [Subscription(subscriber=subscriber, neighborhood=neighbourhood, topic=Topic.NEWS) for subscriber in subscribers],
        batch_size=2000,
    )
    return {str(subscriber.pk): subscriber.address for subscriber in subscribers}


def publish_news(neighbourhood, number):
    """A news item published as an editor publishes it; the dispatch its publication made (and queued)."""
    import datetime

    from alerts.models import Dispatch
    from news.models import NewsPage

    news = NewsPage(title=f"بازگشایی کتابخانه محله، خبر {number}", slug=f"library-{number}", date=datetime.date(2026, 12, 5),
                    lead="کتابخانه محله از شنبه دوباره باز است.", body="<p>کتابخانه محله از شنبه دوباره باز است.</p>")
    neighbourhood.news_index_page.add_child(instance=news)
    news.save_revision().publish()
    return Dispatch.objects.select_related("neighborhood").get(key=f"page:{news.pk}:news")


# --- measuring --------------------------------------------------------------------------------------------


class Statements:
    """Counts and times every SQL statement the connection sends: the alerts app's apart from the task queue's."""

    def __init__(self):
        self.alerts = self.queue = 0
        self.seconds = 0.0
        self.kinds = {}  # "UPDATE alerts_delivery" -> [statements, seconds]

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - start
            self.seconds += spent
            if "django_tasks_database" in sql:
                self.queue += 1
            else:
                self.alerts += 1
            kind = self.kinds.setdefault(_kind(sql), [0, 0.0])
            kind[0] += 1
            kind[1] += spent


def _kind(sql):
    """"UPDATE alerts_delivery", "SELECT … FOR UPDATE alerts_delivery": the verb and the table it names first."""
    words = sql.replace('"', "").split()
    upper = [word.upper() for word in words]
    verb = upper[0] if upper else "?"
    before = {"SELECT": "FROM", "DELETE": "FROM", "INSERT": "INTO", "UPDATE": "UPDATE"}.get(verb)
    table = words[upper.index(before) + 1] if before in upper[:-1] else "?"
    if verb == "SELECT" and "FOR UPDATE" in sql.upper():
        verb = "SELECT … FOR UPDATE"
    return f"{verb} {table}"


class Runs:
    """The task runs django_tasks' signals report: which task, how long each, which failed; with ``trace_every``,
    the first run and every ``trace_every``-th are traced (tracemalloc from the run's start to its end: its peak,
    and what it left allocated)."""

    def __init__(self, trace_every=None):
        self.tasks, self.durations, self.failed, self.traced = Counter(), [], [], []
        self.trace_every, self._started, self._tracing = trace_every, None, False

    def started(self, sender, task_result, **kwargs):
        run = len(self.durations) + 1
        if self.trace_every and (run == 1 or run % self.trace_every == 0):
            tracemalloc.start()
            self._tracing = True
        self._started = time.perf_counter()

    def finished(self, sender, task_result, **kwargs):
        self.durations.append(time.perf_counter() - (self._started or time.perf_counter()))
        if self._tracing:
            current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            self._tracing = False
            self.traced.append({"run": len(self.durations), "peak_bytes": peak, "left_bytes": current})
        self.tasks[task_result.task.module_path] += 1
        if task_result.status != "SUCCESSFUL":
            self.failed.append([error.traceback[-400:] for error in task_result.errors])


def work_queue(trace_every=None):
    """django_tasks_db's worker, in this process, until the queue has nothing ready."""
    from django.db import connection
    from django_tasks.signals import task_finished, task_started
    from django_tasks_db.management.commands.db_worker import Worker

    runs, statements = Runs(trace_every), Statements()
    task_started.connect(runs.started)
    task_finished.connect(runs.finished)
    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="bench-alerts", excluded_queue_names=[])
    try:
        with connection.execute_wrapper(statements):
            start = time.perf_counter()
            worker.run()
            seconds = time.perf_counter() - start
    finally:
        task_started.disconnect(runs.started)
        task_finished.disconnect(runs.finished)
    return seconds, runs, statements


def bare_calls(fake, count, text):
    """The denominator: the kavenegar package's own client, the same number of sends, no Django."""
    from kavenegar import KavenegarAPI

    api = KavenegarAPI(API_KEY)
    api.host = fake.host
    fake.reset()
    start = time.perf_counter()
    for n in range(count):
        api.sms_send({"receptor": f"0935{n:07d}", "message": text, "sender": SENDER, "localid": f"bare-{n}"})
    seconds = time.perf_counter() - start
    calls = fake.stats()["calls"]
    if calls != count:
        raise RuntimeError(f"the fake provider counted {calls} bare calls, not {count}")
    return seconds


def check(dispatch, subscribers, sent, calls):
    """What must hold after a dispatch is worked; the problems found (empty when all is well)."""
    from alerts.models import Delivery, Dispatch

    problems = []
    dispatch.refresh_from_db()
    if dispatch.state != Dispatch.State.DONE:
        problems.append(f"dispatch {dispatch.pk} is {dispatch.state}, not done")
    deliveries = {str(pk): (state, attempts, subscriber_id, provider_id) for pk, state, attempts, subscriber_id, provider_id
                  in dispatch.deliveries.values_list("pk", "state", "attempts", "subscriber_id", "provider_id")}
    if len(deliveries) != len(subscribers):
        problems.append(f"{len(deliveries)} deliveries for {len(subscribers)} subscribers")
    states = Counter(state for state, *_ in deliveries.values())
    if states != Counter({Delivery.State.SENT: len(subscribers)}):
        problems.append(f"delivery states {dict(states)}")
    if any(attempts != 1 for _, attempts, _, _ in deliveries.values()):
        problems.append("some delivery took more than one attempt")
    if {str(subscriber_id) for _, _, subscriber_id, _ in deliveries.values()} != set(subscribers):
        problems.append("the deliveries are not one per subscriber of the neighbourhood")
    if set(sent) != set(deliveries):
        problems.append(f"the provider saw {len(set(sent) - set(deliveries))} unknown and missed "
                        f"{len(set(deliveries) - set(sent))} local ids")
    if calls != len(deliveries) or any(times != 1 for _, _, times in sent.values()):
        problems.append(f"{calls} provider calls for {len(deliveries)} deliveries")
    receptors = Counter(receptor for receptor, _, _ in sent.values())
    if sorted(receptors) != sorted(subscribers.values()) or any(n != 1 for n in receptors.values()):
        problems.append("not exactly one message to each subscriber's number")
    wrong = sum(1 for pk, (receptor, message_id, _) in sent.items()
                if pk in deliveries and (deliveries[pk][3] != str(message_id) or receptor != subscribers.get(str(deliveries[pk][2]))))
    if wrong:
        problems.append(f"{wrong} deliveries record another message id or number than the provider's")
    return problems


def drain_other_tasks(dispatch):
    """Works every queued task but the dispatch's (publishing queues the search index, the reference index…),
    so that the measured queue holds the dispatch's runs alone; which ones, by task."""
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    from alerts.sending import send_dispatch

    mine = DBTaskResult.objects.ready().filter(task_path=send_dispatch.module_path, args_kwargs__args=[dispatch.pk])
    held = list(mine.values_list("pk", flat=True))
    if len(held) != 1:
        raise RuntimeError(f"publishing queued {len(held)} runs of dispatch {dispatch.pk}, not one")
    DBTaskResult.objects.filter(pk__in=held).update(run_after=timezone.now() + datetime.timedelta(days=1))
    try:
        _seconds, runs, _statements = work_queue()
    finally:
        DBTaskResult.objects.filter(pk__in=held).update(run_after=get_date_max())
    return dict(runs.tasks)


def send(fake, neighbourhood, number, subscribers, traced):
    """Publishes a news item to ``subscribers`` and works the queue until its dispatch is done: timed with the
    bare calls beside it, or traced (tracemalloc) without them.

    Traced: tracemalloc makes this code up to three times slower, so rather than the whole pass (which alone would
    take two minutes at 10,000) about ten runs of it are traced: the first, which lists the deliveries, and then
    every run at 1,000 or every fifth at 10,000, each from its start to its end."""
    from django.conf import settings

    from alerts import messages
    from alerts.models import Subscriber
    from alerts.sending import send_dispatch

    dispatch = publish_news(neighbourhood, number)
    others = drain_other_tasks(dispatch)
    count = len(subscribers)
    bare = trace_every = None
    if traced:
        trace_every = max(1, -(-count // settings.ALERTS_BATCH) // 10)
    else:
        first = Subscriber.objects.get(pk=min(subscribers, key=int))
        bare = bare_calls(fake, count, messages.sms_text(dispatch, first))
    fake.reset()
    seconds, runs, statements = work_queue(trace_every)
    stats = fake.stats()
    result = {
        "subscribers": count,
        "dispatch": dispatch.pk,
        "other_tasks_worked_before": others,
        "seconds": round(seconds, 3),
        "messages_per_second": round(count / seconds, 1),
        "runs": runs.tasks[send_dispatch.module_path],
        "runs_of_other_tasks": sum(runs.tasks.values()) - runs.tasks[send_dispatch.module_path],
        "failed_runs": runs.failed,
        "first_run_seconds": round(runs.durations[0], 3) if runs.durations else None,
        "other_runs_median_seconds": round(statistics.median(runs.durations[1:]), 3) if len(runs.durations) > 1 else None,
        "sql": {
            "alerts": statements.alerts,
            "queue": statements.queue,
            "alerts_per_message": round(statements.alerts / count, 3),
            "all_per_message": round((statements.alerts + statements.queue) / count, 3),
            "seconds": round(statements.seconds, 3),
            "kinds": {kind: {"statements": n, "seconds": round(spent, 3)}
                      for kind, (n, spent) in sorted(statements.kinds.items(), key=lambda item: -item[1][1])},
        },
        "problems": check(dispatch, subscribers, stats["sent"], stats["calls"]),
    }
    if traced:
        later = runs.traced[1:]
        result.update(traced_runs=runs.traced, peak_memory_bytes=max(run["peak_bytes"] for run in runs.traced),
                      first_run_peak_bytes=runs.traced[0]["peak_bytes"],
                      other_runs_peak_bytes=max(run["peak_bytes"] for run in later) if later else None,
                      most_left_by_a_run_bytes=max(run["left_bytes"] for run in runs.traced))
    else:
        result.update(bare_seconds=round(bare, 3), bare_calls_per_second=round(count / bare, 1),
                      ratio_to_bare=round(seconds / bare, 2))
    if result["runs_of_other_tasks"]:
        result["problems"].append(f"{result['runs_of_other_tasks']} runs of other tasks in the measured queue")
    return result


# --- the run ----------------------------------------------------------------------------------------------


def _refuse_shared():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL database (it is dropped and made again)")
    if url.rstrip("/").rsplit("/", 1)[-1].startswith("mahalle_ci"):
        sys.exit("refusing the test suite's database")
    redis_db = os.environ["REDIS_URL"].rstrip("/").rsplit("/", 1)[-1]
    if redis_db in ("8", "9"):
        sys.exit(f"refusing Redis database {redis_db}: the test suite uses it")


def _timeout(signum, frame):
    raise TimeoutError(f"bench/alerts_sending.py ran longer than {TIME_LIMIT} s")


def _mib(value):
    return "—" if value is None else f"{value / 2**20:.1f}"


def main():
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/6")
    _refuse_shared()
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(TIME_LIMIT)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fake-kavenegar-") as folder:
        fake = FakeKavenegar(pathlib.Path(folder))
        try:
            for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
                os.environ.pop(name, None)
            os.environ.update(REQUESTS_CA_BUNDLE=fake.cert, NO_PROXY="127.0.0.1", BENCH_SMS_API_KEY=API_KEY,
                              BENCH_SMS_SENDER=SENDER, BENCH_SMS_API_HOST=fake.host, DJANGO_SETTINGS_MODULE="alerts_settings")
            report = measure(fake, started)
        finally:
            fake.stop()
    signal.alarm(0)
    show(report)


def measure(fake, started):
    started_load = os.getloadavg()[0]
    sys.path[:0] = [str(REPO), str(REPO / "bench")]
    fresh_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    step = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter() - step
    step = time.perf_counter()
    small, large = build_tree()
    audiences = {SIZES[0]: (small, add_subscribers(small, SIZES[0], 0)),
                 SIZES[1]: (large, add_subscribers(large, SIZES[1], SIZES[0]))}
    built = time.perf_counter() - step
    passes = {"timed": [], "traced": []}
    number = 0
    for name, traced in (("timed", False), ("traced", True)):
        for size in SIZES:
            number += 1
            neighbourhood, subscribers = audiences[size]
            result = send(fake, neighbourhood, number, subscribers, traced)
            passes[name].append(result)
            print(f"  {name} {size:>6,}: {result['seconds']:.1f} s, {result['runs']} runs"
                  f"{', peak ' + _mib(result['peak_memory_bytes']) + ' MiB' if traced else ''}"
                  f"{'; PROBLEMS: ' + '; '.join(result['problems']) if result['problems'] else ''}", flush=True)
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        # The machine may be shared: its load over the last minute at the start and at the end.
        "load_average": [round(started_load, 2), round(os.getloadavg()[0], 2)],
        "settings": {"ALERTS_BATCH": settings.ALERTS_BATCH, "SMS_BACKEND": settings.SMS_BACKEND,
                     "TASKS": settings.TASKS["default"]["BACKEND"], "cores": os.cpu_count()},
        "setup_seconds": {"migrate": round(migrated, 1), "tree_and_subscribers": round(built, 1)},
        "passes": passes,
        "total_seconds": round(time.perf_counter() - started, 1),
        "ok": not any(result["problems"] or result["failed_runs"] for results in passes.values() for result in results),
    }


def show(report):
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    timed = {result["subscribers"]: result for result in report["passes"]["timed"]}
    traced = {result["subscribers"]: result for result in report["passes"]["traced"]}
    print()
    print(f"ALERTS_BATCH {report['settings']['ALERTS_BATCH']}, {report['settings']['cores']} cores "
          f"(load {report['load_average'][0]} → {report['load_average'][1]}); "
          f"migrate {report['setup_seconds']['migrate']} s, tree and subscribers {report['setup_seconds']['tree_and_subscribers']} s")
    header = ("subscribers", "seconds", "msg/s", "bare/s", "÷bare", "runs", "SQL/msg", "+queue", "SQL s",
              "peak MiB", "listing", "sending", "left")
    rows = []
    for size in SIZES:
        t, m = timed[size], traced[size]
        rows.append((f"{size:,}", f"{t['seconds']:.1f}", f"{t['messages_per_second']:.0f}", f"{t['bare_calls_per_second']:.0f}",
                     f"{t['ratio_to_bare']:.2f}", str(t["runs"]), f"{t['sql']['alerts_per_message']:.3f}",
                     f"{t['sql']['queue'] / size:.3f}", f"{t['sql']['seconds']:.1f}", _mib(m["peak_memory_bytes"]),
                     _mib(m["first_run_peak_bytes"]), _mib(m["other_runs_peak_bytes"]), _mib(m["most_left_by_a_run_bytes"])))
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    for row in (header, *rows):
        print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)))
    small, big = (traced[size]["peak_memory_bytes"] for size in SIZES)
    print(f"peak traced memory of a run ×{big / small:.2f} for ×{SIZES[1] // SIZES[0]} subscribers (listing: the first run; "
          f"sending: the largest of the other runs traced; left: the most a run left allocated; runs traced: "
          f"{', '.join(str(len(traced[size]['traced_runs'])) + ' of ' + str(traced[size]['runs']) for size in SIZES)})")
    print(f"SQL of {SIZES[1]:,}, by kind (statements, seconds):")
    for kind, figures in timed[SIZES[1]]["sql"]["kinds"].items():
        print(f"  {kind:<40} {figures['statements']:>7,} {figures['seconds']:>7.2f}")
    print(f"checks: {'every subscriber got exactly one message; every delivery SENT' if report['ok'] else 'FAILED'}"
          f"; {report['total_seconds']} s in all; {RESULTS.relative_to(REPO)}")
    if not report["ok"]:
        for results in report["passes"].values():
            for result in results:
                for problem in result["problems"] + [str(failure) for failure in result["failed_runs"]]:
                    print("  problem:", problem)
        sys.exit(1)


if __name__ == "__main__":
    main()
