"""A facilitator takes attendance on a laptop (1366×768): a programme of ten sessions, the attendance table
either fits or scrolls inside its own box, the page itself never scrolls sideways, and every row's «لغو»
button can be reached and pressed. A session whose day has not come has no checkbox to tick.

Run alone with: .venv/bin/python -m pytest -p no:cacheprovider -m browser tests/browser/test_programme_admin_layout.py -q
Screenshots land in test-artifacts/screenshots/programme-admin-*.png.
"""

import datetime

import pytest

from .conftest import PageRecorder, is_local_url
from .test_participation_flow import PASSWORD, log_in, page_problems, submit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAPTOP = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1, "is_mobile": False, "has_touch": False}
PEOPLE = ["آلیس باغی", "بهار باغی", "پروانه نیک‌اندیش", "ژاله کرمانشاهی"]

# The box the table lives in: the nearest ancestor that clips or scrolls it, or the page's main column.
LAYOUT_JS = """() => {
    const table = document.querySelector('#attendance-table');
    let box = table.parentElement;
    while (box && box.tagName !== 'MAIN' && !['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX)) {
        box = box.parentElement;
    }
    const rect = box.getBoundingClientRect();
    return {
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        boxScrolls: ['auto', 'scroll'].includes(getComputedStyle(box).overflowX),
        boxOverflow: box.scrollWidth - box.clientWidth,
        boxLeft: rect.left, boxRight: rect.right,
        viewport: document.documentElement.clientWidth,
    };
}"""


@pytest.fixture
def programme(tree):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from neighborhoods.permissions import staff_group_name
    from programmes.models import ProgramSession
    from programmes.seats import Signup, register
    from tests.conftest import add_program

    program = add_program(tree.bagh, title="دوره مهارت‌آموزی خیاطی برای زنان", sessions=10, capacity=10)
    for number, person in enumerate(PEOPLE):
        register(program, Signup(name=person, mobile=f"0912111000{number}", people=1))
    # Eight sessions behind us, two still to come (Tehran days).
    today = timezone.localdate()
    for number, session in enumerate(program.sorted_sessions()):
        ProgramSession.objects.filter(pk=session.pk).update(date=today + datetime.timedelta(weeks=number - 7))
    staff = get_user_model().objects.create_user("staff-bagh", password=PASSWORD, first_name="سارا", last_name="باغی")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    return program


def test_attendance_table_fits_a_laptop_and_every_cancel_button_is_pressable(
    live_server, chromium_browser, programme, screenshot_dir
):
    from programmes.choices import Seat
    from programmes.models import Registration

    context = chromium_browser.new_context(locale="fa-IR", timezone_id="Asia/Tehran", **LAPTOP)
    # Hermetic, as open_page is: nothing leaves the live server.
    context.route(lambda url: not is_local_url(url), lambda route: route.abort("blockedbyclient"))
    try:
        page = context.new_page()
        recorder = PageRecorder()
        recorder.attach(page)
        log_in(page, live_server, "staff-bagh")
        page.goto(f"{live_server.url}/admin/programmes/{programme.pk}/", wait_until="load")
        page.screenshot(path=str(screenshot_dir / "programme-admin-attendance-1366.png"), full_page=True)

        layout = page.evaluate(LAYOUT_JS)
        assert layout["pageOverflow"] <= 0, layout
        assert layout["boxOverflow"] <= 0 or layout["boxScrolls"], layout
        assert 0 <= layout["boxLeft"] and layout["boxRight"] <= layout["viewport"], layout

        rows = page.locator("#attendance-table tbody tr")
        assert rows.count() == len(PEOPLE)
        # The two sessions to come have no box to tick; the eight held ones do.
        first_row = rows.first
        assert first_row.locator("input[type=checkbox]:not([disabled])").count() == 8
        assert first_row.locator("input[type=checkbox][disabled]").count() == 2

        for row in rows.all():
            button = row.get_by_role("button", name="لغو")
            button.scroll_into_view_if_needed()
            box = button.bounding_box()
            assert box and 0 <= box["x"] and box["x"] + box["width"] <= layout["viewport"], box
            # Nothing covers it: the point Playwright would click is the button itself.
            hit = page.evaluate(
                "([x, y]) => document.elementFromPoint(x, y).closest('button')?.textContent.trim() || ''",
                [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
            )
            assert hit == "لغو", hit

        submit(page, rows.last.get_by_role("button", name="لغو"))
        assert "ثبت‌نام لغو شد" in page.locator(".messages").inner_text()
        cancelled = Registration.objects.get(program=programme, state=Seat.CANCELLED)
        assert cancelled.submission.name == PEOPLE[-1]
        problems = page_problems(recorder)
        assert not problems, "\n".join(problems)
    finally:
        context.close()
