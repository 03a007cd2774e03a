"""A resident on a phone asks to see what the office holds on their request: the tracking code and the mobile,
the one-time code read from the SMS backend's outbox, the data, and a deletion request that lands in the
office's inbox. Every step is checked with axe-core and for a phone layout that does not overflow.

Run alone with: .venv/bin/python -m pytest tests/browser/test_own_data_flow.py -q
"""

import re

import pytest

from portal.digits import to_latin_digits, to_persian_digits

from .test_participation_flow import axe_problems, page_problems, submit, type_into
from .test_public_pages import check_phone_layout, demo_snapshot, demo_urls  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.usefixtures("demo_urls")
def test_a_resident_reads_their_data_with_a_one_time_code_and_asks_for_a_deletion(live_server, open_page, screenshot_dir):
    from forms import sms
    from forms.models import Submission

    case = Submission.objects.filter(kind="form", anonymised=False).exclude(mobile="").exclude(name="").first()
    assert case is not None
    sms.outbox.clear()
    problems = []
    phone, recorder = open_page("phone")
    phone.goto(live_server.url + "/track/data/", wait_until="load")
    assert phone.locator("h1").inner_text().strip() == "داده‌های من"
    type_into(phone.locator("#id_code"), to_persian_digits(case.tracking_display))
    type_into(phone.locator("#id_mobile"), to_persian_digits(case.mobile))
    problems += axe_problems(phone, "asking for a one-time code")
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, response.status
    text = to_latin_digits(sms.outbox[-1]["text"])
    assert sms.outbox[-1]["to"] == case.mobile
    code = re.search(r"([0-9]{6})$", text).group(1)
    type_into(phone.locator("#id_otp"), to_persian_digits(code))
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, response.status
    assert case.name in phone.content()
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the resident's data")
    phone.screenshot(path=str(screenshot_dir / "own-data-phone.png"), full_page=True)
    phone.get_by_label("پاک کردن داده‌ها").check()
    type_into(phone.locator("#id_text"), "لطفاً نام و شماره‌ام را پاک کنید.")
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, response.status
    request = Submission.objects.get(kind="data_request")
    assert request.tracking_display in phone.content() and request.data["case"] == case.tracking_code
    assert request.neighborhood_id == case.neighborhood_id
    phone.wait_for_load_state("networkidle")
    problems += page_problems(recorder)
    assert not problems, "\n\n".join(problems)
