"""The maps on a phone: a resident taps the report form's map and the location box fills (and a point typed
in Persian digits moves the pin), then sends the form and the office gets that point; the public safety map
draws its cells as rectangles with their counts beside the table. No tile server is set (as in the demo):
the maps draw on a plain ground and nothing is fetched from outside.

Run alone with: .venv/bin/python -m pytest tests/browser/test_maps.py -q
Screenshots land in test-artifacts/screenshots/maps-*.png.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from portal.digits import to_latin_digits

from .test_participation_flow import PASSWORD, axe_problems, form_url, log_in, page_problems, submit  # noqa: F401
from .test_public_pages import (  # demo_snapshot and demo_urls are fixtures
    check_phone_layout,
    demo_snapshot,  # noqa: F401
    demo_urls,  # noqa: F401
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

POINT = re.compile(r"^(-?\d+\.\d{6}), (-?\d+\.\d{6})$")


# The pin's point (the bottom of its head) at the middle of the map: where the map pans to a typed point.
PIN_CENTRED = """() => {
    const map = document.querySelector('.location-map').getBoundingClientRect();
    const pin = document.querySelector('.location-map .location-pin').getBoundingClientRect();
    const x = pin.x + pin.width / 2, y = pin.y + 27;
    return Math.abs(x - (map.x + map.width / 2)) < 2 && Math.abs(y - (map.y + map.height / 2)) < 2;
}"""


@pytest.mark.usefixtures("demo_urls")
def test_tapping_the_form_map_fills_the_location(live_server, open_page, screenshot_dir, settings):
    from forms.models import Submission
    from neighborhoods.models import NeighborhoodPage

    assert settings.MAP_TILE_URL == ""
    office = NeighborhoodPage.objects.get(slug="bagh-khalaj", locale__language_code="fa")
    assert office.has_location
    phone, recorder = open_page("phone")
    url = form_url(live_server)
    phone.goto(url, wait_until="load")
    box = phone.locator("#id_location")
    # The box keeps its label; the map comes after it, opened on the office.
    assert phone.get_by_label("موقعیت روی نقشه").count() == 1
    canvas = phone.locator(".location-map[data-map-ready]")
    canvas.scroll_into_view_if_needed()
    assert box.input_value() == "" and phone.locator(".location-map .location-pin").count() == 0

    area = canvas.bounding_box()
    phone.touchscreen.tap(area["x"] + area["width"] * 0.3, area["y"] + area["height"] * 0.7)
    expect(box).to_have_value(POINT)
    latitude, longitude = (Decimal(part) for part in POINT.match(box.input_value()).groups())
    # South-west of the office on the screen: below it and, east being right, to its left.
    assert office.latitude - Decimal("0.01") < latitude < office.latitude
    assert office.longitude - Decimal("0.01") < longitude < office.longitude
    assert phone.locator(".location-map .location-pin").count() == 1
    phone.screenshot(path=str(screenshot_dir / "maps-form-tapped-phone.png"), full_page=True)

    # Typing a point in Persian digits moves the pin (and the map with it); the box keeps what was typed.
    box.fill("")
    box.press_sequentially("۳۴٫۱۰۵۵، ۴۹٫۷۰۳۰")
    phone.wait_for_function(PIN_CENTRED)
    assert box.input_value() == "۳۴٫۱۰۵۵، ۴۹٫۷۰۳۰"
    # A second tap writes the point under the finger again: that is what the office gets.
    canvas.scroll_into_view_if_needed()
    area = canvas.bounding_box()
    phone.touchscreen.tap(area["x"] + area["width"] * 0.7, area["y"] + area["height"] * 0.3)
    expect(box).to_have_value(POINT)
    latitude, longitude = (Decimal(part) for part in POINT.match(box.input_value()).groups())
    assert abs(latitude - Decimal("34.1055")) < Decimal("0.01") and abs(longitude - Decimal("49.7030")) < Decimal("0.01")

    problems = check_phone_layout(phone) + axe_problems(phone, "the report form with its map")

    phone.locator("#id_name").fill("مریم رضایی")
    phone.locator("#id_mobile").fill("۰۹۱۲۳۴۵۶۷۸۹")
    phone.locator("#id_topic").select_option(index=1)
    phone.locator("#id_description").fill("کوچه پشت مدرسه شب‌ها تاریک است و کسی از آن نمی‌گذرد.")
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, to_latin_digits(phone.locator("main").inner_text())[:500]
    sent = Submission.objects.latest("pk")
    assert (sent.latitude, sent.longitude) == (latitude, longitude)
    problems += page_problems(recorder)
    assert not problems, "\n\n".join(problems)


@pytest.mark.usefixtures("demo_urls")
def test_the_public_safety_map_draws_its_cells_beside_the_table(live_server, open_page, screenshot_dir):
    phone, recorder = open_page("phone")
    phone.goto(live_server.url + "/safety-map/", wait_until="load")
    maps = phone.locator("[data-safety-cells]")
    assert maps.count() >= 1
    for number in range(maps.count()):
        section = phone.locator("section.safety-map__neighborhood").filter(has=maps.nth(number))
        canvas = section.locator("[data-safety-cells][data-cells]")
        canvas.wait_for()
        table_counts = section.locator("table.report-table td.report-number").all_inner_texts()
        # One rectangle per row of the table, each with the row's count written on it.
        assert section.locator("path.safety-cell").count() == len(table_counts) == int(canvas.get_attribute("data-cells"))
        assert sorted(section.locator(".safety-cell-count").all_inner_texts()) == sorted(table_counts)
        # The rows are named by the cell's centre, with directions to it.
        for label in section.locator('table.report-table th[scope="row"]').all_inner_texts():
            assert label.strip().startswith("عرض ") and "، طول " in label and label.strip().endswith("مسیریابی")
        assert section.locator('table.report-table th[scope="row"] a.directions-link').count() == len(table_counts)
    assert phone.locator(".leaflet-tile").count() == 0
    problems = check_phone_layout(phone) + axe_problems(phone, "the public safety map") + page_problems(recorder)
    phone.screenshot(path=str(screenshot_dir / "maps-safety-phone.png"), full_page=True)
    assert not problems, "\n\n".join(problems)


@pytest.mark.usefixtures("demo_urls")
def test_the_staff_safety_map_places_the_reports_of_its_neighbourhood(live_server, open_page, screenshot_dir):
    desk, recorder = open_page("desktop")
    log_in(desk, live_server, "staff-bagh-khalaj")
    desk.goto(live_server.url + "/admin/reports/safety/", wait_until="load")
    canvas = desk.locator("[data-safety-points][data-points]")
    canvas.wait_for()
    placed = desk.locator("table.report-table tbody td[dir=ltr]").filter(has_not_text="—").count()
    assert placed >= 3 and int(canvas.get_attribute("data-points")) == placed
    assert canvas.locator("path.leaflet-interactive").count() == placed
    # A point opens a popup with a link to its case.
    canvas.locator("path.leaflet-interactive").first.click()
    assert desk.locator(".leaflet-popup a[href^='/admin/inbox/']").count() == 1
    problems = page_problems(recorder)
    desk.screenshot(path=str(screenshot_dir / "maps-staff-safety-desktop.png"), full_page=True)
    assert not problems, "\n\n".join(problems)
