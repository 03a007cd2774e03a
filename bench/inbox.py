"""The staff inbox over the submissions, as a superuser with a session: the listing and the filtered CSV
export timed through gunicorn, and the peak memory growth of the gunicorn worker that serves the export, at two volumes, to
show that the streamed export does not grow with the number of rows."""

import datetime
import time
from urllib.parse import urlencode

from load import get, run

USERNAME = "bench-admin"


def superuser():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=USERNAME, defaults={"is_superuser": True, "is_staff": True})
    return user


def session_cookie(user):
    """A logged-in session, stored where the server reads it."""
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def export_filters():
    """{label: query} of two filtered exports: the last ~10% of days, and every row."""
    from django.utils import timezone

    from forms.models import Status, Submission
    from portal import jalali

    status = Status.objects.initial()
    since = jalali.to_jalali_date(timezone.localdate() - datetime.timedelta(days=36))
    small = {"status": status.pk, "date_from": f"{since.year}/{since.month:02d}/{since.day:02d}"}
    queries = {"recent": small, "all": {"status": status.pk}}
    from forms.filters import InboxFilterForm

    counts = {}
    for label, query in queries.items():
        form = InboxFilterForm(query, user=superuser())
        assert form.is_valid(), form.errors
        counts[label] = form.apply(Submission.objects.all()).count()
    return queries, counts


def workers(master):
    """Process ids of the gunicorn workers under the master bench/run started."""
    with open(f"/proc/{master}/task/{master}/children") as children:
        return [int(pid) for pid in children.read().split()]


def kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak(pid):
    """Linux: writing 5 to clear_refs resets the process's peak resident set (VmHWM) to its current size."""
    with open(f"/proc/{pid}/clear_refs", "w") as clear:
        clear.write("5")


def export(port, query, cookie, master, time_limit):
    """Time, rows, bytes and the serving worker's peak RSS growth of one CSV export through gunicorn."""
    import http.client

    pids = workers(master)
    before = {}
    for pid in pids:
        reset_peak(pid)
        before[pid] = kib(pid, "VmRSS")
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=time_limit)
    start = time.perf_counter()
    connection.request("GET", f"/admin/inbox/export/?{urlencode({**query, 'format': 'csv'})}", headers=cookie)
    response = connection.getresponse()
    size = lines = 0
    while chunk := response.read(1 << 16):
        size += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - start
    connection.close()
    growth = max(kib(pid, "VmHWM") - before[pid] for pid in pids)
    return {"status": response.status, "rows": max(lines - 1, 0), "mib": size / 2**20, "seconds": seconds,
            "rss_growth_mib": growth / 1024}


def measure(port, master, listing_requests, time_limit):
    cookie = {"Cookie": session_cookie(superuser())}
    queries, counts = export_filters()
    results = {"rows_by_filter": counts}
    results["trivial view (same session)"] = run(port, get("/bench/trivial/", cookie), 1, listing_requests, time_limit)
    results["inbox listing"] = run(port, get("/admin/inbox/", cookie), 1, listing_requests, time_limit)
    results["inbox listing, filtered"] = run(
        port, get(f"/admin/inbox/?{urlencode({**queries['recent'], 'q': 'مسجد'})}", cookie), 1, listing_requests, time_limit)
    for label, query in queries.items():
        results[f"CSV export, {label}"] = export(port, query, cookie, master, time_limit)
    return results
