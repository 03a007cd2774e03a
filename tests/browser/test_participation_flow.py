"""A resident's report from a phone to the office's inbox and back, in a real browser.

A resident of Bagh-e Khalaj fills the «report-problem» form by typing (Persian digits, a Jalali date with the
picker open), is told off once for a wrong mobile, sends it and gets a tracking code. The office's staff member
finds the case in the inbox, replies and moves it to «در حال بررسی»; the resident then sees both on /track/.
The staff member of another neighbourhood sees nothing of the case, not even by opening its URL.

Run alone with: .venv/bin/python -m pytest tests/browser/test_participation_flow.py -q -p no:randomly
Screenshots land in test-artifacts/screenshots/flow-*.png.
"""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from portal.digits import to_persian_digits

from .test_public_pages import (  # demo_snapshot and demo_urls are fixtures
    check_phone_layout,
    demo_snapshot,  # noqa: F401
    demo_urls,  # noqa: F401
    format_violations,
    relative,
    run_axe,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEIGHBORHOOD = "bagh-khalaj"
OTHER_NEIGHBORHOOD = "esmaeilabad"
FORM_SLUG = "report-problem"
PASSWORD = "mahalle-demo"

RESIDENT_NAME = "مریم رضایی"
MOBILE = "09123456789"
BAD_MOBILE = "۰۹۱۲۳۴"
TOPIC = "روشنایی معابر"
DESCRIPTION = "تیر چراغ برق سر کوچه دوازدهم یاس از هفته پیش خاموش است و شب‌ها کوچه کاملاً تاریک می‌شود."
SEEN_ON = "۱۴۰۵/۰۸/۲۰"
MOBILE_ERROR = "شماره همراه باید ۱۱ رقم باشد"
REPLY = "گزارش شما به شهرداری منطقه ۲ ارجاع شد؛ اکیپ روشنایی این هفته چراغ را بررسی می‌کند."
IN_REVIEW_SLUG = "in_review"
IN_REVIEW_LABEL = "در حال بررسی"
NOT_FOUND = "این پرونده پیدا نشد"


def form_url(live_server):
    from forms.models import ParticipationFormPage
    from neighborhoods.models import NeighborhoodPage

    neighborhood = NeighborhoodPage.objects.live().get(slug=NEIGHBORHOOD, locale__language_code="fa")
    form_page = ParticipationFormPage.objects.live().child_of(neighborhood).get(slug=FORM_SLUG)
    return live_server.url + relative(form_page.get_url())


def page_problems(recorder, *, expected_error_urls=()):
    """Console errors, uncaught errors and outside requests seen so far on one page (as messages)."""
    problems = []
    if recorder.external_requests:
        problems.append("requests left the live server (aborted):\n  " + "\n  ".join(recorder.external_requests))
    # A document answered with 400 (the form sent back with its errors) is logged by Chromium as a console error.
    console = [e for e in recorder.console_errors if e["url"] not in expected_error_urls]
    if console:
        problems.append(
            "console errors:\n  " + "\n  ".join(f"{e['text']} ({e['url']}:{e['line']})" for e in console)
        )
    if recorder.page_errors:
        problems.append("uncaught page errors:\n  " + "\n  ".join(recorder.page_errors))
    failed = [f"{status} {url}" for status, url in recorder.failed_responses if url not in expected_error_urls]
    if failed:
        problems.append("responses with an error status:\n  " + "\n  ".join(failed))
    return problems


def axe_problems(page, where):
    violations = run_axe(page)
    if not violations:
        return []
    return [f"axe-core WCAG 2 A/AA violations on {where}:\n" + format_violations(violations)]


def submit(page, button):
    """Click a submit button and return the response of the navigation it causes."""
    with page.expect_navigation() as navigation:
        button.click()
    page.wait_for_load_state("load")
    return navigation.value


def type_into(locator, text):
    locator.click()
    locator.press_sequentially(text)


PICKER_CLOSED_JS = """() => {
    const el = document.querySelector('jdp-container');
    if (!el) return true;
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden';
}"""


def log_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/", wait_until="load")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    response = submit(page, page.locator("form:has(#id_password) button[type=submit]"))
    assert "/admin/login/" not in page.url, f"{username} could not log in (status {response.status}, {page.url})"


def fill_report(page, *, mobile, screenshot_path=None):
    """Type the report as a resident would, with the Jalali picker popping up over the date."""
    type_into(page.locator("#id_name"), RESIDENT_NAME)
    type_into(page.locator("#id_mobile"), mobile)
    page.locator("#id_topic").select_option(label=TOPIC)
    type_into(page.locator("#id_description"), DESCRIPTION)

    date = page.locator("#id_seen_on")
    date.click()
    # At a person's pace: the picker ignores Escape while it is still opening (300 ms).
    date.press_sequentially(SEEN_ON, delay=50)
    if screenshot_path and not page.evaluate(PICKER_CLOSED_JS):
        page.screenshot(path=str(screenshot_path))
    date.press("Escape")
    try:
        page.wait_for_function(PICKER_CLOSED_JS, timeout=1_000)
    except PlaywrightTimeoutError:
        # A tap on the dimmed page beside the picker closes it too.
        box = page.locator("jdp-container").bounding_box()
        page.touchscreen.tap(5, max(5, box["y"] - 20) if box else 5)
        page.wait_for_function(PICKER_CLOSED_JS, timeout=5_000)
    assert date.input_value() == SEEN_ON, f"the typed date became {date.input_value()!r}"


@pytest.mark.usefixtures("demo_urls")
def test_report_reply_and_track(live_server, open_page, screenshot_dir):
    from forms.models import Submission

    problems = []
    url = form_url(live_server)

    # 1–2. The resident, on a phone: the form, a wrong mobile first, then the right one.
    phone, phone_recorder = open_page("phone")
    response = phone.goto(url, wait_until="load")
    assert response.status == 200, f"{url} answered {response.status}"
    phone.wait_for_load_state("networkidle")
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the form page")

    fill_report(phone, mobile=BAD_MOBILE, screenshot_path=screenshot_dir / "flow-date-picker-phone.png")
    phone.screenshot(path=str(screenshot_dir / "flow-form-filled-phone.png"), full_page=True)
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 400, f"a wrong mobile was answered with {response.status}, expected 400"
    assert not Submission.objects.filter(name=RESIDENT_NAME).exists(), "a form with a wrong mobile was stored"
    errors = phone.locator(".field__error")
    assert errors.count() == 1, f"expected only the mobile's error, got {errors.all_inner_texts()}"
    error = phone.locator("#id_mobile_error")
    assert error.count() == 1, f"the error is not the mobile's: {errors.all_inner_texts()}"
    # Screen readers announce the error with the input only if the input points at it.
    described_by = (phone.locator("#id_mobile").get_attribute("aria-describedby") or "").split()
    assert "id_mobile_error" in described_by, f"the mobile input is not described by its error: {described_by}"
    assert MOBILE_ERROR in error.inner_text(), f"mobile error not shown: {error.inner_text()!r}"
    assert phone.locator("#form-errors").is_visible(), "the form's error summary is not shown"
    assert phone.locator("#id_mobile").input_value() == BAD_MOBILE
    for selector, expected in (("#id_name", RESIDENT_NAME), ("#id_description", DESCRIPTION), ("#id_seen_on", SEEN_ON)):
        kept = phone.locator(selector).input_value()
        assert kept == expected, f"{selector} lost what was typed after the error: {kept!r}"
    problems += axe_problems(phone, "the form page with errors")
    phone.screenshot(path=str(screenshot_dir / "flow-form-error-phone.png"), full_page=True)

    mobile_input = phone.locator("#id_mobile")
    mobile_input.fill("")
    type_into(mobile_input, to_persian_digits(MOBILE))
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, f"the corrected form was answered with {response.status}"

    code_box = phone.locator("[data-tracking-code]")
    assert code_box.count() == 1, "no tracking code on the thank-you page"
    code = code_box.get_attribute("data-tracking-code")
    assert re.fullmatch(r"[0-9]{8}", code or ""), f"tracking code attribute is {code!r}"
    shown = code_box.inner_text().strip()
    display = to_persian_digits(f"{code[:4]}-{code[4:]}")
    assert shown == display, f"tracking code shown as {shown!r}, expected {display!r}"
    submission = Submission.objects.select_related("status", "neighborhood").get(tracking_code=code)
    assert submission.neighborhood.slug == NEIGHBORHOOD
    assert submission.mobile == MOBILE and submission.name == RESIDENT_NAME
    assert submission.status.is_initial
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the thank-you page")
    phone.screenshot(path=str(screenshot_dir / "flow-thank-you-phone.png"), full_page=True)
    problems += page_problems(phone_recorder, expected_error_urls={url})
    assert not problems, "resident's form:\n" + "\n".join(problems)

    # 3. The neighbourhood's staff member, on a desktop: finds the case, replies, changes its status.
    desk, desk_recorder = open_page("desktop")
    log_in(desk, live_server, f"staff-{NEIGHBORHOOD}")
    inbox_link = desk.locator('a[href="/admin/inbox/"]').first
    inbox_link.wait_for(state="visible")
    submit(desk, inbox_link)
    assert desk.url.rstrip("/").endswith("/admin/inbox"), f"the inbox menu item led to {desk.url}"

    desk.locator("details.inbox-filters summary").click()
    type_into(desk.locator("#id_q"), to_persian_digits(code))
    submit(desk, desk.locator("form.inbox-filters__form button[type=submit]"))
    rows = desk.locator("table.inbox-table tbody tr")
    assert rows.count() == 1, f"searching the code found {rows.count()} rows: {rows.all_inner_texts()}"
    row_text = rows.first.inner_text()
    assert RESIDENT_NAME in row_text, f"the found row is not the resident's: {row_text!r}"
    assert to_persian_digits(MOBILE) not in row_text, "the listing shows the whole mobile instead of a masked one"
    desk.screenshot(path=str(screenshot_dir / "flow-inbox-search-desktop.png"), full_page=True)

    submit(desk, rows.first.get_by_role("link", name=display))
    assert desk.url.rstrip("/").endswith(f"/admin/inbox/{submission.pk}"), f"the row opened {desk.url}"
    detail = desk.locator(".inbox-detail")
    assert display in detail.inner_text() and DESCRIPTION in detail.inner_text()
    type_into(desk.locator("#id_public_reply"), REPLY)
    desk.locator("#id_status").select_option(label=IN_REVIEW_LABEL)
    submit(desk, desk.locator("#inbox-edit button[type=submit]"))
    assert desk.locator(".help-critical, .error-message").count() == 0, (
        "saving the case showed errors: " + " ".join(desk.locator(".help-critical, .error-message").all_inner_texts())
    )
    submission.refresh_from_db()
    assert submission.status.slug == IN_REVIEW_SLUG, f"status after saving: {submission.status.slug}"
    assert submission.public_reply == REPLY, f"reply after saving: {submission.public_reply!r}"
    desk.screenshot(path=str(screenshot_dir / "flow-inbox-saved-desktop.png"), full_page=True)
    staff_problems = page_problems(desk_recorder)
    assert not staff_problems, "staff inbox:\n" + "\n".join(staff_problems)

    # 4. The resident looks the case up with the code and the mobile's last four digits, typed in Persian.
    phone.goto(live_server.url + "/track/", wait_until="load")
    type_into(phone.locator("#id_code"), to_persian_digits(code))
    type_into(phone.locator("#id_last_digits"), to_persian_digits(MOBILE[-4:]))
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, f"the lookup was answered with {response.status}"
    result = phone.locator(".tracking-result")
    assert result.count() == 1, "no lookup result: " + phone.locator("main, body").first.inner_text()[:300]
    status_label = result.locator(".status-label")
    assert status_label.inner_text().strip() == IN_REVIEW_LABEL, f"status shown: {status_label.inner_text()!r}"
    assert status_label.get_attribute("data-status") == IN_REVIEW_SLUG
    assert REPLY in result.locator(".reply").inner_text(), "the public reply is not shown"
    assert display in result.inner_text(), "the tracking code is not shown on the result"
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the tracking result")
    phone.screenshot(path=str(screenshot_dir / "flow-track-phone.png"), full_page=True)
    problems += page_problems(phone_recorder, expected_error_urls={url})
    assert not problems, "resident's lookup:\n" + "\n".join(problems)

    # 5. Another neighbourhood's staff member sees nothing of the case.
    other, other_recorder = open_page("desktop")
    log_in(other, live_server, f"staff-{OTHER_NEIGHBORHOOD}")
    masked = f"{MOBILE[:4]}***{MOBILE[-4:]}"
    secrets = {
        "tracking code": [code, display, to_persian_digits(code), f"{code[:4]}-{code[4:]}"],
        "name": [RESIDENT_NAME],
        "mobile": [MOBILE, to_persian_digits(MOBILE), masked, to_persian_digits(masked)],
    }

    def leaks(where, text):
        return [
            f"{where} shows the {what} ({value})" for what, values in secrets.items() for value in values if value in text
        ]

    response = other.goto(live_server.url + "/admin/inbox/", wait_until="load")
    assert response.status == 200 and other.locator("table.inbox-table").count() == 1, (
        f"{OTHER_NEIGHBORHOOD}'s inbox did not open (status {response.status}, {other.url})"
    )
    isolation = leaks("the other office's inbox", other.content())
    other.goto(live_server.url + f"/admin/inbox/?q={code}", wait_until="load")
    if other.locator("table.inbox-table tbody tr").count():
        isolation.append("searching the code in the other office's inbox lists rows")
    # The search box keeps the typed code as its value; only what the page shows counts.
    isolation += leaks("the other office's search for the code", other.locator("body").inner_text())
    other.screenshot(path=str(screenshot_dir / "flow-other-inbox-desktop.png"), full_page=True)

    response = other.goto(live_server.url + f"/admin/inbox/{submission.pk}/", wait_until="load")
    if response.status != 404 and NOT_FOUND not in other.locator("body").inner_text():
        isolation.append(f"opening /admin/inbox/{submission.pk}/ did not say the case is not found ({other.url})")
    isolation += leaks(f"/admin/inbox/{submission.pk}/ (ended at {relative(other.url)})", other.content())
    if other.locator("#inbox-edit").count():
        isolation.append("the other office got the case's edit form")
    other.screenshot(path=str(screenshot_dir / "flow-other-denied-desktop.png"), full_page=True)
    detail_url = live_server.url + f"/admin/inbox/{submission.pk}/"
    isolation += page_problems(other_recorder, expected_error_urls={detail_url} if response.status == 404 else ())
    submission.refresh_from_db()
    assert submission.status.slug == IN_REVIEW_SLUG
    assert not isolation, f"staff-{OTHER_NEIGHBORHOOD}:\n" + "\n".join(isolation)
