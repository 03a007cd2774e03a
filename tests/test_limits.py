"""Rate limits fail closed when they say so: with their counters out of reach (a Redis that does not
answer) and RATELIMIT_FAIL_OPEN off, /track/, programme cancellation and the forms refuse with the
Persian 503 instead of allowing unlimited guesses; with it on, residents are served unlimited."""

import socket

import pytest
from django.core.cache import cache
from django.test import Client

from forms.models import Submission
from tests.conftest import add_form_page, add_program
from tests.test_participation import answers

pytestmark = pytest.mark.django_db

UNAVAILABLE = "سامانه موقتاً در دسترس نیست"


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def limits_unreachable(settings):
    """The limits' own cache alias on a Redis port where nothing listens, as production configures it
    (django-redis, errors raised); the page caches stay as they are."""
    settings.CACHES = {
        **settings.CACHES,
        "limits": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": False},
        },
    }
    settings.RATELIMIT_USE_CACHE = "limits"
    cache.clear()
    yield settings
    cache.clear()


def reader():
    # The 503 comes from the views themselves, not from an exception reaching the error handler.
    return Client(raise_request_exception=True)


@pytest.mark.parametrize("guesses", [1, 30])
def test_tracking_lookup_fails_closed_while_the_counters_are_away(tree, limits_unreachable, guesses):
    limits_unreachable.RATELIMIT_FAIL_OPEN = False
    client = reader()
    for _ in range(guesses):
        response = client.post("/track/", {"code": "12345678", "last_digits": "4567"})
        assert response.status_code == 503 and UNAVAILABLE in response.content.decode()
        assert response["Retry-After"]


def test_programme_cancellation_fails_closed_while_the_counters_are_away(tree, limits_unreachable):
    limits_unreachable.RATELIMIT_FAIL_OPEN = False
    program = add_program(tree.bagh)
    response = reader().post(program.url + "cancel/", {"code": "12345678", "mobile": "09120000001"})
    assert response.status_code == 503 and UNAVAILABLE in response.content.decode()


def test_a_form_fails_closed_and_stores_nothing_while_the_counters_are_away(tree, limits_unreachable):
    limits_unreachable.RATELIMIT_FAIL_OPEN = False
    page = add_form_page(tree.bagh)
    client = reader()
    response = client.post(page.url, answers(client, page))
    assert response.status_code == 503 and UNAVAILABLE in response.content.decode()
    assert Submission.objects.count() == 0


def test_failing_open_serves_residents_without_limits(tree, limits_unreachable):
    limits_unreachable.RATELIMIT_FAIL_OPEN = True
    page = add_form_page(tree.bagh)
    client = reader()
    assert client.post(page.url, answers(client, page)).status_code == 200
    assert Submission.objects.count() == 1
    assert client.post("/track/", {"code": "12345678", "last_digits": "4567"}).status_code == 404


def test_with_the_counters_back_the_limits_hold_again(tree, settings):
    settings.RATELIMIT_FAIL_OPEN = False
    settings.TRACKING_LOOKUP_FAILURES_PER_IP = "2/h"
    cache.clear()
    client = reader()
    codes = [client.post("/track/", {"code": "12345678", "last_digits": "4567"}).status_code for _ in range(3)]
    assert codes == [404, 404, 429]
    cache.clear()
