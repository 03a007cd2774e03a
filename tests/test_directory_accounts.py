"""An NGO's own account, through the real admin: it edits its own listing and submits the change for
moderation; it cannot publish, cannot mark itself verified, and cannot open another organisation or any
neighbourhood page (the admin answers with a redirect, so bodies are checked for the other pages' text)."""

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.accounts import ensure_organization_account
from directory.models import OrganizationPage
from directory.permissions import EDITORS_GROUP
from tests.directory_helpers import add_directory, add_organization, service

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    tree.directory = add_directory(tree)
    tree.own = add_organization(tree.directory, "سمن خود", [tree.bagh], services=[service("کلاس")], summary="خلاصه قدیمی")
    tree.other = add_organization(tree.directory, "سمن دیگر", [tree.bagh], summary="متن محرمانه سمن دیگر")
    tree.bagh.introduction = "<p>معرفی محرمانه باغ خلج</p>"
    tree.bagh.save_revision().publish()
    tree.ngo, _ = ensure_organization_account(tree.own, "ngo-own", password="x")
    return tree


def edit_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "registration_number": "",
        "summary": "خلاصه تازه",
        "description": rich_text("<p>معرفی</p>"),
        "fields_of_activity": "",
        "address": "",
        "phone": "",
        "mobile": "",
        "email": "",
        "website": "",
        "latitude": "",
        "longitude": "",
        "verified": "on",
        "verified_on": "۱۴۰۵/۰۸/۲۰",
        "services": inline_formset(
            [{"id": s.pk, "name": s.name, "category": s.category, "target_group": s.target_group, "description": "",
              "eligibility": "", "cost_rials": "", "how_to_apply": ""} for s in page.services.all()],
            initial=page.services.count(),
        ),
    }
    data.update(overrides)
    posted = nested_form_data(data)
    posted["neighborhoods"] = [str(n.pk) for n in page.neighborhoods.all()]
    return posted


def test_ngo_edits_its_own_page_without_the_verified_fields(client, world):
    client.force_login(world.ngo)
    html = client.get(f"/admin/pages/{world.own.pk}/edit/").content.decode()
    assert "خلاصه قدیمی" in html
    assert 'name="verified"' not in html and 'name="verified_on"' not in html


def test_ngo_change_goes_to_moderation_not_live(client, world):
    client.force_login(world.ngo)
    response = client.post(f"/admin/pages/{world.own.pk}/edit/", edit_form(world.own, **{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = OrganizationPage.objects.get(pk=world.own.pk)
    assert page.summary == "خلاصه قدیمی" and not page.verified  # the live page is unchanged
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == "in_progress" and state.workflow.name == "بازبینی فهرست سمن‌ها"
    task = state.current_task_state.task.specific
    assert list(task.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    latest = page.get_latest_revision_as_object()
    assert latest.summary == "خلاصه تازه" and not latest.verified


def test_ngo_cannot_publish_its_own_page(client, world):
    client.force_login(world.ngo)
    client.post(f"/admin/pages/{world.own.pk}/edit/", edit_form(world.own, **{"action-publish": "publish"}))
    assert OrganizationPage.objects.get(pk=world.own.pk).summary == "خلاصه قدیمی"


def test_ngo_cannot_open_or_change_other_pages(client, world):
    client.force_login(world.ngo)
    for url in (
        f"/admin/pages/{world.other.pk}/edit/",
        f"/admin/pages/{world.bagh.pk}/edit/",
        f"/admin/pages/{world.bagh.pk}/",
        f"/admin/pages/add/directory/organizationpage/{world.directory.pk}/",
        f"/admin/pages/add/directory/assetpage/{world.bagh.pk}/",
    ):
        html = client.get(url, follow=True).content.decode()
        assert "متن محرمانه سمن دیگر" not in html and "معرفی محرمانه باغ خلج" not in html, url
    client.post(f"/admin/pages/{world.other.pk}/edit/", edit_form(world.other, **{"action-publish": "publish"}))
    assert OrganizationPage.objects.get(pk=world.other.pk).summary == "متن محرمانه سمن دیگر"
    assert not OrganizationPage.objects.get(pk=world.other.pk).get_latest_revision_as_object().summary == "خلاصه تازه"


def test_command_creates_the_account_once(world, capsys):
    call_command("organization_account", world.other.slug, "ngo-other")
    assert "گذرواژه نخست" in capsys.readouterr().out
    call_command("organization_account", world.other.slug, "ngo-other")
    assert "از پیش بود" in capsys.readouterr().out
