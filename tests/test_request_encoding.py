"""A form body that declares a charset other than UTF-8 gets the Persian 400 at once: no 500, no
cascade of tracebacks, nothing stored, on every public form and the admin login."""

import logging
import re
from urllib.parse import urlencode

import pytest
from django.test import Client

from forms.models import Submission
from tests.conftest import add_form_page, add_program, problem_answers, signup_answers
from tests.directory_helpers import add_directory

pytestmark = pytest.mark.django_db

CHARSETS = ["latin-1", "iso-8859-1", "utf-16", "windows-1256", "ascii"]


@pytest.fixture
def forms_to_post(tree):
    page = add_form_page(tree.bagh)
    program = add_program(tree.bagh)
    directory = add_directory(tree)
    return [
        (page.url, problem_answers()),
        (program.url, signup_answers()),
        (tree.application_page.url, {"name": "انجمن", "website": ""}),
        ("/track/", {"code": "12345678", "last_digits": "4567"}),
        (program.url + "cancel/", {"code": "12345678", "mobile": "09121234567"}),
        ("/admin/login/", {"username": "staff", "password": "x"}),
    ]


@pytest.mark.parametrize("charset", CHARSETS)
def test_a_form_body_in_another_charset_is_a_persian_400(tree, forms_to_post, charset, caplog):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    for url, answers in forms_to_post:
        html = client.get(url).content.decode()
        data = dict(answers)
        for name in ("csrfmiddlewaretoken", "form_token"):
            found = re.search(rf'name="{name}" value="([^"]+)"', html)
            if found:
                data[name] = found.group(1)
        body = urlencode(data).encode("utf-8")
        with caplog.at_level(logging.WARNING):
            response = client.generic(
                "POST", url, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
            )
        assert response.status_code == 400, (url, response.status_code)
        assert "درخواست نادرست" in response.content.decode()
        assert not [record for record in caplog.records if record.levelno >= logging.ERROR], url
    assert Submission.objects.count() == 0


def test_a_utf8_body_that_says_so_is_still_accepted(tree, forms_to_post):
    client = Client(enforce_csrf_checks=True)
    url, answers = forms_to_post[0]
    html = client.get(url).content.decode()
    data = dict(answers)
    for name in ("csrfmiddlewaretoken", "form_token"):
        data[name] = re.search(rf'name="{name}" value="([^"]+)"', html).group(1)
    body = urlencode(data).encode("utf-8")
    response = client.generic("POST", url, body, content_type="application/x-www-form-urlencoded; charset=UTF-8")
    assert response.status_code == 200 and Submission.objects.count() == 1
