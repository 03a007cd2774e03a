"""The isolation matrix over every council URL: Bagh-e Khalaj's meetings, resolutions, minutes, agency screens
and province figures, tried by everyone who must not read them — staff of another neighbourhood, another
province's coordinator, another agency's login, an NGO account, anonymous — leak nothing, whatever the id."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from council.accounts import ensure_agency_account
from council.models import Agency
from directory.accounts import ensure_organization_account
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from tests.test_council import INTERNAL_WORDS, meeting, resolve

pytestmark = pytest.mark.django_db

SECRET = "بهزیستی برای خانواده ساکن کوچه نهم مستمری بگیرد."


@pytest.fixture
def world(tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    class World:
        pass

    w = World()
    w.tree = tree
    w.public_meeting = meeting(tree.bagh)
    w.internal_meeting = meeting(tree.bagh, public=False, minutes=INTERNAL_WORDS)
    w.resolution = resolve(w.public_meeting, SECRET, "welfare")
    w.internal = resolve(w.internal_meeting, INTERNAL_WORDS, "welfare", public=False)
    from django.core.files.base import ContentFile

    from council.models import Attachment

    w.paper = Attachment(meeting=w.internal_meeting, title="نامه")
    w.paper.file.save("paper.pdf", ContentFile(INTERNAL_WORDS.encode()), save=True)
    user_model = get_user_model()
    w.other_staff = user_model.objects.create_user("staff_esmaeil", password="x")
    w.other_staff.groups.add(Group.objects.get(name=staff_group_name(tree.esmaeil)))
    w.other_coordinator = user_model.objects.create_user("coordinator_qom", password="x")
    w.other_coordinator.groups.add(Group.objects.get(name=coordinator_group_name(tree.qom)))
    w.other_agency, _ = ensure_agency_account(Agency.objects.get(slug="relief"), "relief-bagh", [tree.bagh], password="x")
    w.same_agency_elsewhere, _ = ensure_agency_account(
        Agency.objects.get(slug="welfare"), "welfare-esmaeil", [tree.esmaeil], password="x"
    )
    from directory.models import DirectoryIndexPage

    directory = tree.home.add_child(instance=DirectoryIndexPage(title="سمن‌ها", slug="directory"))
    w.ngo, _ = ensure_organization_account(directory, "ngo-account", password="x")
    return w


def urls(w):
    m, i, r = w.public_meeting.pk, w.internal_meeting.pk, w.resolution.pk
    return [
        "/admin/council_meetings/",
        f"/admin/council_meetings/edit/{m}/",
        f"/admin/council_meetings/edit/{i}/",
        f"/admin/council_meetings/delete/{i}/",
        f"/admin/council_meetings/history/{i}/",
        "/admin/council_resolutions/",
        "/admin/council_resolutions/?overdue=1",
        f"/admin/council_resolutions/edit/{r}/",
        f"/admin/council_resolutions/edit/{w.internal.pk}/",
        f"/admin/council_resolutions/delete/{w.internal.pk}/",
        f"/admin/council_resolutions/history/{w.internal.pk}/",
        f"/admin/council/minutes/{i}/",
        f"/admin/council/attachments/{w.paper.pk}/",
        "/admin/council/agency/",
        f"/admin/council/agency/{r}/",
        f"/admin/council/agency/{w.internal.pk}/",
        f"/admin/reports/council/?province={w.tree.markazi.pk}",
        f"/admin/reports/council/?neighborhood={w.tree.bagh.pk}",
        f"/admin/reports/council/?province={w.tree.markazi.pk}&format=csv",
        f"{w.tree.bagh.url}decisions/",
        f"{w.tree.bagh.url}decisions/feed/",
        f"{w.tree.bagh.url}decisions/csv/",
        f"/api/v2/resolutions/{w.internal.pk}/",
        "/api/v2/resolutions/",
    ]


PUBLIC = ("/decisions/", "/api/v2/")


@pytest.mark.parametrize("who", ["other_staff", "other_coordinator", "other_agency", "same_agency_elsewhere", "ngo", None])
def test_nothing_of_bagh_e_khalaj_s_council_leaks_to_those_outside_it(world, who):
    client = Client()
    if who:
        client.force_login(getattr(world, who))
    tried = 0
    for url in urls(world):
        for method in ("get", "post"):
            if method == "post" and any(part in url for part in PUBLIC):
                continue
            response = getattr(client, method)(url, {"text": "نفوذ", "status": "done"} if method == "post" else None)
            body = (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8", "replace")
            assert response.status_code < 500, (who, method, url, response.status_code)
            assert INTERNAL_WORDS not in body, (who, method, url)
            public = any(part in url for part in PUBLIC) and method == "get"
            if not public:
                assert SECRET not in body, (who, method, url)
                assert response.status_code in (200, 302, 403, 404, 405), (who, method, url, response.status_code)
            tried += 1
    assert tried >= 35
    # Nothing was changed by the posts.
    world.resolution.refresh_from_db()
    assert world.resolution.status == "open" and not world.resolution.notes.exists()
    assert world.resolution.proposed_status == ""
    assert world.internal_meeting.__class__.objects.filter(pk=world.internal_meeting.pk).exists()
