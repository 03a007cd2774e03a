"""An NGO applies on the public form, the office makes a draft listing from the inbox, an editor
publishes it through the admin, and it shows up in the directory. Refusals are Persian 4xx with
nothing saved; another neighbourhood's staff never see the application."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import OrganizationPage
from directory.permissions import EDITORS_GROUP
from forms.models import Submission
from forms.pipeline import new_form_token
from neighborhoods.permissions import staff_group_name
from tests.conftest import add_form_page, problem_answers
from tests.directory_helpers import add_directory, add_organization

pytestmark = pytest.mark.django_db

ORG_NAME = "انجمن همیاران سلامت باغ خلج"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(tree):
    return add_directory(tree)


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username=username, password="x", first_name=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def answers(tree, **overrides):
    data = {
        "org_name": ORG_NAME,
        "kind": "ngo",
        "registration_number": "۱۲۳۴۵",
        "fields_of_activity": "سلامت سالمندان\nآموزش خانواده",
        "description": "گروهی از پزشکان و پرستاران بازنشسته محله.",
        "primary_neighborhood": str(tree.bagh.pk),
        "other_neighborhoods": [str(tree.esmaeil.pk)],
        "address": "باغ خلج، کوچه یاس",
        "phone": "۰۸۶-۳۳۲۲-۱۱۰۰",
        "email": "info@example.org",
        "site_url": "",
        "contact_name": "زهرا کریمی",
        "contact_role": "دبیر انجمن",
        "contact_mobile": "۰۹۱۲۱۲۳۴۵۶۷",
        "service_1_name": "غربالگری فشار خون",
        "service_1_category": "health",
        "service_1_target": "elderly",
        "service_1_eligibility": "سالمندان محله",
        "service_1_cost": "",
        "service_1_how": "پنجشنبه‌ها به سرای محله بیایید.",
        "service_2_name": "کلاس آشپزی سالم",
        "service_2_category": "education",
        "service_2_target": "women",
        "service_2_cost": "۱۵۰۰۰۰",
        "consent": "on",
        "website": "",
        "form_token": new_form_token(),
    }
    data.update(overrides)
    return data


def test_form_renders_with_phone_friendly_inputs(client, tree, directory):
    html = client.get(tree.application_page.url).content.decode()
    assert 'type="number"' not in html
    assert re.search(r'name="contact_mobile"[^>]*type="tel"|type="tel"[^>]*name="contact_mobile"', html)
    assert 'inputmode="numeric"' in html
    assert "باغ خلج (اراک)" in html


def test_application_lands_in_the_primary_neighborhoods_inbox(client, tree, directory):
    response = client.post(tree.application_page.url, answers(tree))
    assert response.status_code == 200
    submission = Submission.objects.get()
    assert submission.kind == "ngo_application"
    assert submission.neighborhood_id == tree.bagh.pk
    assert submission.mobile == "09121234567" and submission.name == "زهرا کریمی"
    assert submission.data["service_2_cost"] == 150000
    assert submission.data["other_neighborhood_ids"] == [tree.esmaeil.pk]
    assert submission.tracking_display in response.content.decode()


def test_the_same_form_posted_twice_makes_one_submission(client, tree, directory):
    data = answers(tree)
    first = client.post(tree.application_page.url, data)
    second = client.post(tree.application_page.url, data)
    assert first.status_code == second.status_code == 200
    assert Submission.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"contact_mobile": "۰۹۱۲"}, "شماره همراه باید ۱۱ رقم باشد"),
        ({"primary_neighborhood": "999999"}, "یک گزینهٔ معتبر انتخاب کنید"),
        ({"primary_neighborhood": "abc"}, "یک گزینهٔ معتبر انتخاب کنید"),
        ({"service_1_name": ""}, "این مقدار لازم است"),
        ({"service_1_category": ""}, "دسته این خدمت را انتخاب کنید"),
        ({"service_2_cost": "صد"}, "یک عدد درست بنویسید"),
        ({"service_2_cost": "-5"}, ""),
        ({"phone": "تلفن"}, "شماره تلفن"),
        ({"consent": ""}, "این مقدار لازم است"),
        ({"website": "http://spam.example"}, "اگر شما یک انسان هستید"),
        ({"form_token": "forged"}, "زمان این فرم گذشته است"),
        ({"kind": "cult"}, "یک گزینهٔ معتبر انتخاب کنید"),
        ({"org_name": "x" * 500}, ""),
    ],
)
def test_bad_input_is_refused_in_persian_and_saves_nothing(client, tree, directory, overrides, message):
    response = client.post(tree.application_page.url, answers(tree, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Submission.objects.exists()


def test_too_many_applications_from_one_address_get_429(client, tree, directory, settings):
    settings.PARTICIPATION_RATE_PER_IP = "2/h"
    statuses = [client.post(tree.application_page.url, answers(tree)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert Submission.objects.count() == 2


@pytest.fixture
def application(client, tree, directory):
    client.post(tree.application_page.url, answers(tree))
    client.logout()
    return Submission.objects.get()


def draft_url(submission):
    return f"/admin/directory/applications/{submission.pk}/draft/"


def test_staff_make_a_draft_listing_from_the_inbox_once(client, tree, application):
    staff = user_in(staff_group_name(tree.bagh), "bagh")
    client.force_login(staff)
    detail = client.get(f"/admin/inbox/{application.pk}/").content.decode()
    assert draft_url(application) in detail and "ساختن پیش‌نویس صفحه سازمان" in detail
    response = client.post(draft_url(application))
    page = OrganizationPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live and page.has_unpublished_changes and page.owner == staff
    assert page.title == ORG_NAME and page.kind == "ngo" and page.application_id == application.pk
    assert set(page.neighborhoods.values_list("pk", flat=True)) == {tree.bagh.pk, tree.esmaeil.pk}
    services = list(page.services.order_by("sort_order"))
    assert [(s.name, s.category, s.target_group, s.cost_rials) for s in services] == [
        ("غربالگری فشار خون", "health", "elderly", None),
        ("کلاس آشپزی سالم", "education", "women", 1_500_000),
    ]
    # The owner may open the draft in the admin; a second click makes no second page.
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200 and ORG_NAME in edit.content.decode()
    client.post(draft_url(application))
    assert OrganizationPage.objects.count() == 1
    detail = client.get(f"/admin/inbox/{application.pk}/").content.decode()
    assert "ساخته شده است" in detail and "(پیش‌نویس)" in detail
    assert not OrganizationPage.objects.live().exists()


def test_draft_needs_a_get_free_post(client, tree, application):
    client.force_login(user_in(staff_group_name(tree.bagh), "bagh"))
    assert client.get(draft_url(application)).status_code == 405
    assert not OrganizationPage.objects.exists()


def test_staff_of_another_neighborhood_neither_see_nor_convert_the_application(client, tree, application):
    client.force_login(user_in(staff_group_name(tree.esmaeil), "esmaeil"))
    for response in (
        client.get(f"/admin/inbox/{application.pk}/", follow=True),
        client.get("/admin/inbox/", follow=True),
        client.post(draft_url(application), follow=True),
    ):
        html = response.content.decode()
        assert ORG_NAME not in html and "زهرا کریمی" not in html
    assert not OrganizationPage.objects.exists()


def test_a_participation_form_submission_cannot_become_a_listing(client, tree, directory):
    form_page = add_form_page(tree.bagh)
    client.post(form_page.url, {**problem_answers(), "form_token": new_form_token()})
    submission = Submission.objects.get()
    client.force_login(user_in(staff_group_name(tree.bagh), "bagh"))
    response = client.post(draft_url(submission), follow=True)
    assert "درخواست سمن نیست" in response.content.decode()
    assert not OrganizationPage.objects.exists()


def test_staff_cannot_edit_or_publish_other_listings(client, tree, directory, application):
    other = add_organization(directory, "خیریه دیگری", [tree.bagh], summary="متن محرمانه ویرایش")
    client.force_login(user_in(staff_group_name(tree.bagh), "bagh"))
    response = client.get(f"/admin/pages/{other.pk}/edit/", follow=True)
    assert "متن محرمانه ویرایش" not in response.content.decode()
    client.post(draft_url(application))
    page = OrganizationPage.objects.get(application=application)
    response = client.post(f"/admin/pages/{page.pk}/edit/", publish_form(page, tree))
    page.refresh_from_db()
    assert not page.live


def publish_form(page, tree, **overrides):
    services = [
        {
            "id": service.pk,
            "name": service.name,
            "category": service.category,
            "target_group": service.target_group,
            "description": "",
            "eligibility": service.eligibility,
            "cost_rials": str(service.cost_rials or ""),
            "how_to_apply": service.how_to_apply,
        }
        for service in page.services.order_by("sort_order")
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "registration_number": page.registration_number,
        "summary": page.summary,
        "description": rich_text("<p>معرفی</p>"),
        "fields_of_activity": page.fields_of_activity,
        "address": page.address,
        "phone": page.phone,
        "mobile": "",
        "email": page.email,
        "website": "",
        "latitude": "۳۴٫۰۹",
        "longitude": "49.69",
        "verified": "on",
        "verified_on": "۱۴۰۵/۰۸/۲۰",
        "services": inline_formset(services, initial=len(services)),
        "action-publish": "publish",
    }
    data.update(overrides)
    posted = nested_form_data(data)
    # nested_form_data would number a list's items; a multiple choice posts the name once per value.
    posted["neighborhoods"] = [str(n.pk) for n in page.neighborhoods.all()]
    return posted


def test_an_editor_publishes_the_draft_and_it_is_found_by_filter(client, tree, application):
    client.force_login(user_in(staff_group_name(tree.bagh), "bagh"))
    client.post(draft_url(application))
    page = OrganizationPage.objects.get()
    client.force_login(user_in(EDITORS_GROUP, "editor"))
    response = client.post(f"/admin/pages/{page.pk}/edit/", publish_form(page, tree, latitude="34.09"))
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.live and page.verified and page.verified_on.isoformat() == "2026-11-11"
    client.logout()
    directory = page.get_parent()
    html = client.get(directory.url, {"category": "health", "target": "elderly"}).content.decode()
    assert ORG_NAME in html
    html = client.get(directory.url, {"neighborhood": tree.esmaeil.pk, "q": "فشار خون"}).content.decode()
    assert ORG_NAME in html, (page.search_text, list(page.neighborhoods.values_list("pk", flat=True)), tree.esmaeil.pk)
    assert ORG_NAME in client.get(tree.bagh.url).content.decode()


def test_coordinators_may_also_make_the_draft(client, tree, application):
    from neighborhoods.permissions import coordinator_group_name

    client.force_login(user_in(coordinator_group_name(tree.markazi), "markazi"))
    client.post(draft_url(application))
    assert OrganizationPage.objects.get().owner.username == "markazi"
