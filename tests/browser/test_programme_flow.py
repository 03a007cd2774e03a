"""A resident finds a programme in the calendar on a phone, signs up, keeps the tracking code, and cancels.

From the home page's menu to the programme calendar, filtered to Roudaki and to programmes open for
sign-up; the evening sewing course's page; a wrong mobile first (a Persian error and nothing stored), then the right one;
the tracking code on the thank-you page; and the cancel page with the code and the mobile. Each page is checked
with axe-core and for a phone layout that does not overflow.

Run alone with: .venv/bin/python -m pytest tests/browser/test_programme_flow.py -q
Screenshots land in test-artifacts/screenshots/programme-*.png.
"""

import pytest

from portal.digits import to_persian_digits

from .test_participation_flow import axe_problems, page_problems, submit, type_into
from .test_public_pages import (  # demo_snapshot and demo_urls are fixtures
    check_phone_layout,
    demo_snapshot,  # noqa: F401
    demo_urls,  # noqa: F401
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEIGHBORHOOD_TITLE = "رودکی"
PROGRAMME_TITLE = "دوره عصرگاهی خیاطی برای بانوان شاغل"
RESIDENT = "سکینه مرادی"
MOBILE = "۰۹۱۳۵۵۵۱۲۳۴"
MOBILE_LATIN = "09135551234"


@pytest.mark.usefixtures("demo_urls")
def test_find_sign_up_and_cancel_on_a_phone(live_server, open_page, screenshot_dir):
    from programmes.choices import Seat
    from programmes.models import ProgramPage, Registration

    problems = []
    phone, recorder = open_page("phone")
    phone.goto(live_server.url + "/", wait_until="load")

    # The calendar, from the menu (on a phone the navigation opens from the header's menu button).
    phone.get_by_role("button", name="منو").click()
    submit(phone, phone.locator("nav a", has_text="برنامه‌ها").first)
    assert phone.locator("h1").inner_text().strip() == "برنامه‌ها"
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the programme calendar")
    # On a phone the month is a list of days, not a seven-column table.
    assert not phone.locator("table.month__grid").is_visible()

    phone.locator("#id_neighborhood").select_option(label=f"{NEIGHBORHOOD_TITLE} (اراک)")
    phone.locator("#id_open").check()
    submit(phone, phone.locator("form.filters button[type=submit]"))
    assert "open=on" in phone.url
    cards = phone.locator("#list-title ~ .cards .card__title")
    titles = [title.strip() for title in cards.all_inner_texts()]
    assert PROGRAMME_TITLE in titles, titles
    # Only Roudaki's own programmes: no other neighbourhood's has the same title.
    assert set(titles) <= set(ProgramPage.objects.filter(neighborhood__slug="roudaki").values_list("title", flat=True))
    phone.screenshot(path=str(screenshot_dir / "programme-calendar-phone.png"), full_page=True)

    # The programme's page and its form.
    submit(phone, phone.locator(".card__title a", has_text=PROGRAMME_TITLE))
    assert phone.locator("h1").inner_text().strip() == PROGRAMME_TITLE
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the programme page")
    programme_url = phone.url

    type_into(phone.locator("#id_name"), RESIDENT)
    type_into(phone.locator("#id_mobile"), "۰۹۱۳۵")
    phone.locator("#id_consent").check()
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 400
    assert "شماره همراه باید ۱۱ رقم باشد" in phone.locator(".field__error").first.inner_text()
    assert not Registration.objects.filter(mobile=MOBILE_LATIN).exists()
    problems += axe_problems(phone, "the sign-up form with an error")

    phone.locator("#id_mobile").fill("")
    type_into(phone.locator("#id_mobile"), MOBILE)
    if not phone.locator("#id_consent").is_checked():
        phone.locator("#id_consent").check()
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200
    assert phone.locator("h1").inner_text().strip() in ("ثبت‌نام شما قطعی شد", "در فهرست انتظار هستید")
    code = phone.locator(".tracking-code").get_attribute("data-tracking-code")
    registration = Registration.objects.select_related("submission").get(mobile=MOBILE_LATIN)
    assert registration.submission.tracking_code == code and registration.is_active
    phone.screenshot(path=str(screenshot_dir / "programme-signed-up-phone.png"), full_page=True)
    problems += axe_problems(phone, "the sign-up confirmation")

    # Cancelling, from the link on the confirmation: the code is filled in already.
    submit(phone, phone.locator(".tracking-box a", has_text="لغو کنید"))
    assert phone.locator("#id_code").input_value() == to_persian_digits(code)  # in the page's digits
    type_into(phone.locator("#id_mobile"), MOBILE)
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200
    assert "لغو شد" in phone.locator(".tracking-box").inner_text()
    assert Registration.objects.get(pk=registration.pk).state == Seat.CANCELLED
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the cancel page")

    # The form sent back with its error is a 400 document, which Chromium logs as a console error.
    problems += page_problems(recorder, expected_error_urls=[programme_url, programme_url + "#signup"])
    assert not problems, "\n\n".join(problems)
