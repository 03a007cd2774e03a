"""A case goes to an agency only with the resident's consent — ticked on the form, or taken by phone or in
person by staff, who are recorded with the time — and every case and sign-up says who sent the resident."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from forms.models import Submission
from neighborhoods.permissions import staff_group_name
from tests.conftest import add_form_page, add_program, problem_answers, signup_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    cache.clear()
    form = add_form_page(tree.bagh)
    staff = get_user_model().objects.create_user("staff_a", password="x", first_name="سارا", last_name="باغی")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    office = Client()
    office.force_login(staff)
    yield tree, form, staff, office
    cache.clear()


def send(form, **answers):
    resident = Client()
    html = resident.get(form.url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    response = resident.post(form.url, problem_answers(form_token=token, **answers))
    assert response.status_code in (200, 302), response.status_code
    return Submission.objects.get(form_token__isnull=False, page=form, name=answers.get("name", "مریم احمدی"))


def edit(office, case, **fields):
    data = {"status": case.status_id, "public_reply": "", "private_notes": "", "referral_outcome": "", **fields}
    return office.post(f"/admin/inbox/{case.pk}/", data)


def test_the_form_asks_who_sent_the_resident_and_for_consent_after_the_questions(world):
    _tree, form, _staff, _office = world
    html = Client().get(form.url).content.decode()
    fields = re.findall(r'name="([a-z_]+)"', html)
    assert fields.index("came_through") > fields.index("location") and "referral_consent" in fields
    case = send(form, came_through="mosque", referral_consent="on")
    assert case.came_through == "mosque" and case.referral_consent == "form"
    assert case.referral_consent_by is None and case.referral_consent_at is not None
    bad = Client()
    html = bad.get(form.url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    response = bad.post(form.url, problem_answers(form_token=token, name="دیگری", came_through="hacker"))
    assert response.status_code == 400 and "یکی از گزینه‌ها را برگزینید." in response.content.decode()
    assert not Submission.objects.filter(name="دیگری").exists()


def test_a_referral_without_consent_is_refused_and_nothing_is_saved(world):
    _tree, form, _staff, office = world
    case = send(form)
    assert case.referral_consent == ""
    response = edit(office, case, referral_agency="welfare", private_notes="یادداشت")
    assert response.status_code == 200
    assert "شهروند به ارجاع رضایت نداده است." in response.content.decode()
    case.refresh_from_db()
    assert case.referral_agency == "" and case.private_notes == ""


def test_consent_taken_by_phone_is_recorded_with_who_and_when(world):
    _tree, form, staff, office = world
    case = send(form)
    response = edit(office, case, referral_agency="welfare", consent_taken="phone")
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.referral_agency, case.referral_consent, case.referral_consent_by) == ("welfare", "phone", staff)
    assert case.referral_consent_at is not None
    event = case.events.get(action="changed")
    assert event.changes["referral_consent"] == ["", "تلفنی"] and event.user == staff
    page = office.get(f"/admin/inbox/{case.pk}/").content.decode()
    assert "ثبت‌شده به دست سارا باغی" in page and 'name="consent_taken"' not in page


def test_consent_given_on_the_form_lets_staff_refer(world):
    _tree, form, _staff, office = world
    case = send(form, referral_consent="on")
    assert edit(office, case, referral_agency="relief").status_code == 302
    case.refresh_from_db()
    assert case.referral_agency == "relief" and case.referral_consent == "form"


def test_a_sign_up_carries_who_sent_the_resident(world):
    tree, _form, _staff, _office = world
    program = add_program(tree.bagh)
    resident = Client()
    html = resident.get(program.url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    response = resident.post(program.url, signup_answers(form_token=token, came_through="ngo"))
    assert response.status_code in (200, 302)
    assert Submission.objects.get(page=program).came_through == "ngo"


def test_consent_ticked_at_the_service_desk_is_in_person_and_by_that_member_of_staff(world):
    from forms.pipeline import new_form_token

    _tree, form, staff, office = world
    answers = problem_answers(name="رضا میزخدمت", form_token=new_form_token(), referral_consent="on", came_through="outreach")
    answers.pop("website")
    response = office.post(f"/admin/inbox/new/{form.pk}/", answers)
    assert response.status_code == 302
    case = Submission.objects.get(name="رضا میزخدمت")
    assert (case.source, case.referral_consent, case.referral_consent_by) == ("service_desk", "in_person", staff)
    assert case.came_through == "outreach"
