"""Confidential cases: a confidential form's or programme's personal data reaches the caseworkers of its
neighbourhood and nobody else — not other staff of the office, not the province's coordinator, not a
superuser — on every screen and file that shows a case, while the counts stay whole."""

import csv
import io
import re
from types import SimpleNamespace

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from directory.accounts import ensure_organization_account
from forms.confidential import Reader
from forms.models import AccessRecord, Submission
from neighborhoods.permissions import (
    caseworker_group_name,
    coordinator_group_name,
    staff_group_name,
)
from portal import jalali
from programmes.seats import Signup, register
from reports import needs
from reports.periods import month_period
from tests.conftest import add_form_page, add_program, problem_answers
from tests.test_inbox import jpeg_bytes

pytestmark = pytest.mark.django_db

INBOX = "/admin/inbox/"
REPORTS = "/admin/reports/"
NAME = "زهره پنهان‌نژاد"
MOBILE = "09127654321"
NATIONAL_CODE = "0499370899"
STORY = "مصرف شیشه همسرم دو سال است و بچه‌ها را نگه می‌دارد"
SECRETS = (NAME, MOBILE, "0912***4321", "۰۹۱۲۷۶۵۴۳۲۱", NATIONAL_CODE, "******0899", STORY, "34.0917", "نگهدارنده متادون")


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(username=username, password="x", **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def fresh_token(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def world(tree):
    cache.clear()  # the participation limits count in the default cache
    w = SimpleNamespace(tree=tree)
    # A confidential form: the office marked its topic sensitive, so it is confidential whatever the tick.
    w.form = add_form_page(tree.bagh, slug="family-support", title="درخواست حمایت از خانواده")
    w.form.sensitive_topic = "family_support"
    w.form.confidential = False
    w.form.save_revision().publish()
    w.form.refresh_from_db()
    resident = Client()
    answers = problem_answers(
        name=NAME, mobile=MOBILE, national_code=NATIONAL_CODE, problem=STORY, form_token=fresh_token(resident, w.form)
    )
    assert resident.post(w.form.url, answers).status_code in (200, 302)
    w.case = Submission.objects.get(page=w.form)
    w.case.private_notes = "نگهدارنده متادون از هفته بعد"
    w.case.save()
    w.case.photo.save("a.jpg", ContentFile(jpeg_bytes()), save=True)
    # An ordinary case beside it, in the same inbox.
    w.plain_form = add_form_page(tree.bagh, slug="problem", title="گزارش مسئله محله")
    w.plain = Submission.objects.create(
        page=w.plain_form, neighborhood=tree.bagh, form_title=w.plain_form.title, name="رضا آشکار", mobile="09121112233"
    )
    # A confidential programme and its sign-up.
    w.program = add_program(tree.bagh, slug="recovery", title="درمان رایگان ترک اعتیاد برای بانوان", sensitive_topic="addiction")
    w.registration = register(w.program, Signup(name=NAME, mobile=MOBILE, people=1))
    w.caseworker = make_user("caseworker_a", staff_group_name(tree.bagh), caseworker_group_name(tree.bagh))
    w.staff = make_user("staff_a", staff_group_name(tree.bagh))
    w.coordinator = make_user("coordinator", coordinator_group_name(tree.markazi))
    w.superuser = get_user_model().objects.create_superuser("boss", password="x")
    w.other_caseworker = make_user(
        "caseworker_b", staff_group_name(tree.esmaeil), caseworker_group_name(tree.esmaeil)
    )
    from directory.models import DirectoryIndexPage

    directory = tree.home.add_child(instance=DirectoryIndexPage(title="سمن‌ها", slug="directory"))
    w.ngo, _password = ensure_organization_account(directory, "ngo", password="x")
    from reports.views.monthly import make_report

    today = jalali.to_jalali_date(timezone.localdate())
    w.month = (today.year, today.month)
    w.report = make_report(tree.bagh, today.year, today.month, "جلسه با بهزیستی برگزار شد.", w.caseworker)
    return w


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def case_urls(w):
    return {
        "list": INBOX,
        "search by name": f"{INBOX}?q={NAME.split()[0]}",
        "detail": f"{INBOX}{w.case.pk}/",
        "photo": f"{INBOX}{w.case.pk}/photo/",
        "export csv": f"{INBOX}export/?format=csv",
        "export xlsx": f"{INBOX}export/?format=xlsx",
        "registrations": f"/admin/programmes/{w.program.pk}/",
        "registrations csv": f"/admin/programmes/{w.program.pk}/export/?format=csv",
        "registration's case": f"{INBOX}{w.registration.submission_id}/",
        "dashboard": REPORTS,
        "needs": f"{REPORTS}needs/",
        "needs csv": f"{REPORTS}needs/?format=csv",
        "safety map": f"{REPORTS}safety/",
        "monthly report": f"{REPORTS}monthly/{w.report.pk}/",
        "monthly pdf": f"{REPORTS}monthly/{w.report.pk}/pdf/",
        "province's reports": f"{REPORTS}monthly/province/?province={w.tree.markazi.pk}&year={w.month[0]}&month={w.month[1]}",
        "province's pdf": f"{REPORTS}monthly/province/pdf/?province={w.tree.markazi.pk}&year={w.month[0]}&month={w.month[1]}",
    }


def body_of(response):
    if response.get("Content-Type", "") == "application/pdf":
        return response.content.decode("latin-1")  # the PDF's own bytes: no readable name may be among them
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def leaks(body):
    return [secret for secret in SECRETS if secret in body]


@pytest.mark.parametrize("who", ["staff", "coordinator", "superuser"])
def test_everyone_in_scope_but_the_caseworkers_sees_the_case_masked(world, who):
    w = world
    client = client_for(getattr(w, who))
    for name, url in case_urls(w).items():
        response = client.get(url)
        body = body_of(response)
        assert not leaks(body), (who, name, leaks(body))
        if name == "photo":
            assert response.status_code == 404
        else:
            assert response.status_code == 200, (who, name, response.status_code)
    # The case is still in the list, counted and labelled, with its tracking code.
    listing = client.get(INBOX)
    assert w.case.tracking_display in listing.content.decode() and "محرمانه" in listing.content.decode()
    assert {s.pk for s in listing.context["submissions"]} >= {w.case.pk, w.plain.pk}
    # A name typed into the search box does not tell whether a confidential case holds it.
    assert [s.pk for s in client.get(f"{INBOX}?q={NAME.split()[0]}").context["submissions"]] == []
    # Found by its tracking code, masked.
    found = client.get(f"{INBOX}?q={w.case.tracking_code}").context["submissions"]
    assert [s.pk for s in found] == [w.case.pk] and found[0].masked


def test_the_caseworker_reads_the_whole_case(world):
    w = world
    client = client_for(w.caseworker)
    detail = client.get(f"{INBOX}{w.case.pk}/").content.decode()
    assert NAME in detail and STORY in detail and "0499370899" in detail and "نگهدارنده متادون" in detail
    assert client.get(f"{INBOX}{w.case.pk}/photo/").status_code == 200
    exported = body_of(client.get(f"{INBOX}export/?format=csv"))
    assert NAME in exported and MOBILE in exported and STORY in exported
    assert NAME in client.get(f"/admin/programmes/{w.program.pk}/").content.decode()
    assert [s.pk for s in client.get(f"{INBOX}?q={NAME.split()[0]}").context["submissions"]] == [
        w.registration.submission_id,
        w.case.pk,
    ]


# What answers a caseworker of another neighbourhood with their own neighbourhood's rows or figures.
OWN_SCOPE_ANSWERS = (
    "list", "search by name", "export csv", "export xlsx", "dashboard", "needs", "needs csv", "safety map",
)


@pytest.mark.parametrize("who", ["other_caseworker", "ngo", None])
def test_nobody_outside_the_neighbourhood_reaches_the_case(world, who):
    w = world
    client = client_for(getattr(w, who) if who else None)
    for name, url in case_urls(w).items():
        response = client.get(url)
        body = body_of(response)
        # Another office's own inbox and exports answer, without this one's cases; one case's screens do not.
        own_inbox = who == "other_caseworker" and name in OWN_SCOPE_ANSWERS
        assert response.status_code in ((200,) if own_inbox else (302, 404)), (who, name, response.status_code)
        assert not leaks(body) and w.case.tracking_code not in body and w.case.tracking_display not in body, (who, name)


def test_masked_edits_keep_the_residents_data_and_the_offices_notes(world):
    """Staff who see the case masked can still move it on (status, assignee), and their save erases nothing."""
    w = world
    client = client_for(w.staff)
    page = client.get(f"{INBOX}{w.case.pk}/").content.decode()
    assert 'name="private_notes"' not in page and 'name="public_reply"' not in page
    done = w.case.status.__class__.objects.filter(is_closed=True).first()
    response = client.post(f"{INBOX}{w.case.pk}/", {"status": done.pk, "private_notes": "پاک شد", "public_reply": ""})
    assert response.status_code == 302
    case = Submission.objects.get(pk=w.case.pk)
    assert case.status == done and case.name == NAME and case.private_notes == "نگهدارنده متادون از هفته بعد"
    history = client_for(w.staff).get(f"{INBOX}{w.case.pk}/").content.decode()
    assert "نگهدارنده" not in history


def test_a_masked_copy_cannot_be_saved(world):
    case = Reader(world.staff).show(Submission.objects.get(pk=world.case.pk))
    assert case.masked and case.name == "محرمانه"
    with pytest.raises(ValueError):
        case.save()
    assert Submission.objects.get(pk=world.case.pk).name == NAME


def test_a_sensitive_topic_is_always_confidential_and_marks_earlier_cases(world):
    w = world
    assert w.form.confidential and w.program.confidential and w.case.confidential
    assert Submission.objects.get(pk=w.registration.submission_id).confidential
    assert not w.plain.confidential
    # The office makes the ordinary form confidential: the case already sent becomes confidential too.
    w.plain_form.confidential = True
    w.plain_form.save_revision().publish()
    assert Submission.objects.get(pk=w.plain.pk).confidential


def test_superusers_are_not_caseworkers_by_default_and_membership_makes_one(world):
    w = world
    assert not Reader(w.superuser).may_read(w.case)
    w.superuser.groups.add(Group.objects.get(name=caseworker_group_name(w.tree.bagh)))
    assert Reader(w.superuser).may_read(w.case)
    # A caseworker of another neighbourhood reads none of this one's cases.
    assert not Reader(w.other_caseworker).may_read(w.case)


def test_needs_summaries_count_confidential_answers_but_never_show_their_words(tree):
    from forms.models import FormField, ParticipationFormPage
    from neighborhoods.models import NeighborhoodPage

    page = ParticipationFormPage(title="نیازسنجی محله", slug="needs", kind="needs_assessment")
    page.form_fields = [
        FormField(label="مسئله اصلی", key="main", field_type="dropdown", choices="اعتیاد\nبیکاری", required=True),
        FormField(label="پیشنهاد", key="idea", field_type="multiline", required=False),
    ]
    tree.bagh.add_child(instance=page)
    page.save_revision().publish()
    for idea, confidential in (("کتابخانه کودکان", False), ("متادون همسایه طبقه بالا", True)):
        Submission.objects.create(
            page=page, neighborhood=tree.bagh, form_title=page.title, confidential=confidential,
            data={"main": "اعتیاد", "idea": idea}, types={"main": "dropdown", "idea": "multiline"},
        )
    today = jalali.to_jalali_date(timezone.localdate())
    data = needs.results(NeighborhoodPage.objects.filter(pk=tree.bagh.pk), month_period(today.year, today.month))
    by_key = {question["key"]: question for question in data["questions"]}
    assert data["respondents"] == 2
    assert [(o["label"], o["count"]) for o in by_key["main"]["total"]["options"]] == [("اعتیاد", 2), ("بیکاری", 0)]
    words = {word["label"] for word in by_key["idea"]["total"]["words"]}
    assert "کتابخانه" in words and not words & {"متادون", "همسایه", "طبقه"}


# --- the audit trail ---------------------------------------------------------------------------------

ACTIONS = {
    "list": "inbox",
    "search by name": "inbox",
    "detail": "case",
    "photo": "photo",
    "export csv": "export",
    "export xlsx": "export",
    "registrations": "registrations",
    "registrations csv": "registrations_export",
    "registration's case": "case",
    "dashboard": "dashboard",
    "needs": "needs",
    "needs csv": "needs",
    "safety map": "safety_map",
    "monthly report": "report",
    "monthly pdf": "report_pdf",
    "province's reports": "report",
    "province's pdf": "report_pdf",
}


@pytest.mark.parametrize("who", ["caseworker", "staff", "coordinator", "superuser"])
def test_every_reading_of_personal_data_leaves_exactly_one_audit_row(world, who):
    w = world
    user = getattr(w, who)
    client = Client(REMOTE_ADDR="10.20.30.40")
    client.force_login(user)
    for name, url in case_urls(w).items():
        before = AccessRecord.objects.count()
        response = client.get(url)
        body_of(response)  # a streamed export is read to its end, as a browser would
        records = list(AccessRecord.objects.order_by("-pk")[: AccessRecord.objects.count() - before])
        if name == "photo" and who != "caseworker":
            assert records == [], (who, name)  # masked: no photo was shown
            continue
        assert len(records) == 1, (who, name, records)
        record = records[0]
        assert (record.user, record.action, record.address) == (user, ACTIONS[name], "10.20.30.40"), (who, name)
        if name in ("detail", "photo"):
            assert record.tracking_code == w.case.tracking_code and record.submission_id == w.case.pk
            assert record.masked == (who != "caseworker")
        if name == "export csv":
            assert record.rows == 3 and "format=csv" in record.query
            assert record.masked == (who != "caseworker")
        if name == "search by name":
            assert "q=" in record.query


def test_the_trail_outlives_the_data_and_shows_to_those_who_oversee_it(world):
    from forms.retention import anonymise

    w = world
    client_for(w.staff).get(f"{INBOX}{w.case.pk}/")
    anonymise(Submission.objects.get(pk=w.case.pk))
    Submission.objects.filter(pk=w.case.pk).delete()
    record = AccessRecord.objects.get(action="case", user=w.staff)
    assert record.tracking_code == w.case.tracking_code and record.neighborhood_id == w.tree.bagh.pk
    # The province's coordinator reads it; staff without the permission and another province's do not.
    trail = client_for(w.coordinator).get(f"{INBOX}access/?code={w.case.tracking_display}")
    assert trail.status_code == 200 and list(trail.context["records"]) == [record]
    assert client_for(w.staff).get(f"{INBOX}access/").status_code == 302
    qom = make_user("coordinator_qom", coordinator_group_name(w.tree.qom))
    assert list(client_for(qom).get(f"{INBOX}access/").context["records"]) == []
    assert record in client_for(w.superuser).get(f"{INBOX}access/").context["records"]


# --- what masking and auditing cost ------------------------------------------------------------------


def add_cases(w, count):
    """``count`` ordinary cases, straight into the table (tracking codes 20000000, 20000001, …)."""
    from forms.models import Status

    initial = Status.objects.initial()
    rows = []
    for i in range(count):
        row = Submission(
            page=w.plain_form, neighborhood=w.tree.bagh, form_title=w.plain_form.title, status=initial,
            name=f"ردیف {i}", mobile=f"0913{i:07d}", tracking_code=f"{20_000_000 + i}",
            data={"name": f"ردیف {i}", "problem": "نیاز"}, types={"name": "singleline", "problem": "multiline"},
            assignee=w.staff if i % 2 else w.caseworker,
        )
        row.refresh_search_text()
        rows.append(row)
    Submission.objects.bulk_create(rows)


def inbox_queries(user, per_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(user)
    client.get(INBOX)  # the session and the per-process caches, as on any later request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INBOX, {"per_page": per_page})
    assert response.status_code == 200 and len(response.context["submissions"]) == int(per_page)
    return len(queries)


@pytest.mark.parametrize("who", ["staff", "caseworker", "coordinator"])
def test_the_inbox_costs_the_same_queries_with_confidential_rows_mixed_in(world, who):
    w = world
    user = getattr(w, who)
    add_cases(w, 120)
    plain = {per_page: inbox_queries(user, per_page) for per_page in ("25", "100")}
    # One case in five becomes confidential, spread over every page of the list.
    for ending in ("0", "5"):
        Submission.objects.filter(tracking_code__startswith="2000", tracking_code__endswith=ending).update(confidential=True)
    mixed = {per_page: inbox_queries(user, per_page) for per_page in ("25", "100")}

    assert plain["25"] == plain["100"] == mixed["25"] == mixed["100"], (plain, mixed)
    masked = [case for case in client_for(user).get(INBOX, {"per_page": "100"}).context["submissions"] if case.masked]
    assert bool(masked) == (who != "caseworker")
