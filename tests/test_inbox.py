"""The staff inbox in the Wagtail admin: scoping, privacy, history, exports, bulk actions, service desk."""

import csv
import datetime
import io
from types import SimpleNamespace

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from demo.content import participation_forms
from forms import sms
from forms.models import FormField, ParticipationFormPage, Status, Submission, SubmissionEvent
from forms.pipeline import new_form_token
from forms.wagtail_hooks import InboxMenuItem
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from portal import jalali
from portal.digits import to_persian_digits

pytestmark = pytest.mark.django_db

INBOX = "/admin/inbox/"
SECRET_NOTE = "یادداشت محرمانه اسماعیل‌آباد"


def make_form_page(neighborhood, slug, title):
    page = ParticipationFormPage(title=title, slug=slug, kind="problem_report")
    page.form_fields = [
        FormField(label="نام", key="name", field_type="singleline", required=True),
        FormField(label="شماره همراه", key="mobile", field_type="mobile", required=True),
        FormField(label="نیاز محله", key="need", field_type="multiline", required=True),
    ]
    neighborhood.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_submission(page, neighborhood, name, mobile, need="روشنایی کوچه", **extra):
    return Submission.objects.create(
        page=page,
        neighborhood=neighborhood,
        form_title=page.title,
        data={"name": name, "mobile": mobile, "need": need},
        labels={"name": "نام", "mobile": "شماره همراه", "need": "نیاز محله"},
        types={"name": "singleline", "mobile": "mobile", "need": "multiline"},
        name=name,
        mobile=mobile,
        **extra,
    )


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(username=username, password="x", **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def jpeg_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def world(tree):
    """Neighbourhood A (باغ خلج, province مرکزی) and B (اسماعیل‌آباد, province قم), one case each."""
    w = SimpleNamespace(tree=tree)
    w.page_a = make_form_page(tree.bagh, "problem-a", "فرم مسئله باغ خلج")
    w.page_b = make_form_page(tree.esmaeil, "problem-b", "فرم ویژه اسماعیل‌آباد")
    w.staff_a = make_user("staff_a", staff_group_name(tree.bagh), first_name="سارا", last_name="باغی")
    w.staff_b = make_user("staff_b", staff_group_name(tree.esmaeil), first_name="کارمند", last_name="قمی")
    w.coordinator_a = make_user("coord_a", coordinator_group_name(tree.markazi))
    w.superuser = get_user_model().objects.create_superuser("boss", password="x")
    w.outsider = make_user("outsider")
    w.outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    w.a = make_submission(
        w.page_a, tree.bagh, "رضا باغ‌خلجی", "09121110001", national_code="0499370899", tracking_code="40217358"
    )
    w.b = make_submission(
        w.page_b,
        tree.esmaeil,
        "مریم اسماعیلی",
        "09357654321",
        national_code="0010350829",
        tracking_code="86530291",
        private_notes=SECRET_NOTE,
    )
    w.b.photo.save("b.jpg", ContentFile(jpeg_bytes()), save=True)
    w.a.photo.save("a.jpg", ContentFile(jpeg_bytes()), save=True)
    SubmissionEvent.objects.create(
        submission=w.b, user=w.staff_b, action="changed", changes={"private_notes": ["", SECRET_NOTE]}
    )
    w.in_review = Status.objects.get(slug="in_review")  # one of the default statuses
    sms.outbox.clear()
    return w


def b_needles(w):
    b = w.b
    return [
        b.tracking_code,
        b.tracking_display,
        b.name,
        b.mobile,
        to_persian_digits(b.mobile),
        b.masked_mobile,
        to_persian_digits(b.masked_mobile),
        b.national_code,
        to_persian_digits(b.national_code),
        SECRET_NOTE,
        w.page_b.title,
        "قمی",
    ]


def body_of(response):
    """The text of any response, read once (streamed bodies can only be consumed once)."""
    if hasattr(response, "_test_body"):
        return response._test_body
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    response._test_body = decode(response, content)
    return response._test_body


def decode(response, content):
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(content))
        return "\n".join(str(cell.value or "") for sheet in book for line in sheet.iter_rows() for cell in line)
    return content.decode("utf-8-sig", errors="replace")


def assert_no_b(w, response):
    body = body_of(response)
    leaked = [needle for needle in b_needles(w) if needle and needle in body]
    assert not leaked, f"{response.status_code} leaked {leaked}"


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


# --- isolation matrix -----------------------------------------------------------------------------

ACTORS = ["staff_a", "coordinator_a", "superuser", "anonymous"]


def actor(w, name):
    return None if name == "anonymous" else getattr(w, name)


def expect_login(response):
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("who", ACTORS)
def test_listing_shows_only_scope(world, client, who):
    w = world
    c = client_for(client, actor(w, who))
    response = c.get(INBOX)
    if who == "anonymous":
        return expect_login(response)
    assert response.status_code == 200
    body = response.content.decode()
    assert w.a.tracking_display in body and w.a.name in body
    if who == "superuser":
        assert w.b.tracking_display in body
    else:
        assert_no_b(w, response)
        assert w.tree.esmaeil.title not in body  # not even as a filter choice


@pytest.mark.parametrize("who", ACTORS)
def test_filter_choices_and_filtering_by_another_neighborhood(world, client, who):
    w = world
    c = client_for(client, actor(w, who))
    response = c.get(INBOX, {"neighborhood": w.tree.esmaeil.pk, "page": w.page_b.pk})
    if who == "anonymous":
        return expect_login(response)
    assert response.status_code == 200
    if who == "superuser":
        assert w.b.tracking_display in response.content.decode()
        assert w.a.tracking_display not in response.content.decode()
        return
    body = response.content.decode()
    assert "این گزینه در دسترس شما نیست." in body
    assert_no_b(w, response)
    form = response.context["filter_form"]
    assert list(form.fields["neighborhood"].queryset) == [w.tree.bagh]
    assert set(form.fields["page"].queryset.values_list("pk", flat=True)) == {w.page_a.pk}
    assert w.staff_b not in form.fields["assignee"].queryset


@pytest.mark.parametrize("who", ACTORS)
def test_detail_of_another_neighborhood(world, client, who):
    w = world
    c = client_for(client, actor(w, who))
    response = c.get(f"{INBOX}{w.b.pk}/")
    if who == "anonymous":
        return expect_login(response)
    if who == "superuser":
        assert response.status_code == 200
        body = response.content.decode()
        assert to_persian_digits(w.b.mobile) in body and to_persian_digits(w.b.national_code) in body
        assert SECRET_NOTE in body  # history and notes shown to who may see them
        return
    assert response.status_code == 302 and response["Location"] == INBOX
    assert_no_b(w, response)
    assert_no_b(w, c.get(f"{INBOX}{w.b.pk}/", follow=True))
    assert not SubmissionEvent.objects.filter(submission=w.b, action="viewed").exists()
    # Own neighbourhood: allowed.
    assert c.get(f"{INBOX}{w.a.pk}/").status_code == 200


@pytest.mark.parametrize("who", ACTORS)
def test_edit_post_on_another_neighborhood(world, client, who):
    w = world
    c = client_for(client, actor(w, who))
    data = {"status": w.in_review.pk, "public_reply": "پاسخ ساختگی", "private_notes": "دست‌کاری"}
    response = c.post(f"{INBOX}{w.b.pk}/", data)
    w.b.refresh_from_db()
    if who == "anonymous":
        expect_login(response)
        assert w.b.private_notes == SECRET_NOTE
        return
    if who == "superuser":
        assert response.status_code == 302 and response["Location"] == f"{INBOX}{w.b.pk}/"
        assert w.b.status == w.in_review and w.b.public_reply == "پاسخ ساختگی"
        return
    assert response.status_code == 302 and response["Location"] == INBOX
    assert_no_b(w, response)
    assert w.b.private_notes == SECRET_NOTE and w.b.public_reply == "" and w.b.status.is_initial
    assert not SubmissionEvent.objects.filter(submission=w.b, user=actor(w, who)).exists()


@pytest.mark.parametrize("who", ACTORS)
def test_photo_of_another_neighborhood(world, client, who):
    w = world
    c = client_for(client, actor(w, who))
    response = c.get(f"{INBOX}{w.b.pk}/photo/")
    if who == "anonymous":
        return expect_login(response)
    if who == "superuser":
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
        return
    assert response.status_code == 404
    assert b"\xff\xd8" not in response.content
    own = c.get(f"{INBOX}{w.a.pk}/photo/")
    assert own.status_code == 200 and "no-store" in own["Cache-Control"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("who", ACTORS)
def test_export_of_another_neighborhood(world, client, who, file_format):
    w = world
    c = client_for(client, actor(w, who))
    everything = c.get(f"{INBOX}export/", {"format": file_format})
    targeted = c.get(f"{INBOX}export/", {"format": file_format, "neighborhood": w.tree.esmaeil.pk})
    if who == "anonymous":
        expect_login(everything)
        expect_login(targeted)
        assert not SubmissionEvent.objects.filter(action="exported").exists()
        return
    assert everything.status_code == 200
    body = body_of(everything)
    assert w.a.tracking_code in body and w.a.mobile in body
    if who == "superuser":
        assert w.b.tracking_code in body
        assert targeted.status_code == 200 and w.b.tracking_code in body_of(targeted)
        return
    assert_no_b(w, everything)
    # A filter naming another neighbourhood is refused, not silently widened.
    assert targeted.status_code == 302 and targeted["Location"].startswith(INBOX)
    assert_no_b(w, targeted)
    assert not SubmissionEvent.objects.filter(submission=w.b, action="exported").exists()


@pytest.mark.parametrize("who", ACTORS)
def test_bulk_post_ignores_ids_out_of_scope(world, client, who):
    w = world
    c = client_for(client, actor(w, who))
    response = c.post(
        f"{INBOX}bulk/", {"ids": [w.a.pk, w.b.pk], "action": "status", "status": w.in_review.pk, "next": INBOX}
    )
    w.a.refresh_from_db()
    w.b.refresh_from_db()
    if who == "anonymous":
        expect_login(response)
        assert w.a.status.is_initial and w.b.status.is_initial
        return
    assert response.status_code == 302 and response["Location"] == INBOX
    assert w.a.status == w.in_review
    assert SubmissionEvent.objects.filter(submission=w.a, action="changed", user=actor(w, who)).exists()
    if who == "superuser":
        assert w.b.status == w.in_review
        return
    assert w.b.status.is_initial
    assert not SubmissionEvent.objects.filter(submission=w.b, user=actor(w, who)).exists()
    assert_no_b(w, c.get(INBOX))


@pytest.mark.parametrize("who", ACTORS)
def test_service_desk_with_another_neighborhoods_form(world, client, who):
    w = world
    c = client_for(client, actor(w, who))
    url = f"{INBOX}new/{w.page_b.pk}/"
    data = {"name": "شهروند حضوری", "mobile": "09120000000", "need": "نیاز", "form_token": new_form_token()}
    picker = c.get(f"{INBOX}new/")
    get = c.get(url)
    post = c.post(url, data)
    created = Submission.objects.filter(name="شهروند حضوری")
    if who == "anonymous":
        for response in (picker, get, post):
            expect_login(response)
        assert not created.exists()
        return
    assert picker.status_code == 200
    assert w.page_a.title in picker.content.decode()
    if who == "superuser":
        assert get.status_code == 200 and post.status_code == 302
        assert created.get().neighborhood_id == w.tree.esmaeil.pk
        return
    assert w.page_b.title not in picker.content.decode()
    for response in (get, post):
        assert response.status_code == 302 and response["Location"] == f"{INBOX}new/"
        assert_no_b(w, response)
    assert not created.exists()


def test_user_without_any_neighborhood_is_turned_away(world, client):
    client.force_login(world.outsider)
    for response in (
        client.get(INBOX),
        client.get(f"{INBOX}{world.a.pk}/"),
        client.get(f"{INBOX}export/", {"format": "csv"}),
        client.get(f"{INBOX}new/"),
        client.post(f"{INBOX}bulk/", {"ids": [world.a.pk], "action": "archive"}),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get(f"{INBOX}{world.a.pk}/photo/").status_code == 404
    world.a.refresh_from_db()
    assert not world.a.archived


def test_coordinator_sees_every_neighborhood_of_the_province(world, client):
    arak2 = world.tree.add_neighborhood(world.tree.markazi, "محله دوم اراک", "arak-2", "اراک")
    page = make_form_page(arak2, "problem-c", "فرم محله دوم")
    other = make_submission(page, arak2, "کاوه اراکی", "09131112233")
    client.force_login(world.coordinator_a)
    body = client.get(INBOX).content.decode()
    assert world.a.tracking_display in body and other.tracking_display in body
    assert client.get(f"{INBOX}{other.pk}/").status_code == 200
    client.force_login(world.staff_a)
    assert other.tracking_display not in client.get(INBOX).content.decode()
    assert client.get(f"{INBOX}{other.pk}/").status_code == 302


def test_wagtail_form_submission_screens_leave_participation_forms_to_the_inbox(world, client):
    client.force_login(world.staff_a)
    response = client.get(f"/admin/forms/submissions/{world.page_a.pk}/")
    assert response.status_code in (302, 403)
    body = response.content.decode()
    assert world.a.name not in body and world.a.mobile not in body
    assert world.page_a.title not in client.get("/admin/forms/", follow=True).content.decode()


# --- menu -----------------------------------------------------------------------------------------


def test_menu_item_counts_new_cases_in_scope(world):
    make_submission(world.page_a, world.tree.bagh, "دومی", "09121110002")
    make_submission(world.page_a, world.tree.bagh, "بایگانی‌شده", "09121110003", archived=True)
    make_submission(world.page_a, world.tree.bagh, "در بررسی", "09121110004", status=world.in_review)
    item = InboxMenuItem("صندوق پرونده‌ها", INBOX, name="inbox", icon_name="tasks")

    def request_for(user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return request

    assert item.is_shown(request_for(world.staff_a))
    assert item.render_component(request_for(world.staff_a)).label == "صندوق پرونده‌ها (۲)"
    assert item.render_component(request_for(world.superuser)).label == "صندوق پرونده‌ها (۳)"
    assert not item.is_shown(request_for(world.outsider))


# --- listing --------------------------------------------------------------------------------------


def test_listing_masks_mobiles_and_national_codes(world, client):
    client.force_login(world.staff_a)
    body = client.get(INBOX).content.decode()
    a = world.a
    assert to_persian_digits(a.masked_mobile) in body
    for full in (a.mobile, to_persian_digits(a.mobile), a.national_code, to_persian_digits(a.national_code)):
        assert full not in body
    assert jalali.format_datetime(a.created_at) in body


def test_listing_excludes_archived_unless_asked(world, client):
    world.a.archived = True
    world.a.save()
    client.force_login(world.staff_a)
    assert world.a.tracking_display not in client.get(INBOX).content.decode()
    assert world.a.tracking_display in client.get(INBOX, {"archived": "on"}).content.decode()


def test_listing_search_and_assigned_to_me(world, client):
    other = make_submission(world.page_a, world.tree.bagh, "نرگس", "09127778899", need="پسماند کنار پارک")
    other.assignee = world.staff_a
    other.save()
    client.force_login(world.staff_a)
    found = client.get(INBOX, {"q": "پسماند"}).content.decode()
    assert other.tracking_display in found and world.a.tracking_display not in found
    by_mobile_end = client.get(INBOX, {"q": "۸۸۹۹"}).content.decode()
    assert other.tracking_display in by_mobile_end and world.a.tracking_display not in by_mobile_end
    mine = client.get(INBOX, {"mine": "on"}).content.decode()
    assert other.tracking_display in mine and world.a.tracking_display not in mine


def test_jalali_date_range_covers_whole_days_in_tehran(world, client):
    first, last = jalali.month_range(1403, 12)
    tehran = jalali.tehran_tz()
    late_last_day = make_submission(world.page_a, world.tree.bagh, "آخر ماه", "09120000001")
    early_next_month = make_submission(world.page_a, world.tree.bagh, "آغاز ماه بعد", "09120000002")
    first_moment = make_submission(world.page_a, world.tree.bagh, "نخستین دقیقه", "09120000003")
    day_before = make_submission(world.page_a, world.tree.bagh, "روز پیش از ماه", "09120000004")
    day = datetime.timedelta(days=1)

    def at(date, hour, minute):
        return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=tehran)

    moments = {
        late_last_day: at(last, 23, 30),
        # 00:10 in Tehran is still the previous day in UTC: a UTC date filter would wrongly include it.
        early_next_month: at(last + day, 0, 10),
        first_moment: at(first, 0, 0),
        day_before: at(first - day, 23, 59),
    }
    for submission, moment in moments.items():
        Submission.objects.filter(pk=submission.pk).update(created_at=moment)
    Submission.objects.filter(pk=world.a.pk).update(created_at=moments[day_before] - datetime.timedelta(days=3))

    client.force_login(world.staff_a)
    last_day = jalali.to_jalali_date(last).day
    response = client.get(INBOX, {"date_from": "۱۴۰۳/۱۲/۰۱", "date_to": f"1403/12/{last_day}"})
    shown = {submission.pk for submission in response.context["submissions"]}
    assert shown == {late_last_day.pk, first_moment.pk}

    month = {"date_from": "1403/12/01", "date_to": f"1403/12/{last_day}"}
    export = client.get(f"{INBOX}export/", {**month, "format": "csv"})
    lines = body_of(export).strip().splitlines()
    assert len(lines) == 3  # header and the two rows
    assert f"1403/12/{last_day:02d} 23:30" in lines[1]


def test_invalid_jalali_date_shows_a_persian_error(world, client):
    client.force_login(world.staff_a)
    body = client.get(INBOX, {"date_from": "۱۴۰۴/۱۲/۳۰"}).content.decode()
    assert "۳۰ اسفند ۱۴۰۴ در تقویم وجود ندارد." in body


def bulk_rows(world, count):
    """``count`` cases in A, straight into the table (tracking codes 10000000, 10000001, …)."""
    initial = Status.objects.initial()
    rows = [
        Submission(
            page=world.page_a,
            neighborhood=world.tree.bagh,
            form_title=world.page_a.title,
            data={"name": f"ردیف {i}", "need": "نیاز"},
            labels={"name": "نام", "need": "نیاز محله"},
            types={"name": "singleline", "need": "multiline"},
            name=f"ردیف {i}",
            mobile=f"0912{i:07d}",
            tracking_code=f"{10_000_000 + i}",
            status=initial,
            assignee=world.staff_a if i % 2 else world.coordinator_a,
        )
        for i in range(count)
    ]
    for row in rows:
        row.refresh_search_text()  # bulk_create skips save(), which fills it
    Submission.objects.bulk_create(rows)


def test_paging_honours_per_page(world, client):
    bulk_rows(world, 60)
    client.force_login(world.staff_a)
    assert len(client.get(INBOX).context["submissions"]) == 25
    assert len(client.get(INBOX, {"per_page": "50"}).context["submissions"]) == 50
    assert len(client.get(INBOX, {"per_page": "100"}).context["submissions"]) == 61
    assert len(client.get(INBOX, {"per_page": "1000"}).context["submissions"]) == 25


def test_listing_queries_do_not_grow_with_rows(world, client):
    bulk_rows(world, 120)
    client.force_login(world.staff_a)
    client.get(INBOX)  # warm up sessions and caches
    counts = {}
    for per_page in ("25", "100"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(INBOX, {"per_page": per_page})
        assert len(response.context["submissions"]) == int(per_page)
        counts[per_page] = len(queries)
    assert counts["25"] == counts["100"], counts


# --- one submission -------------------------------------------------------------------------------


def test_detail_shows_everything_and_logs_the_view(world, client):
    client.force_login(world.staff_a)
    response = client.get(f"{INBOX}{world.a.pk}/")
    body = response.content.decode()
    assert to_persian_digits(world.a.mobile) in body
    assert to_persian_digits(world.a.national_code) in body
    assert "روشنایی کوچه" in body and "نیاز محله" in body
    assert f"{INBOX}{world.a.pk}/photo/" in body
    event = SubmissionEvent.objects.get(submission=world.a, action="viewed")
    assert event.user == world.staff_a
    assert "مشاهده" in body  # the history, newest first, includes this very view


def test_detail_shows_map_point(world, client):
    world.a.latitude, world.a.longitude = "34.091200", "49.689200"
    world.a.save()
    client.force_login(world.staff_a)
    body = client.get(f"{INBOX}{world.a.pk}/").content.decode()
    assert "openstreetmap.org/?mlat=34.091200&amp;mlon=49.689200" in body


def test_status_change_notifies_resident_and_writes_history(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.staff_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INBOX}{world.a.pk}/",
            {"status": world.in_review.pk, "assignee": world.staff_a.pk, "private_notes": "تماس گرفته شد"},
        )
    assert response.status_code == 302
    world.a.refresh_from_db()
    assert world.a.status == world.in_review and world.a.assignee == world.staff_a
    event = SubmissionEvent.objects.get(submission=world.a, action="changed")
    initial = Status.objects.initial()
    assert event.user == world.staff_a
    assert event.changes["status"] == [initial.name, world.in_review.name]
    assert event.changes["assignee"] == ["", "سارا باغی"]
    assert event.changes["private_notes"] == ["", "تماس گرفته شد"]
    assert len(sms.outbox) == 1
    assert sms.outbox[0]["to"] == world.a.mobile
    assert world.in_review.label_for_public in sms.outbox[0]["text"]
    assert SubmissionEvent.objects.filter(submission=world.a, action="notified").exists()
    history = client.get(f"{INBOX}{world.a.pk}/").content.decode()
    assert f"وضعیت: {initial.name} ← {world.in_review.name}" in history


def test_reply_sets_replied_at_and_notifies(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.staff_a)
    initial = Status.objects.initial()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{INBOX}{world.a.pk}/",
            {
                "status": initial.pk,
                "public_reply": "چراغ کوچه تا هفته آینده تعمیر می‌شود.",
                "referral_agency": "municipality",
                "referral_date": "۱۴۰۳/۱۲/۱۹",
                "consent_taken": "phone",  # no referral without the resident's consent
            },
        )
    world.a.refresh_from_db()
    assert world.a.replied_at is not None
    assert world.a.referral_date == datetime.date(2025, 3, 9)
    event = SubmissionEvent.objects.get(submission=world.a, action="replied")
    assert event.changes["referral_date"] == ["", "2025-03-09"]
    assert len(sms.outbox) == 1 and "پاسخ داد" in sms.outbox[0]["text"]
    body = client.get(f"{INBOX}{world.a.pk}/").content.decode()
    assert "۱۹ اسفند ۱۴۰۳" in body


def test_invalid_edit_saves_nothing_and_explains_in_persian(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.staff_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INBOX}{world.a.pk}/",
            {"status": world.in_review.pk, "assignee": world.staff_b.pk, "private_notes": "نباید بماند"},
        )
    assert response.status_code == 200
    assert "این کاربر در این محله کار نمی‌کند." in response.content.decode()
    world.a.refresh_from_db()
    assert world.a.status.is_initial and world.a.private_notes == "" and world.a.assignee is None
    assert not SubmissionEvent.objects.filter(submission=world.a, action__in=["changed", "replied"]).exists()
    assert sms.outbox == []
    # The assignee choices hold only people who work in this neighbourhood.
    choices = response.context["form"].fields["assignee"].queryset
    assert world.staff_a in choices and world.coordinator_a in choices and world.superuser in choices
    assert world.staff_b not in choices and world.outsider not in choices


def test_saving_without_changes_writes_no_history(world, client):
    client.force_login(world.staff_a)
    client.post(f"{INBOX}{world.a.pk}/", {"status": world.a.status.pk})
    assert not SubmissionEvent.objects.filter(submission=world.a, action__in=["changed", "replied"]).exists()


# --- bulk actions ---------------------------------------------------------------------------------


def test_bulk_assign_archive_and_history(world, client):
    second = make_submission(world.page_a, world.tree.bagh, "دومی", "09121110002")
    client.force_login(world.coordinator_a)
    ids = [world.a.pk, second.pk, world.b.pk]
    client.post(f"{INBOX}bulk/", {"ids": ids, "action": "assign", "assignee": world.staff_a.pk})
    for submission in (world.a, second):
        submission.refresh_from_db()
        assert submission.assignee == world.staff_a
        assert SubmissionEvent.objects.get(submission=submission, action="changed").changes == {
            "assignee": ["", "سارا باغی"]
        }
    client.post(f"{INBOX}bulk/", {"ids": ids, "action": "archive"})
    assert set(Submission.objects.filter(archived=True).values_list("pk", flat=True)) == {world.a.pk, second.pk}
    world.b.refresh_from_db()
    assert world.b.assignee is None and not world.b.archived


def test_bulk_cannot_assign_to_someone_out_of_scope(world, client):
    client.force_login(world.staff_a)
    response = client.post(
        f"{INBOX}bulk/", {"ids": [world.a.pk], "action": "assign", "assignee": world.staff_b.pk}, follow=True
    )
    assert "این کاربر در محله‌های شما کار نمی‌کند." in response.content.decode()
    world.a.refresh_from_db()
    assert world.a.assignee is None


def test_bulk_needs_csrf(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.staff_a)
    response = client.post(f"{INBOX}bulk/", {"ids": [world.a.pk], "action": "archive"})
    assert response.status_code == 403
    world.a.refresh_from_db()
    assert not world.a.archived


def test_bulk_status_notifies_each_resident(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.staff_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INBOX}bulk/", {"ids": [world.a.pk], "action": "status", "status": world.in_review.pk})
    assert [message["to"] for message in sms.outbox] == [world.a.mobile]


# --- exports --------------------------------------------------------------------------------------


def test_csv_export_has_bom_and_exactly_the_filtered_rows(world, client):
    bulk_rows(world, 7)
    Submission.objects.filter(tracking_code__in=["10000000", "10000001", "10000002"]).update(status=world.in_review)
    client.force_login(world.staff_a)
    response = client.get(f"{INBOX}export/", {"format": "csv", "status": world.in_review.pk})
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("کد رهگیری,فرم,محله,وضعیت,زمان ثبت")
    assert "نیاز محله" in lines[0]
    assert len(lines) == 1 + 3
    assert SubmissionEvent.objects.filter(action="exported", user=world.staff_a).count() == 3
    assert set(
        SubmissionEvent.objects.filter(action="exported").values_list("submission__tracking_code", flat=True)
    ) == {"10000000", "10000001", "10000002"}


def test_csv_export_neutralises_formulas(world, client):
    make_submission(world.page_a, world.tree.bagh, "=HYPERLINK(\"http://x\")", "09121110009", need="+1+2")
    client.force_login(world.staff_a)
    body = body_of(client.get(f"{INBOX}export/", {"format": "csv", "q": "09121110009"}))
    assert "'=HYPERLINK" in body and "'+1+2" in body


def test_xlsx_export_opens_and_has_the_rows(world, client):
    bulk_rows(world, 4)
    client.force_login(world.staff_a)
    response = client.get(f"{INBOX}export/", {"format": "xlsx", "q": "ردیف"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "کد رهگیری" and "نیاز محله" in rows[0]
    assert len(rows) == 1 + 4
    assert {row[0] for row in rows[1:]} == {"10000000", "10000001", "10000002", "10000003"}
    assert {row[7] for row in rows[1:]} == {f"0912{i:07d}" for i in range(4)}  # leading zero kept
    assert sheet.sheet_view.rightToLeft
    assert SubmissionEvent.objects.filter(action="exported", changes__format="xlsx").count() == 4


def test_export_rejects_unknown_format(world, client):
    client.force_login(world.staff_a)
    response = client.get(f"{INBOX}export/", {"format": "html"})
    assert response.status_code == 302
    assert not SubmissionEvent.objects.filter(action="exported").exists()


def demo_form(neighborhood, kind):
    """One of the demo's participation forms (demo/content.py) as an office publishes it."""
    spec = next(form for form in participation_forms(neighborhood.title) if form["kind"] == kind)
    page = ParticipationFormPage(title=spec["title"], slug=spec["slug"], kind=kind)
    fields = ("label", "key", "field_type", "required", "choices", "help_text")
    page.form_fields = [FormField(**{name: question[name] for name in fields}) for question in spec["form_fields"]]
    neighborhood.add_child(instance=page)
    page.save_revision().publish()
    return page


def sent(client, url, answers):
    """What a resident sends through the public form at ``url``: the stored case, as the inbox shows it."""
    before = set(Submission.objects.values_list("pk", flat=True))
    response = client.post(url, {**answers, "form_token": new_form_token(), "website": ""})
    assert response.status_code == 200, response.content.decode()[:500]
    return Submission.objects.exclude(pk__in=before).get()


def exported_rows(response):
    content = b"".join(response.streaming_content)
    if response["Content-Type"] == "text/csv; charset=utf-8":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [["" if cell is None else str(cell) for cell in line] for line in sheet.iter_rows(values_only=True)]


@pytest.fixture
def several_forms(tree):
    """Five kinds of form of one neighbourhood, each answered once through its public page: three forms
    that share a question (the mobile), forms that give one key to different questions (``description``
    of a problem report and of an NGO application, ``suggestion`` of the needs assessment and of the
    suggestion form) and a question worded like one of the export's own columns (the suggestion form's
    «رایانامه»)."""
    from tests.directory_helpers import add_directory
    from tests.test_directory_application import answers as ngo_answers

    cache.clear()
    add_directory(tree)
    resident = Client()
    cases = {
        "problem_report": sent(resident, demo_form(tree.bagh, "problem_report").url, {
            "name": "لیلا حسینی", "mobile": "09120001101", "topic": "روشنایی معابر",
            "description": "سه چراغ کوچه هفتم خاموش است.", "seen_on": "۱۴۰۴/۰۸/۰۱", "location": "",
        }),
        "needs_assessment": sent(resident, demo_form(tree.bagh, "needs_assessment").url, {
            "main_problem": "بیکاری", "cleanliness_rating": "2", "health_rating": "4", "safety_rating": "3",
            "courses": ["خیاطی و دوخت", "کمک‌های اولیه"], "suggestion": "یک کارگاه خیاطی در سرای محله.",
            "mobile": "09120001102",
        }),
        "volunteer": sent(resident, demo_form(tree.bagh, "volunteer").url, {
            "name": "رضا محمدی", "mobile": "09120001103", "age": "۳۴", "skills": ["ورزش"], "days": ["جمعه"],
            "notes": "عصرها آزادم.",
        }),
        "suggestion": sent(resident, demo_form(tree.bagh, "suggestion").url, {
            "suggestion": "جشن محله در پارک برگزار شود.", "name": "", "mobile": "", "email": "resident@example.ir",
        }),
        "ngo_application": sent(resident, tree.application_page.url, ngo_answers(tree, other_neighborhoods=[])),
    }
    cache.clear()
    return cases


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_of_several_forms_puts_every_answer_under_its_own_question(tree, client, several_forms, file_format):
    staff = make_user("staff_several", staff_group_name(tree.bagh))
    client.force_login(staff)
    header, *rows = exported_rows(client.get(f"{INBOX}export/", {"format": file_format}))
    assert len(rows) == len(several_forms)
    assert len(set(header)) == len(header), [name for name in header if header.count(name) > 1]
    # One key, two questions: two columns, each named for its own question.
    assert "شرح مسئله" in header and "معرفی کوتاه" in header
    # A question worded like the export's own column names its form.
    assert header.count("رایانامه") == 1 and f"رایانامه ({several_forms['suggestion'].form_title})" in header
    # The same question of three forms is one column.
    assert header.count("شماره همراه") == 1
    fixed = header.index("طول جغرافیایی") + 1
    by_code = {row[0]: row for row in rows}
    for case in several_forms.values():
        row = by_code[case.tracking_code]
        answered = {label: str(value) for label, value in case.answers() if value not in ("", [], None)}
        for label, value in answered.items():
            named = [
                number for number, name in enumerate(header)
                if number >= fixed and (name == label or name.startswith(f"{label} (") and case.form_title in name)
            ]
            assert len(named) == 1, (case.form_title, label, named)
            assert row[named[0]] == value, (case.form_title, label, row[named[0]], value)
        # and nothing of this case under another form's questions
        assert len([cell for cell in row[fixed:] if cell]) == len(answered), case.form_title


# --- service desk ---------------------------------------------------------------------------------


def test_service_desk_creates_a_submission(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.staff_a)
    url = f"{INBOX}new/{world.page_a.pk}/"
    form_page = client.get(url)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert 'name="form_token"' in html and 'name="website"' not in html
    token = form_page.context["form"].initial["form_token"]
    data = {"name": "بانوی حضوری", "mobile": "۰۹۱۲۱۲۳۴۵۶۷", "need": "کلاس سواد", "form_token": token}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
        again = client.post(url, data)  # the same form sent twice makes one case
    submission = Submission.objects.get(name="بانوی حضوری")
    assert response.status_code == 302 and response["Location"] == f"{INBOX}{submission.pk}/"
    assert again["Location"] == response["Location"]
    assert submission.source == "service_desk" and submission.mobile == "09121234567"
    assert submission.neighborhood_id == world.tree.bagh.pk
    created = SubmissionEvent.objects.get(submission=submission, action="created")
    assert created.user == world.staff_a
    detail = client.get(response["Location"]).content.decode()
    assert f"پرونده با کد رهگیری \u2066{submission.tracking_display}\u2069 ثبت شد." in detail


def test_service_desk_shows_persian_errors(world, client):
    client.force_login(world.staff_a)
    url = f"{INBOX}new/{world.page_a.pk}/"
    response = client.post(url, {"name": "x", "mobile": "12345", "need": "", "form_token": new_form_token()})
    assert response.status_code == 400
    assert not Submission.objects.filter(name="x").exists()
    expired = client.post(url, {"name": "x", "mobile": "09120000000", "need": "n", "form_token": "bad"})
    assert expired.status_code == 400 and "زمان این فرم گذشته است" in expired.content.decode()


# --- statuses -------------------------------------------------------------------------------------


def test_statuses_are_editable_by_superusers_only(world, client):
    client.force_login(world.superuser)
    listing = client.get("/admin/snippets/participation/status/")
    assert listing.status_code == 200 and world.in_review.name in listing.content.decode()
    response = client.post(
        "/admin/snippets/participation/status/add/",
        {"name": "در انتظار شهروند", "slug": "waiting", "public_label": "", "order": "7"},
    )
    assert response.status_code == 302 and Status.objects.filter(slug="waiting").exists()
    in_use = Status.objects.initial()
    client.post(f"/admin/snippets/participation/status/delete/{in_use.pk}/")
    assert Status.objects.filter(pk=in_use.pk).exists()

    client.force_login(world.staff_a)
    denied = client.get("/admin/snippets/participation/status/")
    assert denied.status_code == 302


@pytest.mark.parametrize("typed", ["{persian}", "{latin_dashed}", "{spaced}", "{masked}"])
def test_search_finds_codes_and_mobiles_as_displayed(tree, typed):
    from forms.models import Submission
    from portal.digits import to_persian_digits
    from tests.conftest import add_form_page

    page = add_form_page(tree.bagh, slug="search-form")
    submission = Submission.objects.create(
        page=page, neighborhood=tree.bagh, form_title=page.title, mobile="09121234567", data={"x": "y"}
    )
    Submission.objects.create(page=page, neighborhood=tree.bagh, form_title=page.title, mobile="09350000000")
    code = submission.tracking_code
    query = typed.format(
        persian=submission.tracking_display,
        latin_dashed=f"{code[:4]}-{code[4:]}",
        spaced=to_persian_digits(f"{code[:4]} {code[4:]}"),
        masked=submission.masked_mobile,
    )
    assert list(Submission.objects.search(query)) == [submission]


def test_filter_selects_kept_for_one_scope_are_never_shown_to_another(world, client):
    """The neighbourhood and form selects are kept as HTML (portal.widgets.VersionedSelect), keyed by the ids
    they offer: the superuser's lists must not reach staff of one neighbourhood, and a form's first
    submission adds it to the list without any page changing."""
    w = world
    quiet = make_form_page(w.tree.bagh, "quiet", "فرم بی‌پاسخ باغ خلج")
    boss = client_for(client, w.superuser).get(INBOX).content.decode()
    assert w.tree.esmaeil.title in boss and w.page_b.title in boss

    staff = client_for(client, w.staff_a).get(INBOX).content.decode()
    assert w.tree.esmaeil.title not in staff and w.page_b.title not in staff
    assert w.page_a.title in staff and quiet.title not in staff

    make_submission(quiet, w.tree.bagh, "نسرین", "09121110002")
    assert quiet.title in client.get(INBOX).content.decode()
    # The chosen option is part of what is kept.
    chosen = client.get(INBOX, {"page": quiet.pk}).content.decode()
    assert f'<option value="{quiet.pk}" selected>' in chosen
