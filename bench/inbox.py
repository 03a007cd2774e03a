"""The staff inbox over the submissions, as a superuser with a session: the listing and the filtered CSV
export timed through gunicorn, and the export's peak memory in process (tracemalloc) at two volumes, to
show that the streamed export does not grow with the number of rows."""

import datetime
import time
import tracemalloc
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


def export_memory(query):
    """(rows, bytes, seconds, peak traced memory in bytes) of one CSV export, in process."""
    from django.test import Client

    client = Client()
    client.force_login(superuser())
    tracemalloc.start()
    start = time.perf_counter()
    response = client.get(f"/admin/inbox/export/?{urlencode({**query, 'format': 'csv'})}")
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"status": response.status_code, "rows": lines - 1, "bytes": size, "seconds": seconds, "peak_mib": peak / 2**20}


def measure(port, listing_requests, time_limit):
    cookie = {"Cookie": session_cookie(superuser())}
    queries, counts = export_filters()
    results = {"rows_by_filter": counts}
    results["trivial view (same session)"] = run(port, get("/bench/trivial/", cookie), 1, listing_requests, time_limit)
    results["inbox listing"] = run(port, get("/admin/inbox/", cookie), 1, listing_requests, time_limit)
    results["inbox listing, filtered"] = run(
        port, get(f"/admin/inbox/?{urlencode({**queries['recent'], 'q': 'مسجد'})}", cookie), 1, listing_requests, time_limit)
    for label, query in queries.items():
        http = run(port, get(f"/admin/inbox/export/?{urlencode({**query, 'format': 'csv'})}", cookie), 1, 1, time_limit)
        results[f"CSV export, {label} ({counts[label]} rows)"] = {
            "http_seconds": http["p50_ms"] / 1000, "statuses": http["statuses"], "in_process": export_memory(query)}
    return results
