"""The public safety map on a phone, and a facilitator who makes the month's report and opens its printable page.

The demo's Bagh-e Khalaj has four defenceless-space reports in one 500 m cell, three of them confirmed: the public map shows that cell's
count and never a report's point. The facilitator of Bagh-e Khalaj makes last month's report from the admin menu
and gets the printable page (Vazirmatn, RTL, Jalali), then downloads its PDF. Both pages are checked with axe-core; the map also for a
phone layout that does not overflow.

Run alone with: .venv/bin/python -m pytest tests/browser/test_reports_pages.py -q
Screenshots land in test-artifacts/screenshots/reports-*.png.
"""

import io

import pytest
from pypdf import PdfReader

from .test_participation_flow import PASSWORD, axe_problems, log_in, page_problems, submit  # noqa: F401
from .test_public_pages import (  # demo_snapshot and demo_urls are fixtures
    check_phone_layout,
    demo_snapshot,  # noqa: F401
    demo_urls,  # noqa: F401
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STAFF = "staff-bagh-khalaj"


@pytest.mark.usefixtures("demo_urls")
def test_public_safety_map_on_a_phone(live_server, open_page, screenshot_dir):
    from forms.models import Submission
    from reports.safety import defenceless_reports
    from neighborhoods.models import NeighborhoodPage

    problems = []
    phone, recorder = open_page("phone")
    phone.goto(live_server.url + "/safety-map/", wait_until="load")
    assert phone.locator("h1").inner_text().strip().startswith("نقشه ایمنی محله‌ها")
    html = phone.content()
    exact = [
        str(value)
        for report in defenceless_reports(NeighborhoodPage.objects.all())
        for value in (report.latitude, report.longitude)
        if value is not None
    ]
    assert exact and not [value for value in exact if value in html or value.rstrip("0") in html]
    assert phone.locator("table.report-table td", has_text="۳").count() >= 1  # the confirmed reports of the cell of four
    assert phone.locator('script#safety-map-data[type="application/json"]').count() == 1
    assert Submission.objects.exists()
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the public safety map")
    problems += page_problems(recorder)
    phone.screenshot(path=str(screenshot_dir / "reports-safety-map-phone.png"), full_page=True)
    assert not problems, "\n\n".join(problems)


@pytest.mark.usefixtures("demo_urls")
def test_facilitator_makes_and_prints_the_monthly_report(live_server, open_page, screenshot_dir):
    from reports.models import MonthlyReport

    problems = []
    desk, recorder = open_page("desktop")
    log_in(desk, live_server, STAFF)
    desk.goto(live_server.url + "/admin/reports/", wait_until="load")
    assert "داشبورد محله" in desk.locator("h1").inner_text()
    assert desk.locator("table.report-bars").count() >= 2
    problems += page_problems(recorder)

    # The demo has each neighbourhood's report of the last month already; the office makes another.
    made_before = list(MonthlyReport.objects.values_list("pk", flat=True))
    desk.goto(live_server.url + "/admin/reports/monthly/", wait_until="load")
    desk.locator("#id_highlights").fill("پاک‌سازی زمین رهاشده خیابان یاس با همراهی اهالی و شهرداری.")
    submit(desk, desk.locator("form:has(#id_highlights) button[type=submit]"))
    report = MonthlyReport.objects.exclude(pk__in=made_before).get()
    assert desk.url.rstrip("/").endswith(f"/admin/reports/monthly/{report.pk}")
    assert desk.locator("h1").inner_text().startswith("گزارش ماهانه")
    assert "پاک‌سازی زمین رهاشده خیابان یاس" in desk.content()
    font = desk.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert "Vazirmatn" in font
    assert desk.evaluate("() => document.documentElement.dir") == "rtl"
    problems += axe_problems(desk, "the printable monthly report")
    problems += page_problems(recorder)

    # The PDF made on the server, from the link on the printable page.
    with desk.expect_download() as download_info:
        desk.locator("a.report-print__pdf").click()
    download = download_info.value
    assert download.suggested_filename.endswith(f"-{report.pk}.pdf")
    content = open(download.path(), "rb").read()
    assert content.startswith(b"%PDF-")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "پاکسازی زمین رهاشده خیابان یاس" in text  # the extracted text has no ZWNJ
    assert "باغ خلج" in text

    desk.emulate_media(media="print")
    desk.screenshot(path=str(screenshot_dir / "reports-monthly-print.png"), full_page=True)
    assert not problems, "\n\n".join(problems)
