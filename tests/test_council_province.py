"""A province's coordination council: its meeting belongs to the province, not to one neighbourhood; each of
its resolutions names the neighbourhood of the province it concerns and is followed there. Who may record
it, who may read it, where its resolutions appear in public, what the caches do, and how the figures count
it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from council.accounts import ensure_agency_account
from council.choices import Status
from council.models import Agency, Attachment, Meeting, Resolution
from forms.models import Submission
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from tests.test_council import INTERNAL_WORDS, logged_in, resolve

pytestmark = pytest.mark.django_db

NAME = "ششمین جلسه کارگروه اجتماعی استان قم"
FOR_ESMAEIL = "بهزیستی تا پایان دی‌ماه مددجویان خود را در اسماعیل‌آباد تفکیک کند."
FOR_GHAEM = "فرماندهی انتظامی در شهر قائم گشت شبانه را بیشتر کند."
NOT_HERE = "این گزینه از محله یا استان این جلسه نیست."


def province_meeting(province, days_ago=10, public=True, **fields):
    return Meeting.objects.create(
        province=province, body="coordination", held_at=timezone.now() - datetime.timedelta(days=days_ago),
        place="استانداری", agenda="تفکیک مددجویان", public=public, **fields
    )


@pytest.fixture
def world(tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    cache.clear()

    class World:
        pass

    w = World()
    w.tree = tree
    w.ghaem = tree.add_neighborhood(tree.qom, "شهر قائم", "shahr-e-ghaem", "قم")
    w.meeting = province_meeting(tree.qom, name=NAME)
    w.for_esmaeil = resolve(w.meeting, FOR_ESMAEIL, "welfare", neighborhood=tree.esmaeil)
    w.for_ghaem = resolve(w.meeting, FOR_GHAEM, "police", neighborhood=w.ghaem)
    w.internal_meeting = province_meeting(tree.qom, public=False, minutes=INTERNAL_WORDS)
    w.internal = resolve(w.internal_meeting, INTERNAL_WORDS, "welfare", neighborhood=tree.esmaeil, public=False)
    w.paper = Attachment(meeting=w.internal_meeting, title="نامه")
    w.paper.file.save("paper.pdf", ContentFile(INTERNAL_WORDS.encode()), save=True)
    users = get_user_model().objects

    def member_of(name, group):
        user = users.create_user(name, password="x")
        user.groups.add(Group.objects.get(name=group))
        return user

    w.coordinator = member_of("coordinator_qom", coordinator_group_name(tree.qom))
    w.other_coordinator = member_of("coordinator_markazi", coordinator_group_name(tree.markazi))
    w.staff_esmaeil = member_of("staff_esmaeil", staff_group_name(tree.esmaeil))
    w.staff_ghaem = member_of("staff_ghaem", staff_group_name(w.ghaem))
    w.staff_bagh = member_of("staff_bagh", staff_group_name(tree.bagh))
    w.agency_ghaem, _ = ensure_agency_account(Agency.objects.get(slug="welfare"), "welfare-ghaem", [w.ghaem], password="x")
    w.agency_esmaeil, _ = ensure_agency_account(
        Agency.objects.get(slug="welfare"), "welfare-esmaeil", [tree.esmaeil], password="x"
    )
    return w


def form(w, resolutions, **overrides):
    data = {
        "neighborhood": "",
        "province": w.tree.qom.pk,
        "body": "coordination",
        "name": "",
        "committee": "",
        "held_at": "۱۴۰۴/۰۸/۲۲ ۱۰:۰۰",
        "place_asset": "",
        "place": "سالن جلسات استانداری",
        "public": "on",
        "agenda": "تفکیک مددجویان\nالحاق محله",
        "minutes": "",
        "attendees": inline_formset([{"kind": "guest", "member": "", "name": "رضا ملک‌زاده", "organization": "استانداری"}]),
        "attachments": inline_formset([]),
        "resolutions": inline_formset(resolutions),
    }
    data.update(overrides)
    return nested_form_data(data)


def resolution_row(text, neighborhood):
    return {
        "text": text, "neighborhood": neighborhood, "agency": Agency.objects.get(slug="welfare").pk,
        "organization": "", "due_date": "۱۴۰۴/۱۰/۳۰", "status": "open", "public": "on",
    }


def rows(w, *pairs):
    return [resolution_row(text, neighborhood) for text, neighborhood in pairs]


# --- recording it ----------------------------------------------------------------------------------


def test_a_coordinator_records_the_province_meeting_with_a_resolution_for_each_of_two_neighbourhoods(world):
    client = logged_in(world.coordinator)
    page = client.get("/admin/council_meetings/new/").content.decode()
    assert 'name="province"' in page and 'name="resolutions-__prefix__-neighborhood"' in page
    response = client.post(
        "/admin/council_meetings/new/",
        form(world, rows(world, ("مصوبه اسماعیل‌آباد", world.tree.esmaeil.pk), ("مصوبه شهر قائم", world.ghaem.pk))),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    made = Meeting.objects.latest("pk")
    assert made.province == world.tree.qom and made.neighborhood is None
    assert made.title == "جلسه شورای هماهنگی استان قم"
    assert {r.text: r.neighborhood_id for r in made.resolutions.all()} == {
        "مصوبه اسماعیل‌آباد": world.tree.esmaeil.pk, "مصوبه شهر قائم": world.ghaem.pk,
    }


@pytest.mark.parametrize(
    "case",
    ["resolution_in_another_province", "resolution_without_neighbourhood", "council_body", "both", "neither", "committee"],
)
def test_a_province_meeting_that_does_not_add_up_is_refused_in_persian_and_nothing_is_saved(world, case):
    client = logged_in(world.coordinator)
    resolutions = rows(world, ("مصوبه", world.tree.esmaeil.pk))
    overrides = {}
    expected = NOT_HERE
    if case == "resolution_in_another_province":
        resolutions = rows(world, ("مصوبه", world.tree.bagh.pk))
        expected = "یک گزینهٔ معتبر انتخاب کنید"  # not among the choices: Qom's coordinator does not work in Bagh-e Khalaj
    elif case == "resolution_without_neighbourhood":
        resolutions = rows(world, ("مصوبه", ""))
        expected = "محله‌ای را که این مصوبه به آن مربوط است برگزینید."
    elif case == "council_body":
        overrides["body"] = "council"
        expected = "جلسه استان فقط جلسه شورای هماهنگی است."
    elif case == "both":
        overrides["neighborhood"] = world.tree.esmaeil.pk
        expected = "جلسه یا از یک محله است یا از استان، نه هر دو."
    elif case == "neither":
        overrides["province"] = ""
        expected = "محله جلسه را برگزینید."
    elif case == "committee":
        from neighborhoods.models.council import Committee

        committee = Committee.objects.create(page=world.tree.esmaeil, name="کمیته آسیب‌های اجتماعی")
        overrides["committee"] = committee.pk
    before = (Meeting.objects.count(), Resolution.objects.count())
    response = client.post("/admin/council_meetings/new/", form(world, resolutions, **overrides))
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert (Meeting.objects.count(), Resolution.objects.count()) == before


def test_a_coordinator_s_resolution_may_not_name_a_neighbourhood_outside_the_province_even_for_a_superuser(world):
    admin = get_user_model().objects.create_superuser("root", password="x")
    client = logged_in(admin)
    before = Resolution.objects.count()
    response = client.post("/admin/council_meetings/new/", form(world, rows(world, ("مصوبه", world.tree.bagh.pk))))
    assert response.status_code == 200 and NOT_HERE in response.content.decode()
    assert Resolution.objects.count() == before


def test_an_office_s_staff_have_no_province_to_choose_and_cannot_file_one(world):
    from neighborhoods.models import CouncilMember

    CouncilMember.objects.create(page=world.ghaem, name="عضو شورای شهر قائم", affiliation="trustee")
    CouncilMember.objects.create(page=world.tree.esmaeil, name="عضو شورای اسماعیل‌آباد", affiliation="trustee")
    client = logged_in(world.staff_esmaeil)
    page = client.get("/admin/council_meetings/new/").content.decode()
    assert 'name="province"' not in page and "resolutions-__prefix__-neighborhood" not in page
    # The blank rows the page copies for another attendee or resolution offer their own council only.
    assert "عضو شورای اسماعیل‌آباد" in page and "عضو شورای شهر قائم" not in page
    before = Meeting.objects.count()
    response = client.post("/admin/council_meetings/new/", form(world, rows(world, ("مصوبه", world.tree.esmaeil.pk))))
    assert response.status_code == 200 and "محله جلسه را برگزینید." in response.content.decode()
    assert Meeting.objects.count() == before


def test_a_neighbourhood_meeting_keeps_its_own_neighbourhood_on_its_resolutions_whatever_is_posted(world):
    client = logged_in(world.coordinator)
    response = client.post(
        "/admin/council_meetings/new/",
        form(world, rows(world, ("مصوبه محله", world.ghaem.pk)), province="", neighborhood=world.tree.esmaeil.pk, body="council"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Meeting.objects.latest("pk").resolutions.get().neighborhood == world.tree.esmaeil


# --- who reads it ----------------------------------------------------------------------------------


def test_the_province_s_coordinators_read_the_meeting_and_its_papers(world):
    client = logged_in(world.coordinator)
    assert NAME in client.get("/admin/council_meetings/").content.decode()
    assert client.get(f"/admin/council_meetings/edit/{world.meeting.pk}/").status_code == 200
    minutes = client.get(f"/admin/council/minutes/{world.meeting.pk}/").content.decode()
    assert "شورای هماهنگی دفاتر تسهیلگری استان قم" in minutes
    assert "محله اسماعیل‌آباد" in minutes and "محله شهر قائم" in minutes
    paper = client.get(f"/admin/council/attachments/{world.paper.pk}/")
    assert paper.status_code == 200 and b"".join(paper.streaming_content) == INTERNAL_WORDS.encode()


def test_a_neighbourhood_s_staff_follow_the_resolution_made_for_them_and_no_more(world):
    client = logged_in(world.staff_esmaeil)
    assert NAME not in client.get("/admin/council_meetings/").content.decode()
    for url in (
        f"/admin/council_meetings/edit/{world.meeting.pk}/",
        f"/admin/council/minutes/{world.meeting.pk}/",
        f"/admin/council/attachments/{world.paper.pk}/",
        f"/admin/council_resolutions/edit/{world.for_ghaem.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    listed = client.get("/admin/council_resolutions/").content.decode()
    assert FOR_ESMAEIL in listed and FOR_GHAEM not in listed
    assert client.get(f"/admin/council_resolutions/edit/{world.for_esmaeil.pk}/").status_code == 200
    response = client.post(
        f"/admin/council_resolutions/edit/{world.for_esmaeil.pk}/",
        nested_form_data({
            "text": FOR_ESMAEIL, "agency": world.for_esmaeil.agency_id, "organization": "", "due_date": "۱۴۰۴/۱۰/۳۰",
            "status": "in_progress", "public": "on", "reason": "", "case_codes": "",
            "notes": inline_formset([{"date": "۱۴۰۴/۰۹/۰۱", "text": "بررسی پرونده‌ها آغاز شد."}]),
        }),
    )
    assert response.status_code == 302
    world.for_esmaeil.refresh_from_db()
    assert world.for_esmaeil.status == Status.IN_PROGRESS and world.for_esmaeil.neighborhood == world.tree.esmaeil


@pytest.mark.parametrize("who", ["other_coordinator", "staff_bagh", "staff_ghaem", "agency_ghaem", None])
def test_nobody_outside_the_province_or_the_neighbourhood_reads_what_is_not_theirs(world, who):
    client = Client()
    if who:
        client.force_login(getattr(world, who))
    for url in (
        "/admin/council_meetings/",
        f"/admin/council_meetings/edit/{world.meeting.pk}/",
        f"/admin/council_meetings/edit/{world.internal_meeting.pk}/",
        f"/admin/council_meetings/delete/{world.internal_meeting.pk}/",
        f"/admin/council/minutes/{world.internal_meeting.pk}/",
        f"/admin/council/attachments/{world.paper.pk}/",
        "/admin/council_resolutions/",
        f"/admin/council_resolutions/edit/{world.for_esmaeil.pk}/",
        f"/admin/council_resolutions/edit/{world.internal.pk}/",
        "/admin/council/agency/",
        f"/admin/council/agency/{world.for_esmaeil.pk}/",
    ):
        response = client.get(url)
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8", "replace")
        assert response.status_code in (200, 302, 403, 404), (who, url, response.status_code)
        assert INTERNAL_WORDS not in body and FOR_ESMAEIL not in body, (who, url)
        assert NAME not in body, (who, url)


def test_an_agency_login_sees_the_province_s_resolution_in_the_neighbourhood_it_serves(world):
    client = logged_in(world.agency_esmaeil)
    listed = client.get("/admin/council/agency/").content.decode()
    assert FOR_ESMAEIL in listed and NAME in client.get(f"/admin/council/agency/{world.for_esmaeil.pk}/").content.decode()


# --- in public ---------------------------------------------------------------------------------------


def test_each_neighbourhood_s_decisions_page_shows_the_province_s_resolution_for_it_only(world, client):
    esmaeil = client.get(f"{world.tree.esmaeil.url}decisions/").content.decode()
    ghaem = client.get(f"{world.ghaem.url}decisions/").content.decode()
    assert FOR_ESMAEIL in esmaeil and NAME in esmaeil and FOR_GHAEM not in esmaeil
    assert FOR_GHAEM in ghaem and FOR_ESMAEIL not in ghaem
    for url in (
        f"{world.tree.esmaeil.url}decisions/",
        f"{world.tree.esmaeil.url}decisions/feed/",
        f"{world.tree.esmaeil.url}decisions/csv/",
        world.tree.esmaeil.url,
        "/api/v2/resolutions/",
        f"/api/v2/resolutions/{world.internal.pk}/",
    ):
        assert INTERNAL_WORDS not in client.get(url).content.decode(), url
    api = client.get("/api/v2/resolutions/", {"neighborhood": world.tree.esmaeil.pk}).json()["items"]
    assert [(item["text"], item["meeting"]["title"]) for item in api] == [(FOR_ESMAEIL, NAME)]


def test_track_tells_the_resident_their_case_was_raised_in_the_province_s_meeting(world, client):
    case = Submission.objects.create(neighborhood=world.tree.esmaeil, form_title="فرم", name="مریم", mobile="09120003344")
    world.for_esmaeil.cases.add(case)
    html = client.post("/track/", {"code": case.tracking_code, "last_digits": "3344"}).content.decode()
    assert NAME in html and FOR_ESMAEIL in html


# --- what the caches do ------------------------------------------------------------------------------


def test_the_province_meeting_s_change_makes_the_neighbourhoods_it_concerns_stale_and_no_other(world, settings):
    from portal.caching import store

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    store._local.clear()
    reader = Client()
    esmaeil, ghaem, bagh = (f"{page.url}decisions/" for page in (world.tree.esmaeil, world.ghaem, world.tree.bagh))
    for url in (esmaeil, ghaem, bagh):
        reader.get(url)
    assert {reader.get(url)["X-Page-Cache"] for url in (esmaeil, ghaem, bagh)} == {"hit"}

    world.meeting.public = False  # the meeting alone is saved, none of its resolutions
    world.meeting.save()
    assert [reader.get(url)["X-Page-Cache"] for url in (esmaeil, ghaem, bagh)] == ["miss", "miss", "hit"]
    assert FOR_ESMAEIL not in reader.get(esmaeil).content.decode()

    world.meeting.public = True
    world.meeting.save()
    for url in (esmaeil, ghaem):
        reader.get(url)
    moved = Resolution.objects.get(pk=world.for_ghaem.pk)
    moved.neighborhood = world.tree.esmaeil
    moved.save()
    assert [reader.get(url)["X-Page-Cache"] for url in (esmaeil, ghaem)] == ["miss", "miss"]
    assert FOR_GHAEM not in reader.get(ghaem).content.decode() and FOR_GHAEM in reader.get(esmaeil).content.decode()


# --- the figures -----------------------------------------------------------------------------------


def test_the_province_s_meeting_counts_for_each_neighbourhood_it_made_resolutions_for(world):
    from council.models.resolution import today_in_tehran
    from neighborhoods.models import NeighborhoodPage
    from reports.figures import council, council_by_neighborhood
    from reports.periods import Period

    today = today_in_tehran()
    period = Period(first=today - datetime.timedelta(days=30), last=today)  # both province meetings: ten days ago
    qom = NeighborhoodPage.objects.filter(pk__in=[world.tree.esmaeil.pk, world.ghaem.pk])
    by_neighborhood = {row["id"]: row["meetings"] for row in council_by_neighborhood(qom, period)}
    # Esmaeilabad: both (the internal one made a resolution for it too); Shahr-e Ghaem: the public one only.
    assert by_neighborhood == {world.tree.esmaeil.pk: 2, world.ghaem.pk: 1}
    assert council(NeighborhoodPage.objects.filter(pk=world.ghaem.pk), period)["summary"][0]["count"] == 1
    assert council(qom, period)["summary"][0]["count"] == 2  # each meeting once, not once a neighbourhood
    assert council(NeighborhoodPage.objects.filter(pk=world.tree.bagh.pk), period)["summary"][0]["count"] == 0
    earlier = Period(first=today - datetime.timedelta(days=60), last=today - datetime.timedelta(days=31))
    assert council(qom, earlier)["summary"][0]["count"] == 0
