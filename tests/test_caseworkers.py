"""An office's heads choose its caseworkers among its own staff, read its audit trail, and need a second
factor; nobody else chooses, and no head reaches another neighbourhood's staff whatever the ids posted."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import ModelLogEntry

from forms.caseworkers import neighborhoods_headed_by
from forms.confidential import Reader
from forms.models import AccessRecord, Submission
from neighborhoods.permissions import caseworker_group_name, coordinator_group_name, head_group_name, staff_group_name
from tests.test_admin_catalogue import visible_text

pytestmark = pytest.mark.django_db

SCREEN = "/admin/inbox/caseworkers/"


def member(username, *groups):
    user = get_user_model().objects.create_user(username, password="x", first_name=username)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def world(tree):
    class World:
        pass

    w = World()
    w.tree = tree
    w.head = member("head_a", staff_group_name(tree.bagh), head_group_name(tree.bagh))
    w.staff = member("staff_a", staff_group_name(tree.bagh))
    w.other_staff = member("staff_b", staff_group_name(tree.esmaeil))
    w.other_head = member("head_b", staff_group_name(tree.esmaeil), head_group_name(tree.esmaeil))
    w.coordinator = member("coordinator", coordinator_group_name(tree.markazi))
    w.confidential = Submission.objects.create(
        neighborhood=tree.bagh, form_title="درخواست حمایت", name="نام پنهان", mobile="09120000001", confidential=True
    )
    return w


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def choose(client, neighborhood, user, chosen=True):
    return client.post(SCREEN, {"neighborhood": neighborhood.pk, "user": user.pk, "caseworker": "1" if chosen else "0"})


def is_caseworker(user, neighborhood):
    return user.groups.filter(name=caseworker_group_name(neighborhood)).exists()


def test_a_head_makes_a_member_of_staff_a_caseworker_who_then_reads_confidential_cases(world):
    client = logged_in(world.head)
    page = client.get(SCREEN)
    assert page.status_code == 200
    text = visible_text(page.content.decode())
    assert "staff_a" in text and "staff_b" not in text
    assert not Reader(world.staff).may_read(world.confidential)

    response = choose(client, world.tree.bagh, world.staff)

    assert response.status_code == 302
    assert is_caseworker(world.staff, world.tree.bagh)
    assert Reader(get_user_model().objects.get(pk=world.staff.pk)).may_read(world.confidential)
    entry = ModelLogEntry.objects.filter(object_id=str(world.staff.pk)).latest("timestamp")
    assert entry.user == world.head and entry.data == {"caseworker_of": world.tree.bagh.pk, "chosen": True}
    assert "مددکار است" in client.get(response["Location"]).content.decode()

    assert choose(client, world.tree.bagh, world.staff, chosen=False).status_code == 302
    assert not is_caseworker(world.staff, world.tree.bagh)


@pytest.mark.parametrize(
    "target, where",
    [("other_staff", "bagh"), ("other_staff", "esmaeil"), ("coordinator", "bagh"), ("head", "esmaeil")],
)
def test_a_head_cannot_choose_outside_their_own_staff_whatever_the_ids(world, target, where):
    client = logged_in(world.head)
    neighborhood = getattr(world.tree, where)
    response = choose(client, neighborhood, getattr(world, target))

    assert response.status_code == 404
    assert not any(is_caseworker(getattr(world, target), n) for n in (world.tree.bagh, world.tree.esmaeil))


@pytest.mark.parametrize("who", ["staff", "coordinator", None])
def test_nobody_but_heads_and_superusers_reaches_the_screen(world, who):
    client = logged_in(getattr(world, who)) if who else Client()
    page = client.get(SCREEN)
    posted = choose(client, world.tree.bagh, world.staff)

    assert page.status_code == 302 and posted.status_code == 302
    assert "staff_a" not in page.content.decode()
    assert not is_caseworker(world.staff, world.tree.bagh)


def test_a_superuser_picks_the_neighbourhood_first_and_may_choose_anywhere(world):
    boss = get_user_model().objects.create_superuser("boss", password="x")
    client = logged_in(boss)
    html = client.get(SCREEN).content.decode()
    assert world.tree.bagh.title in html and "staff_a" not in html
    assert "staff_b" in client.get(SCREEN, {"neighborhood": world.tree.esmaeil.pk}).content.decode()
    assert choose(client, world.tree.esmaeil, world.other_staff).status_code == 302
    assert is_caseworker(world.other_staff, world.tree.esmaeil)


def test_heads_read_their_own_neighbourhoods_trail_need_a_second_factor_and_see_the_menu_item(world):
    assert list(neighborhoods_headed_by(world.head)) == [world.tree.bagh]
    assert not neighborhoods_headed_by(world.staff).exists()
    logged_in(world.staff).get(f"/admin/inbox/{world.confidential.pk}/")
    logged_in(world.other_staff).get("/admin/inbox/")

    trail = logged_in(world.head).get("/admin/inbox/access/")
    records = list(trail.context["records"])
    assert [r.user for r in records if r.action == AccessRecord.Action.CASE] == [world.staff]
    assert world.other_staff not in [r.user for r in records]
    assert world.head.has_perm("wagtailadmin.enable_2fa") and not world.staff.has_perm("wagtailadmin.enable_2fa")
    dashboard = logged_in(world.head).get("/admin/").content.decode()
    assert SCREEN in dashboard and SCREEN not in logged_in(world.staff).get("/admin/").content.decode()


def test_ensure_groups_gives_older_neighbourhoods_the_groups_new_ones_get(world):
    from django.core.management import call_command

    Group.objects.filter(name=head_group_name(world.tree.esmaeil)).delete()
    call_command("ensure_groups", stdout=open("/dev/null", "w"))
    call_command("ensure_groups", stdout=open("/dev/null", "w"))  # a second run adds nothing

    assert Group.objects.filter(name=head_group_name(world.tree.esmaeil)).count() == 1
    world.other_head.groups.add(Group.objects.get(name=head_group_name(world.tree.esmaeil)))
    assert list(neighborhoods_headed_by(world.other_head)) == [world.tree.esmaeil]
