"""Participation form throughput under concurrent residents: each client gets the form (CSRF cookie and
form token), then posts valid answers. The stored rows are counted and compared with the accepted posts.

Needs the rate limits lifted for the run (bench/run sets PARTICIPATION_RATE_PER_IP and …_PER_MOBILE).
"""

import itertools
import re
import threading
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from django.conf import settings

from load import run

CLIENTS = 32
VALID = {"email": "resident@example.com", "number": "12", "national_code": "0499370899", "date": "1404/08/20",
         "checkbox": "on", "scale": "3", "location": "34.0917, 49.6892"}
TOKEN = re.compile(r'name="form_token"\s+value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken"\s+value="([^"]+)"')


def target():
    """(path of the problem-report form, its answers without the mobile, the key of its mobile field)."""
    from forms.models import ParticipationFormPage

    form = ParticipationFormPage.objects.live().filter(kind="problem_report", locale__language_code=settings.LANGUAGE_CODE).order_by("path").first()
    answers, mobile_key = {"website": ""}, None
    for field in form.get_form_fields():
        if field.field_type == "photo":
            continue
        if field.field_type == "mobile":
            mobile_key = field.clean_name
            continue
        choices = [c.strip() for c in field.choices.splitlines() if c.strip()] if field.choices else []
        answers[field.clean_name] = choices[0] if choices else VALID.get(field.field_type, "گزارش آزمون")
    return urlsplit(form.get_url()).path, answers, mobile_key


def stored_count():
    from forms.models import Submission

    return Submission.objects.count()


def measure(port, requests_per_client, time_limit):
    path, answers, mobile_key = target()
    numbers = itertools.count(1)
    lock = threading.Lock()

    def worker(connection):
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        html = response.read().decode()
        cookie = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie.load(header)
        with lock:
            number = next(numbers)
        body = dict(answers, form_token=TOKEN.search(html).group(1), csrfmiddlewaretoken=CSRF.search(html).group(1))
        if mobile_key:
            body[mobile_key] = f"0935{number % 10_000_000:07d}"
        connection.request("POST", path, body=urlencode(body), headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={m.value}" for k, m in cookie.items()),
            "Referer": f"http://127.0.0.1:{port}{path}",
        })
        response = connection.getresponse()
        response.read()
        return [(time.perf_counter() - start, response.status)]

    before = stored_count()
    figures = run(port, worker, CLIENTS, requests_per_client, time_limit)
    figures["stored"] = stored_count() - before
    figures["accepted"] = figures["statuses"].get("200", 0)
    figures["stored_equals_accepted"] = figures["stored"] == figures["accepted"]
    figures["path"] = path
    return figures
