"""A confidential case on a desktop: the province's coordinator opens the sign-ups of the women's addiction
treatment programme and the inbox and sees every case masked; the neighbourhood's caseworker, logging in on the
same screen, reads them. Both screens are checked with axe-core.

Run alone with: .venv/bin/python -m pytest tests/browser/test_confidential_flow.py -q
"""

import pytest

from .test_participation_flow import axe_problems, log_in, page_problems
from .test_public_pages import demo_snapshot, demo_urls  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.usefixtures("demo_urls")
def test_a_coordinator_sees_the_confidential_case_masked_and_the_caseworker_reads_it(live_server, open_page, screenshot_dir):
    from programmes.models import ProgramPage

    program = ProgramPage.objects.get(slug="women-recovery", locale__language_code="fa", neighborhood__slug="bagh-khalaj")
    registrations = list(program.registrations.select_related("submission"))
    assert program.confidential and registrations
    names = [registration.submission.name for registration in registrations]
    mobiles = [registration.submission.masked_mobile for registration in registrations]
    problems = []

    desk, recorder = open_page("desktop")
    log_in(desk, live_server, "coordinator-markazi")
    desk.goto(f"{live_server.url}/admin/programmes/{program.pk}/", wait_until="load")
    html = desk.content()
    assert not [secret for secret in names + mobiles if secret in html]
    assert desk.locator("td", has_text="محرمانه").count() >= len(registrations)
    case = registrations[0].submission
    desk.locator(f'a[href$="/admin/inbox/{case.pk}/"]').first.click()
    desk.wait_for_load_state("load")
    assert "این پرونده محرمانه است" in desk.content() and case.name not in desk.content()
    problems += axe_problems(desk, "a confidential case, masked")
    desk.screenshot(path=str(screenshot_dir / "confidential-masked-desktop.png"), full_page=True)
    problems += page_problems(recorder)

    reader, recorder = open_page("desktop")
    log_in(reader, live_server, "caseworker-bagh-khalaj")
    reader.goto(f"{live_server.url}/admin/inbox/{case.pk}/", wait_until="load")
    assert case.name in reader.content() and "این پرونده محرمانه است" not in reader.content()
    problems += axe_problems(reader, "a confidential case, read by its caseworker")
    # Nothing in flight when the test ends: the live server must not be writing a session while the
    # database is flushed for the next test.
    desk.wait_for_load_state("networkidle")
    reader.wait_for_load_state("networkidle")
    problems += page_problems(recorder)
    assert not problems, "\n\n".join(problems)


@pytest.mark.usefixtures("demo_urls")
def test_a_caseworker_logs_in_with_a_second_factor_on_a_desktop(live_server, open_page, settings, screenshot_dir):
    from django.contrib.auth import get_user_model
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from portal.digits import to_persian_digits

    settings.WAGTAIL_2FA_REQUIRED = True
    user = get_user_model().objects.get(username="caseworker-bagh-khalaj")
    device = TOTPDevice.objects.create(user=user, name="گوشی مددکار", confirmed=True)
    problems = []
    desk, recorder = open_page("desktop")
    log_in(desk, live_server, "caseworker-bagh-khalaj")
    desk.goto(f"{live_server.url}/admin/inbox/", wait_until="load")
    assert "/admin/2fa/auth" in desk.url
    assert desk.locator("h1").inner_text().strip() == "کد ورود دومرحله‌ای را بنویسید"
    problems += axe_problems(desk, "the second factor's prompt")
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    desk.locator("#id_otp_token").fill(to_persian_digits(code))
    desk.screenshot(path=str(screenshot_dir / "two-factor-prompt-desktop.png"), full_page=True)
    desk.locator("form button[type=submit]").first.click()
    desk.wait_for_load_state("load")
    assert desk.url.endswith("/admin/inbox/"), desk.url
    assert desk.locator("h1").inner_text().strip().startswith("صندوق پرونده‌ها")
    desk.wait_for_load_state("networkidle")  # nothing in flight when the database is flushed
    problems += page_problems(recorder)
    assert not problems, "\n\n".join(problems)
