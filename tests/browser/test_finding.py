"""A resident on a phone finds their neighbourhood: by the name people use, typed one letter off, from the
suggestions under the box; and by province and city in at most three taps from the front page. The front page
sends the provinces, not every office.

Run alone with: .venv/bin/python -m pytest -m browser tests/browser/test_finding.py -q
"""

import pytest

from .test_participation_flow import axe_problems, page_problems
from .test_public_pages import (  # demo_snapshot and demo_urls are fixtures
    check_phone_layout,
    demo_snapshot,  # noqa: F401
    demo_urls,  # noqa: F401
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_common_name_one_letter_off_is_found_from_the_suggestions(live_server, demo_urls, open_page, screenshot_dir):
    phone, recorder = open_page("phone")
    phone.goto(demo_urls["home"], wait_until="load")
    box = phone.locator("#finder-q")
    # «باغ خلح»: the name people use, with the last letter one key off.
    box.press_sequentially("باغ خلح", delay=40)
    first = phone.locator(".finder-box [role=option]").first
    first.wait_for(timeout=10_000)
    assert "کوی امام سجاد" in first.inner_text() and "اراک" in first.inner_text()
    phone.screenshot(path=str(screenshot_dir / "finding-suggestions-phone.png"))
    problems = axe_problems(phone, "the finder's suggestions") + check_phone_layout(phone)
    first.click()
    phone.wait_for_url("**/neighborhoods/markazi/bagh-khalaj/")
    assert "باغ خلج" in phone.locator(".page-header").inner_text()
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)


def test_the_finder_answers_without_javascript(live_server, demo_urls, chromium_browser):
    context = chromium_browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(demo_urls["home"], wait_until="load")
        # The box is on the first screen of a phone, before the portal's introduction.
        assert page.locator("#finder-q").bounding_box()["y"] < 740
        page.locator("#finder-q").fill("امام سجاد")
        with page.expect_navigation():
            page.locator("#finder-q").press("Enter")
        assert page.locator(".finder-results a").first.inner_text() == "کوی امام سجاد (باغ خلج)"
    finally:
        context.close()


def test_province_then_city_then_neighbourhood_in_three_taps(live_server, demo_urls, open_page, screenshot_dir):
    phone, recorder = open_page("phone")
    response = phone.goto(demo_urls["home"], wait_until="load")
    # The provinces, not every office: no link to a neighbourhood's page on the front page's list.
    assert phone.locator(".home-neighborhoods .place-counts a").count() >= 5
    assert 'href="/neighborhoods/qom/esmaeilabad/"' not in response.text()
    taps = 0
    phone.locator(".home-neighborhoods .place-counts a", has_text="قم").click()
    taps += 1
    phone.wait_for_load_state("load")
    # A province of several cities lists them; the demo's Qom has one, so its neighbourhoods come at once.
    if phone.locator("main .place-counts").count():
        phone.locator(".place-counts a", has_text="قم").click()
        taps += 1
        phone.wait_for_load_state("load")
    assert phone.get_by_role("heading", name="محله‌های قم").count() == 1
    phone.screenshot(path=str(screenshot_dir / "finding-city-phone.png"), full_page=True)
    problems = check_phone_layout(phone) + axe_problems(phone, "a city's neighbourhoods")
    phone.locator(".neighborhood-list a", has_text="اسماعیل‌آباد").click()
    taps += 1
    phone.wait_for_url("**/neighborhoods/qom/esmaeilabad/")
    assert taps <= 3
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)
