"""A facilitator picks a news item's date with the admin's Jalali calendar and saves a draft.

The staff member of Bagh-e Khalaj opens one of the neighbourhood's news pages in the Wagtail admin, opens the
picker on the date (a month grid that starts on Saturday, Persian month names, opened on the month in the box),
clicks the 10th, and saves a draft. The draft in the database holds the Gregorian day that jdatetime gives for
that Jalali day. The same page's schedule dialog opens the picker with hours and minutes. No console errors:
Wagtail's own date picker is not loaded on top of ours.

Run alone with: .venv/bin/python -m pytest -n 0 -q -m browser tests/browser/test_admin_jalali.py
Screenshots land in test-artifacts/screenshots/admin-jalali-*.png.
"""

import datetime
from zoneinfo import ZoneInfo

import jdatetime
import pytest

from portal.digits import to_latin_digits

from .test_participation_flow import log_in, page_problems
from .test_public_pages import demo_snapshot, demo_urls  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STAFF = "staff-bagh-khalaj"
MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
PICKER_OPEN_JS = """() => {
    const el = document.querySelector('jdp-container');
    return !!el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
}"""


def draft_of(news):
    return news.get_latest_revision().as_object()


@pytest.mark.usefixtures("demo_urls")
def test_pick_a_jalali_day_in_the_admin_and_save_a_draft(live_server, open_page, screenshot_dir):
    from news.models import NewsPage

    news = NewsPage.objects.filter(neighborhood__slug="bagh-khalaj").order_by("-date").first()
    assert news is not None, "the demo has no news in Bagh-e Khalaj"
    revisions_before = news.revisions.count()

    desk, recorder = open_page("desktop")
    log_in(desk, live_server, STAFF)
    desk.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/", wait_until="load")
    date_input = desk.locator("#id_date")
    shown = date_input.input_value()
    year, month, day = (int(part) for part in to_latin_digits(shown).split("/"))
    assert jdatetime.date(year, month, day).togregorian() == news.date, f"the box shows {shown!r} for {news.date}"

    date_input.click()
    desk.wait_for_function(PICKER_OPEN_JS)
    picker = desk.locator("jdp-container")
    # A real month grid: Saturday first, the Persian month name of the date in the box, days as Persian digits.
    assert picker.locator(".jdp-day-name").first.inner_text().strip() == "ش"
    assert picker.locator(".jdp-month select option:checked").inner_text().strip() == MONTHS[month - 1]
    desk.screenshot(path=str(screenshot_dir / "admin-jalali-picker.png"))
    picker.locator(".jdp-day:not(.not-in-month)", has_text="۱۰").first.click()
    assert to_latin_digits(date_input.input_value()) == f"{year:04d}/{month:02d}/10"

    expected = jdatetime.date(year, month, 10).togregorian()
    # The footer's main button (Wagtail's «Save draft»); the schedule dialog has an action-save button of its own.
    desk.locator("footer button.action-save[data-w-kbd-key-value]").first.click()
    # Saving may reload the page or answer in the background; either way the draft lands in the database.
    for _ in range(50):
        if news.revisions.count() > revisions_before:
            break
        desk.wait_for_timeout(200)
    desk.wait_for_load_state("load")
    news.refresh_from_db()
    assert news.revisions.count() > revisions_before, "no draft was saved"
    assert draft_of(news).date == expected

    # The schedule dialog: the go-live box opens the picker with hours and minutes; pick next month's 10th.
    desk.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/", wait_until="load")
    desk.locator('[data-side-panel-toggle="status"]').click()
    desk.locator('button[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    go_live = desk.locator("#id_go_live_at")
    go_live.wait_for(state="visible")
    go_live.click()
    desk.wait_for_function(PICKER_OPEN_JS)
    assert picker.locator(".jdp-time-container select").count() >= 2, "the go-live picker offers no hour and minute"
    picker.locator(".jdp-months .jdp-icon-plus").click()
    picker.locator(".jdp-day:not(.not-in-month)", has_text="۱۰").first.click()
    desk.screenshot(path=str(screenshot_dir / "admin-jalali-schedule.png"))
    picked = to_latin_digits(go_live.input_value())
    date_part, time_part = picked.split(" ")
    y, m, d = (int(part) for part in date_part.split("/"))
    hour, minute = (int(part) for part in time_part.split(":")[:2])
    assert d == 10
    # Close the picker by clicking the dialog's title (Escape would close Wagtail's dialog and reset the box).
    desk.locator("#schedule-publishing-dialog").get_by_text("تعیین زمان‌بندی انتشار").first.click()
    desk.wait_for_function("() => !(" + PICKER_OPEN_JS + ")()")
    assert to_latin_digits(go_live.input_value()) == picked
    revisions_before = news.revisions.count()
    desk.locator("#schedule-publishing-dialog button.action-save").click()
    for _ in range(50):
        if news.revisions.count() > revisions_before:
            break
        desk.wait_for_timeout(200)
    desk.wait_for_load_state("load")
    news.refresh_from_db()
    # The status panel now tells the schedule in Jalali.
    desk.screenshot(path=str(screenshot_dir / "admin-jalali-scheduled.png"))
    tehran = ZoneInfo("Asia/Tehran")
    expected_go_live = datetime.datetime.combine(
        jdatetime.date(y, m, d).togregorian(), datetime.time(hour, minute), tzinfo=tehran
    )
    assert draft_of(news).go_live_at == expected_go_live
    assert f"{d} {MONTHS[m - 1]} {y}" in to_latin_digits(desk.locator('[data-side-panel="status"]').inner_text())
    problems = page_problems(recorder)
    assert not problems, "\n".join(problems)
