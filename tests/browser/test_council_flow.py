"""The neighbourhood council in a real browser: a meeting recorded in the Wagtail admin, and what a resident
then reads on a phone.

1. Desktop: Bagh-e Khalaj's staff member opens «جلسه جدید» in the (Persian, RTL) admin, picks the neighbourhood
   (the only one in the select of their neighbourhoods, already chosen), types the meeting's Jalali date and time, the place and the agenda, adds two attendees
   (one from the council roster, one guest typed by name) and three resolutions with the InlinePanels' add
   buttons, and saves: one meeting with 2 attendees and 3 resolutions is stored on the right Gregorian
   day and hour. Then, on one resolution's own screen, a progress note is added and stored with its author.
2. Phone: the neighbourhood's decisions page counts the public resolutions by status, the status select filters
   to «گذشته از مهلت», the page does not scroll sideways; on /track/ the resident's case shows «در شورای محله»
   with the public resolution that answers it. Nothing of an internal meeting is ever on either page.

Run alone with: .venv/bin/python -m pytest -p no:cacheprovider -m browser tests/browser/test_council_flow.py -q
Screenshots land in test-artifacts/screenshots/council-*.png.
"""

import datetime
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from portal.digits import to_persian_digits

from .test_participation_flow import PICKER_CLOSED_JS, axe_problems, log_in, page_problems, submit, type_into
from .test_public_pages import check_phone_layout, demo_snapshot, demo_urls  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEIGHBORHOOD = "bagh-khalaj"
STAFF = f"staff-{NEIGHBORHOOD}"

# --- 1. the meeting, as the staff member types it ---------------------------------------------------
BODY = "شورای پیشرفت محله"
HELD_AT = "۱۴۰۴/۰۸/۲۰ ۱۷:۰۰"
PLACE = "حسینیه کوچه دوازدهم یاس"
AGENDA = ["روشنایی کوچه‌های خیابان یاس", "جمع‌آوری پسماند بوستان محله", "کلاس‌های تقویتی تابستان"]
GUEST = {"kind": "مهمان", "name": "مجید عسگری", "organization": "شهرداری منطقه ۲ اراک"}
RESOLUTIONS = [
    {
        "text": "شهرداری منطقه ۲ سه چراغ خاموش کوچه هفتم یاس را تا پایان آذر تعویض کند.",
        "agency": ("municipality", "شهرداری"),
        "due": "۱۴۰۴/۰۹/۳۰",
        "status": ("open", "در انتظار اقدام"),
    },
    {
        "text": "دفتر تسهیلگری با همکاری خیریه مهر، سطل‌های زباله بوستان محله را دو برابر کند.",
        "agency": ("office", "دفتر تسهیلگری محله"),
        "due": "۱۴۰۴/۰۹/۱۵",
        "status": ("in_progress", "در حال انجام"),
    },
    {
        "text": "آموزش و پرورش ناحیه ۱ در مدرسه محله کلاس تقویتی ریاضی برای پایه نهم برگزار کند.",
        "agency": ("education", "آموزش و پرورش"),
        "due": "۱۴۰۴/۱۰/۱۰",
        "status": ("done", "انجام شد"),
    },
]
NOTE = "نامه دفتر به شهرداری منطقه ۲ رسید و اکیپ روشنایی بازدید از کوچه را در برنامه هفته آینده گذاشت."

# --- 2. what the resident reads -----------------------------------------------------------------------
INTERNAL_TEXT = "پرونده خانواده آقای الف در کوچه نهم به کمیته امداد فرستاده شود."
HIDDEN_IN_PUBLIC = "جلسه جداگانه با همسایگان ساختمان نیمه‌کاره برگزار شود."
OVERDUE_TEXT = "بهزیستی برای سه خانواده بی‌سرپرست کوچه ششم پرونده حمایتی باز کند."
LINKED_TEXT = "آموزش و پرورش در مدرسه محله عصرها کلاس تقویتی ریاضی برگزار کند."
RESIDENT_MOBILE = "09120001101"
OVERDUE_LABEL = "گذشته از مهلت"


def add_button(page, label):
    """An InlinePanel's add button: «افزودن <label>» (Wagtail's Persian adds «لیبل») or "Add <label>"."""
    return page.get_by_role("button", name=re.compile(rf"^(افزودن|Add)\s+{re.escape(label)}"))


def label(text):
    """A field's label with or without Wagtail's required mark (accessible name «متن مصوبه*»)."""
    return re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$")


def type_jalali(page, box, text):
    """Type a Jalali date (and time) into an admin box with the Jalali picker popping up over it, then close
    the picker the way a person does: Escape, or a click on the page's title beside it."""
    box.click()
    # At a person's pace: the picker ignores Escape while it is still opening (300 ms).
    box.press_sequentially(text, delay=40)
    box.press("Escape")
    try:
        page.wait_for_function(PICKER_CLOSED_JS, timeout=1_000)
    except PlaywrightTimeoutError:
        page.locator("#header-title").click()
        page.wait_for_function(PICKER_CLOSED_JS, timeout=5_000)
    assert box.input_value() == text, f"the typed date became {box.input_value()!r}, expected {text!r}"


def add_inline_child(page, panel, child_label):
    """Click the panel's add button; return the new child (its section) once it is on the page."""
    children = page.locator(f"#id_{panel}-FORMS > [data-inline-panel-child]:not(.deleted)")
    before = children.count()
    add_button(page, child_label).click()
    child = page.locator(f"#inline_child_{panel}-{before}")
    child.wait_for(state="visible", timeout=5_000)
    assert children.count() == before + 1
    return child


def form_errors(page):
    """What Wagtail says is wrong with the form, if it came back instead of saving."""
    texts = [t.strip() for t in page.locator(".w-field__errors, .messages .error, .help-critical").all_inner_texts()]
    return [t for t in texts if t]


def in_tehran(value):
    from portal import jalali

    return value.astimezone(jalali.tehran_tz())


@pytest.mark.usefixtures("demo_urls")
def test_staff_record_a_meeting_with_attendees_and_three_resolutions_then_a_progress_note(
    live_server, open_page, screenshot_dir
):
    from django.contrib.auth import get_user_model

    from council.models import Meeting
    from council.models.resolution import today_in_tehran
    from neighborhoods.models import NeighborhoodPage
    from portal import jalali

    neighborhood = NeighborhoodPage.objects.get(slug=NEIGHBORHOOD, locale__language_code="fa")
    staff = get_user_model().objects.get(username=STAFF)
    roster = list(neighborhood.council_members.order_by("sort_order"))
    member_name = roster[0].name if roster else None
    meetings_before = Meeting.objects.filter(neighborhood=neighborhood).count()
    problems = []

    desk, recorder = open_page("desktop")
    log_in(desk, live_server, STAFF)
    response = desk.goto(f"{live_server.url}/admin/council_meetings/new/", wait_until="load")
    assert response.status == 200, f"the new-meeting screen answered {response.status}"
    html = desk.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl"), "the admin is not Persian, RTL"

    # The neighbourhood: a select of the user's own neighbourhoods, already on theirs (they have one).
    chosen = desk.get_by_role("combobox", name=label("محله"))
    assert chosen.input_value() == str(neighborhood.pk)
    assert chosen.locator("option").all_inner_texts()[-1].strip() == neighborhood.title

    desk.get_by_role("combobox", name=label("جلسه")).select_option(label=BODY)
    type_jalali(desk, desk.get_by_role("textbox", name=label("تاریخ و ساعت")), HELD_AT)
    type_into(desk.get_by_role("textbox", name=label("مکان (نوشتاری)")), PLACE)
    agenda = desk.get_by_role("textbox", name=label("دستور جلسه"))
    agenda.click()
    for number, item in enumerate(AGENDA):
        if number:
            agenda.press("Enter")
        agenda.press_sequentially(item)

    # Two attendees: one from the council's roster (when the neighbourhood has one), one guest by name.
    first = add_inline_child(desk, "attendees", "حاضر")
    first.get_by_role("combobox", name=label("حاضر به عنوان")).select_option(label="عضو شورا")
    if member_name:
        first.get_by_role("combobox", name=label("از اعضای شورا")).select_option(label=member_name)
    else:
        member_name = "حسین مرادی"
        type_into(first.get_by_role("textbox", name=label("نام")), member_name)
    second = add_inline_child(desk, "attendees", "حاضر")
    second.get_by_role("combobox", name=label("حاضر به عنوان")).select_option(label=GUEST["kind"])
    type_into(second.get_by_role("textbox", name=label("نام")), GUEST["name"])
    type_into(second.get_by_role("textbox", name=label("نهاد یا سازمان")), GUEST["organization"])

    # Three resolutions, each with its responsible body, Jalali due date and status.
    for resolution in RESOLUTIONS:
        child = add_inline_child(desk, "resolutions", "مصوبه")
        type_into(child.get_by_role("textbox", name=label("متن مصوبه")), resolution["text"])
        child.get_by_role("combobox", name=label("دستگاه مسئول")).select_option(label=resolution["agency"][1])
        type_jalali(desk, child.get_by_role("textbox", name=label("مهلت انجام")), resolution["due"])
        child.get_by_role("combobox", name=label("وضعیت")).select_option(label=resolution["status"][1])
    desk.screenshot(path=str(screenshot_dir / "council-new-meeting-desktop.png"), full_page=True)

    response = submit(desk, desk.get_by_role("button", name=re.compile(r"^\s*(ساختن|Create)\s*$")))
    assert "/new/" not in desk.url, f"the meeting was not saved ({response.status}): {form_errors(desk)}"
    assert desk.url.rstrip("/").endswith("/admin/council_meetings"), desk.url

    # In the database: one new meeting of the neighbourhood, on the typed Jalali day and hour.
    made = Meeting.objects.filter(neighborhood=neighborhood, created_by=staff)
    assert made.count() == 1 and Meeting.objects.filter(neighborhood=neighborhood).count() == meetings_before + 1
    meeting = made.get()
    held = in_tehran(meeting.held_at)
    day = jalali.to_jalali_date(held)
    assert (day.year, day.month, day.day, held.hour, held.minute) == (1404, 8, 20, 17, 0), held
    assert to_persian_digits(jalali.format_numeric_datetime(meeting.held_at)) == HELD_AT
    assert (meeting.body, meeting.place, meeting.agenda_items(), meeting.public) == ("council", PLACE, AGENDA, True)
    attendees = list(meeting.attendees.order_by("sort_order"))
    assert [(a.kind, a.name) for a in attendees] == [("member", member_name), ("guest", GUEST["name"])]
    assert attendees[1].organization == GUEST["organization"]
    if roster:
        assert attendees[0].member == roster[0]
    resolutions = list(meeting.resolutions.select_related("agency").order_by("sort_order", "pk"))
    assert [
        (r.text, r.agency.slug, to_persian_digits(jalali.format_numeric(r.due_date)), r.status, r.neighborhood_id)
        for r in resolutions
    ] == [(r["text"], r["agency"][0], r["due"], r["status"][0], neighborhood.pk) for r in RESOLUTIONS]
    # The list the save led to says so, and shows the new meeting by its Jalali date.
    assert desk.locator(".messages .success").count() == 1, "no success message after saving the meeting"
    listing = desk.locator("main").inner_text()
    assert jalali.format_date(meeting.held_at, digits="fa") in listing, "the new meeting is not in the list"
    problems += page_problems(recorder)

    # The first resolution's own screen: a progress note, dated today by default.
    resolution = resolutions[0]
    response = desk.goto(f"{live_server.url}/admin/council_resolutions/edit/{resolution.pk}/", wait_until="load")
    assert response.status == 200, f"the resolution's screen answered {response.status}"
    assert desk.get_by_role("textbox", name=label("متن مصوبه")).input_value() == resolution.text
    assert desk.get_by_role("textbox", name=label("مهلت انجام")).input_value() == RESOLUTIONS[0]["due"]
    note = add_inline_child(desk, "notes", "گزارش پیشرفت")
    today = today_in_tehran()
    dated = note.get_by_role("textbox", name=label("تاریخ")).input_value()
    assert dated == to_persian_digits(jalali.format_numeric(today)), f"the new note is dated {dated!r}"
    type_into(note.get_by_role("textbox", name=label("گزارش")), NOTE)
    desk.screenshot(path=str(screenshot_dir / "council-resolution-note-desktop.png"), full_page=True)
    response = submit(desk, desk.get_by_role("button", name=re.compile(r"^\s*(ذخیره|Save)\s*$")))
    assert "/edit/" not in desk.url, f"the resolution was not saved ({response.status}): {form_errors(desk)}"
    assert desk.locator(".messages .success").count() == 1, "no success message after saving the resolution"

    stored = list(resolution.notes.all())
    assert [(n.text, n.date, n.author) for n in stored] == [(NOTE, today, staff)]
    resolution.refresh_from_db()
    assert resolution.status == "open" and resolution.due_date == jalali.parse_date(RESOLUTIONS[0]["due"])
    desk.wait_for_load_state("networkidle")  # nothing in flight when the database is flushed
    problems += page_problems(recorder)
    assert not problems, "\n\n".join(problems)


@pytest.fixture
def council(demo_urls):
    """Bagh-e Khalaj's council, from this test alone (the demo's own meetings there are removed so the counts
    are known): a public meeting with five public resolutions of every status, one of them overdue and one
    answering a resident's case, a resolution kept out of public view, and an internal meeting whose
    resolution answers the same case."""
    from council.choices import Status
    from council.models import Agency, Meeting, ProgressNote, Resolution
    from council.models.resolution import today_in_tehran
    from django.utils import timezone

    from forms.models import Submission
    from neighborhoods.models import NeighborhoodPage

    neighborhood = NeighborhoodPage.objects.get(slug=NEIGHBORHOOD, locale__language_code="fa")
    Meeting.objects.filter(neighborhood=neighborhood).delete()
    today = today_in_tehran()

    def meeting(days_ago, public):
        return Meeting.objects.create(
            neighborhood=neighborhood,
            held_at=timezone.now() - datetime.timedelta(days=days_ago),
            place="سرای محله امام سجاد",
            agenda="روشنایی کوچه‌ها\nخانواده‌های آسیب‌پذیر",
            public=public,
        )

    def resolve(meeting_, text, slug, due_in, status=Status.OPEN, public=True, **fields):
        return Resolution.objects.create(
            meeting=meeting_,
            text=text,
            agency=Agency.objects.get(slug=slug),
            due_date=today + datetime.timedelta(days=due_in),
            status=status,
            public=public,
            **fields,
        )

    public = meeting(12, public=True)
    internal = meeting(8, public=False)
    made = {
        "done": resolve(public, "شهرداری چراغ‌های کوچه هفتم یاس را تعمیر کند.", "municipality", -5, Status.DONE),
        "overdue": resolve(public, OVERDUE_TEXT, "welfare", -3),
        "open": resolve(public, "مرکز بهداشت در سرای محله روز سلامت زنان برگزار کند.", "health", 15),
        "linked": resolve(public, LINKED_TEXT, "education", 20, Status.IN_PROGRESS),
        "not_done": resolve(
            public, "کلانتری گشت شبانه بوستان را دو برابر کند.", "police", -1, Status.NOT_DONE,
            reason="نیروی کافی در کلانتری نبود.",
        ),
        "hidden_in_public": resolve(public, HIDDEN_IN_PUBLIC, "office", 10, public=False),
        "internal": resolve(internal, INTERNAL_TEXT, "relief", -2),
    }
    ProgressNote.objects.create(resolution=made["linked"], date=today, text="کلاس ریاضی از شنبه آغاز شد.")
    case = Submission.objects.create(
        neighborhood=neighborhood, form_title="گزارش مسئله محله", name="لیلا احمدی", mobile=RESIDENT_MOBILE
    )
    made["linked"].cases.add(case)
    made["internal"].cases.add(case)  # an internal resolution on the same case stays unsaid
    return {"neighborhood": neighborhood, "public": public, "case": case, **made}


def test_a_resident_reads_the_decisions_on_a_phone_and_finds_the_council_on_their_case(
    council, live_server, open_page, screenshot_dir
):
    from portal import jalali

    from .test_public_pages import relative

    neighborhood, case = council["neighborhood"], council["case"]
    secrets = [INTERNAL_TEXT, HIDDEN_IN_PUBLIC]
    problems = []

    phone, recorder = open_page("phone")
    response = phone.goto(live_server.url + relative(neighborhood.url) + "decisions/", wait_until="load")
    assert response.status == 200, f"the decisions page answered {response.status}"
    html = phone.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl")
    counts = {}
    for row in phone.locator("dl.decision-counts > div").all():
        counts[row.locator("dt").inner_text().strip()] = row.locator("dd").inner_text().strip()
    assert counts == {
        "همه": "۵",
        "در انتظار اقدام": "۲",
        "در حال انجام": "۱",
        "انجام شد": "۱",
        "انجام نشد": "۱",
        OVERDUE_LABEL: "۱",
    }, counts
    cards = phone.locator("main .decision-list > li.decision")
    assert cards.count() == 5, cards.all_inner_texts()
    assert not [secret for secret in secrets if secret in phone.content()]
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the decisions page")

    # Only the overdue one, with the status select and «نمایش».
    phone.get_by_role("combobox", name="وضعیت", exact=True).select_option(label=OVERDUE_LABEL)
    response = submit(phone, phone.get_by_role("button", name="نمایش", exact=True))
    assert response.status == 200 and "status=overdue" in phone.url, (response.status, phone.url)
    assert phone.get_by_role("combobox", name="وضعیت", exact=True).input_value() == "overdue"
    texts = [text.strip() for text in cards.locator(".decision__text").all_inner_texts()]
    assert texts == [OVERDUE_TEXT], texts
    assert OVERDUE_LABEL in cards.first.locator(".badge").inner_text()
    assert not [secret for secret in secrets if secret in phone.content()]
    metrics = phone.evaluate("() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    assert metrics["scroll"] <= metrics["inner"], f"the decisions page scrolls sideways: {metrics}"
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl")
    problems += check_phone_layout(phone)
    phone.screenshot(path=str(screenshot_dir / "council-decisions-overdue-phone.png"), full_page=True)

    # /track/: the code in Persian digits and the mobile's last four digits.
    phone.goto(live_server.url + "/track/", wait_until="load")
    # By their ids: a required field's name now ends with its «الزامی» mark.
    type_into(phone.locator("#id_code"), to_persian_digits(case.tracking_display))
    last_four = phone.locator("#id_last_digits")
    type_into(last_four, to_persian_digits(RESIDENT_MOBILE[-4:]))
    response = submit(phone, phone.get_by_role("button", name="نمایش وضعیت"))
    assert response.status == 200, f"the lookup was answered with {response.status}"
    section = phone.locator("section.track-resolutions")
    assert section.count() == 1, "no «در شورای محله» on the result: " + phone.locator("main").inner_text()[:400]
    assert section.get_by_role("heading", name="در شورای محله").is_visible()
    said = section.inner_text()
    linked = council["linked"]
    assert linked.text in said, said
    assert f"مسئول: {linked.agency.name}" in " ".join(said.split()), said
    held = jalali.format_date(council["public"].held_at, digits="fa")
    assert held in said, f"the meeting's date {held!r} is not in {said!r}"
    assert section.locator("li.decision").count() == 1, said
    assert not [secret for secret in secrets if secret in phone.content()], "an internal resolution is on /track/"
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the tracking result with the council's resolution")
    phone.screenshot(path=str(screenshot_dir / "council-track-phone.png"), full_page=True)
    phone.wait_for_load_state("networkidle")  # nothing in flight when the database is flushed
    problems += page_problems(recorder)
    assert not problems, "\n\n".join(problems)


AGENCY_LOGIN = "agency-relief-arak"
AGENCY_NOTE = "کارشناس کمیته امداد با دو خانواده گفت‌وگو کرد و پرونده حمایتی آنان باز شد."


@pytest.mark.usefixtures("demo_urls")
def test_an_agency_login_adds_progress_and_proposes_done_which_the_office_then_sees(live_server, open_page, screenshot_dir):
    from django.contrib.auth import get_user_model

    from council.accounts import account_of
    from council.models import Resolution

    agency_user = get_user_model().objects.get(username=AGENCY_LOGIN)
    account = account_of(agency_user)
    assigned = Resolution.objects.filter(
        agency=account.agency, neighborhood__in=account.neighborhoods.all(), status__in=["open", "in_progress"]
    ).order_by("due_date", "pk")
    resolution = assigned.first()
    others = Resolution.objects.exclude(agency=account.agency)[:3]
    problems = []

    desk, recorder = open_page("desktop")
    log_in(desk, live_server, AGENCY_LOGIN)
    response = desk.goto(f"{live_server.url}/admin/council/agency/", wait_until="load")
    assert response.status == 200
    listing = desk.locator("main").inner_text()
    assert str(resolution) in listing, "the agency's own resolution is not in its list"
    assert not [r.text for r in others if str(r) in listing], "another body's resolution is in the agency's list"

    desk.get_by_role("link", name=str(resolution), exact=True).first.click()
    desk.wait_for_load_state("load")
    type_into(desk.get_by_role("textbox", name=label("گزارش پیشرفت")), AGENCY_NOTE)
    desk.get_by_role("combobox", name=label("پیشنهاد وضعیت")).select_option(value="done")
    desk.screenshot(path=str(screenshot_dir / "council-agency-progress-desktop.png"), full_page=True)
    submit(desk, desk.get_by_role("button", name=re.compile(r"ثبت گزارش")))
    assert desk.locator(".messages .success").count() == 1, "no success message after the agency's note"
    assert AGENCY_NOTE in desk.locator("main").inner_text()

    resolution.refresh_from_db()
    note = resolution.notes.order_by("-pk").first()
    assert (note.text, note.author) == (AGENCY_NOTE, agency_user)
    assert resolution.proposed_status == "done" and resolution.status != "done", "the office has not confirmed yet"
    # Nothing else of the admin opens for the agency: another body's resolution is a 404.
    other = others[0]
    assert desk.goto(f"{live_server.url}/admin/council/agency/{other.pk}/").status == 404
    desk.wait_for_load_state("networkidle")
    problems += [problem for problem in page_problems(recorder) if "404" not in problem]
    assert not problems, "\n\n".join(problems)
