"""The three public forms (participation form, programme sign-up, NGO application) take one road,
forms/pipeline.py: the same refusals with the same status codes, one submission per token, the
"created" history row, the staff's mail once the row is committed, and the page's confidentiality.
Each form is driven here through its real page and the same assertions run on all three."""

import re
from dataclasses import dataclass
from typing import Callable

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from forms.builder import RESERVED_FIELDS
from forms.models import FormField, Submission, SubmissionEvent
from forms.pipeline import new_form_token
from neighborhoods.permissions import staff_group_name
from tests.conftest import add_form_page, add_program, problem_answers, signup_answers
from tests.directory_helpers import add_directory
from tests.test_directory_application import answers as application_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@dataclass
class PublicFormCase:
    page: object
    answers: Callable[..., dict]
    mobile_key: str


def participation(tree):
    return PublicFormCase(add_form_page(tree.bagh), problem_answers, "mobile")


def signup(tree):
    return PublicFormCase(add_program(tree.bagh), signup_answers, "mobile")


def application(tree):
    add_directory(tree)
    return PublicFormCase(tree.application_page, lambda **extra: application_answers(tree, **extra), "contact_mobile")


FORMS = {"participation": participation, "signup": signup, "application": application}


@pytest.fixture(params=FORMS)
def public_form(request, tree):
    return FORMS[request.param](tree)


@pytest.fixture
def bagh_staff(tree):
    user = get_user_model().objects.create_user(username="bagh-staff", password="x", email="office@example.org")
    user.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    return user


def post(client, case, **overrides):
    data = case.answers() | {"form_token": new_form_token()} | overrides
    return client.post(case.page.url, data)


def token_in(response):
    return re.search(r'name="form_token" value="([^"]+)"', response.content.decode()).group(1)


def test_a_valid_post_stores_one_submission_with_its_history_row_and_the_staff_mail(
    client, public_form, bagh_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, public_form)

    assert response.status_code == 200
    submission = Submission.objects.get(page=public_form.page)
    assert SubmissionEvent.objects.filter(submission=submission, action="created").count() == 1
    assert [message.to for message in mail.outbox] == [["office@example.org"]]
    assert submission.tracking_display in response.content.decode()


def test_the_same_token_twice_stores_once_and_shows_the_same_landing(client, public_form):
    token = new_form_token()
    first = post(client, public_form, form_token=token)
    second = post(client, public_form, form_token=token)

    assert first.status_code == second.status_code == 200
    assert Submission.objects.filter(page=public_form.page).count() == 1
    code = Submission.objects.get(page=public_form.page).tracking_display
    assert code in first.content.decode() and code in second.content.decode()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"website": "http://spam.example"}, "اگر شما یک انسان هستید"),
        ({"form_token": "not-a-signed-token"}, "زمان این فرم گذشته است"),
    ],
)
def test_honeypot_and_a_bad_token_are_refused_alike_with_a_fresh_token_and_the_answers_kept(
    client, public_form, overrides, message
):
    sent = public_form.answers() | {"form_token": new_form_token()} | overrides
    response = client.post(public_form.page.url, sent)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert token_in(response) != sent["form_token"]
    assert sent[public_form.mobile_key] in html  # the resident does not type it all again
    assert not Submission.objects.exists()


def test_an_invalid_answer_is_a_persian_400_and_nothing_is_stored(client, public_form):
    response = post(client, public_form, **{public_form.mobile_key: "۱۲۳"})

    assert response.status_code == 400
    assert "شماره همراه" in response.content.decode()
    assert not Submission.objects.exists()
    assert not mail.outbox


def test_too_large_a_body_is_a_413_before_any_form_is_built(client, public_form, settings):
    settings.PARTICIPATION_MAX_REQUEST_BYTES = settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200
    response = post(client, public_form)

    assert response.status_code == 413
    assert 'lang="fa"' in response.content.decode()
    assert not Submission.objects.exists()


def test_too_many_posts_from_one_mobile_are_refused_with_429(client, public_form, settings):
    settings.PARTICIPATION_RATE_PER_MOBILE = "1/h"
    assert post(client, public_form).status_code == 200
    second = post(client, public_form, name="نفر دوم", org_name="انجمن دوم")

    assert second.status_code == 429
    assert second["Retry-After"] == "600"
    assert Submission.objects.count() == 1


def test_a_token_spent_on_another_form_is_refused_as_expired_not_a_server_error(client, tree):
    form, program = participation(tree), signup(tree)
    token = new_form_token()
    assert post(client, form, form_token=token).status_code == 200

    response = post(client, program, form_token=token)

    assert response.status_code == 400
    assert "زمان این فرم گذشته است" in response.content.decode()
    assert Submission.objects.count() == 1


@pytest.mark.parametrize("make", [participation, signup])
def test_a_confidential_page_makes_its_cases_confidential_from_the_first_row(client, tree, make):
    case = make(tree)
    case.page.confidential = True
    case.page.save_revision().publish()

    assert post(client, case).status_code == 200
    assert Submission.objects.get(page=case.page).confidential


def test_a_signup_refused_for_a_full_programme_keeps_the_answers_with_a_fresh_token(client, tree):
    case = PublicFormCase(add_program(tree.bagh, capacity=1, waitlist_capacity=0), signup_answers, "mobile")
    assert post(client, case).status_code == 200

    sent = signup_answers(mobile="۰۹۱۲۰۰۰۰۰۰۱") | {"form_token": new_form_token()}
    response = client.post(case.page.url, sent)

    assert response.status_code == 409
    assert "تکمیل است" in response.content.decode()
    assert token_in(response) != sent["form_token"]
    assert Submission.objects.count() == 1


def test_a_second_signup_by_the_same_mobile_can_be_mended_on_the_same_token(client, tree):
    case = signup(tree)
    assert post(client, case).status_code == 200
    sent = signup_answers(name="همان شماره") | {"form_token": new_form_token()}

    refused = client.post(case.page.url, sent)
    assert refused.status_code == 409
    assert token_in(refused) == sent["form_token"]

    mended = client.post(case.page.url, sent | {"mobile": "۰۹۱۲۰۰۰۰۰۰۲"})
    assert mended.status_code == 200
    assert Submission.objects.filter(mobile="09120000002").count() == 1


@pytest.mark.parametrize("reserved", sorted(RESERVED_FIELDS))
def test_an_office_question_may_not_take_a_name_the_public_form_uses(client, tree, reserved, admin_user):
    page = add_form_page(tree.bagh)
    client.force_login(admin_user)
    fields = [
        {"id": field.pk, "label": field.label, "key": field.key, "field_type": field.field_type, "required": field.required,
         "choices": field.choices, "help_text": "", "default_value": ""}
        for field in page.form_fields.all()
    ]
    fields.append({"label": "پرسش تازه", "key": reserved, "field_type": "singleline", "required": False, "choices": "",
                   "help_text": "", "default_value": ""})
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "kind": page.kind,
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "form_fields": inline_formset(fields),
        }
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 200  # the edit form again, with the error
    assert f"کلید «{reserved}» را خود فرم به کار می‌برد" in response.content.decode()
    assert not FormField.objects.filter(page=page, key=reserved).exists()
