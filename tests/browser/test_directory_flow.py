"""An NGO applies from a phone, the office turns the application into a draft listing from its inbox, the portal's
editor publishes it, and a resident finds it in the directory by a filter. Also: a neighbourhood's assets map shows
its markers with no tile server, and lists the same places as text.

Run alone with: .venv/bin/python -m pytest tests/browser/test_directory_flow.py -q -p no:randomly
Screenshots land in test-artifacts/screenshots/directory-*.png.
"""

import pytest

from .test_participation_flow import axe_problems, log_in, page_problems, submit, type_into
from .test_public_pages import (  # demo_snapshot and demo_urls are fixtures
    check_phone_layout,
    demo_snapshot,  # noqa: F401
    demo_urls,  # noqa: F401
    relative,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEIGHBORHOOD = "bagh-khalaj"
ORG_NAME = "گروه داوطلبان سلامت کوچه یاس"
SERVICE = "اندازه‌گیری رایگان فشار خون"
MOBILE = "۰۹۱۲۳۴۵۶۷۸۹"


def urls(live_server):
    from directory.models import DirectoryIndexPage, NGOApplicationPage
    from neighborhoods.models import NeighborhoodPage

    directory = DirectoryIndexPage.objects.live().get()
    neighborhood = NeighborhoodPage.objects.live().get(slug=NEIGHBORHOOD, locale__language_code="fa")
    return {
        "apply": live_server.url + relative(NGOApplicationPage.objects.live().get().get_url()),
        "directory": live_server.url + relative(directory.get_url()),
        "assets": live_server.url + relative(neighborhood.get_url()) + "assets/",
        "neighborhood": neighborhood,
    }


@pytest.mark.usefixtures("demo_urls")
def test_application_to_listing(live_server, open_page, screenshot_dir):
    from directory.models import OrganizationPage
    from forms.models import Submission

    problems = []
    where = urls(live_server)

    # 1. The NGO, on a phone, fills the application by typing.
    phone, recorder = open_page("phone")
    response = phone.goto(where["apply"], wait_until="load")
    assert response.status == 200
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the application form")
    type_into(phone.locator("#id_org_name"), ORG_NAME)
    phone.locator("#id_kind").select_option("ngo")
    type_into(phone.locator("#id_fields_of_activity"), "سلامت سالمندان")
    phone.locator("#id_primary_neighborhood").select_option(str(where["neighborhood"].pk))
    type_into(phone.locator("#id_address"), "کوی امام سجاد، خیابان یاس")
    type_into(phone.locator("#id_contact_name"), "نرگس حیدری")
    type_into(phone.locator("#id_contact_mobile"), MOBILE)
    type_into(phone.locator("#id_service_1_name"), SERVICE)
    phone.locator("#id_service_1_category").select_option("health")
    phone.locator("#id_service_1_target").select_option("elderly")
    phone.locator("#id_consent").check()
    phone.screenshot(path=str(screenshot_dir / "directory-apply-phone.png"), full_page=True)
    response = submit(phone, phone.get_by_role("button", name="ارسال درخواست"))
    assert response.status == 200, phone.locator("main").inner_text()[:1500]
    code = phone.locator("[data-tracking-code]").get_attribute("data-tracking-code")
    submission = Submission.objects.get(tracking_code=code)
    assert submission.kind == "ngo_application" and submission.neighborhood.slug == NEIGHBORHOOD
    problems += page_problems(recorder)

    # 2. The neighbourhood's staff member makes the draft from the inbox (one button, POST with CSRF).
    staff, staff_recorder = open_page("phone")
    log_in(staff, live_server, f"staff-{NEIGHBORHOOD}")
    staff.goto(live_server.url + f"/admin/inbox/{submission.pk}/", wait_until="load")
    assert ORG_NAME in staff.locator("main").inner_text()
    response = submit(staff, staff.get_by_role("button", name="ساختن پیش‌نویس صفحه سازمان"))
    assert response.status == 200
    draft = OrganizationPage.objects.get(application=submission)
    assert not draft.live and f"/admin/pages/{draft.pk}/edit/" in staff.url
    assert draft.services.get().name == SERVICE
    staff.screenshot(path=str(screenshot_dir / "directory-draft-phone.png"), full_page=True)
    problems += page_problems(staff_recorder)

    # 3. The portal's editor publishes it through the page editor.
    editor, editor_recorder = open_page("desktop")
    log_in(editor, live_server, "admin")
    editor.goto(live_server.url + f"/admin/pages/{draft.pk}/edit/", wait_until="load")
    editor.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()
    submit(editor, editor.locator("button[name='action-publish']"))
    draft.refresh_from_db()
    assert draft.live, editor.locator("body").inner_text()[:1500]

    # 4. A resident finds it in the directory by the service category filter.
    resident, resident_recorder = open_page("phone")
    resident.goto(where["directory"], wait_until="load")
    resident.locator("#id_category").select_option("health")
    resident.locator("#id_neighborhood").select_option(str(where["neighborhood"].pk))
    submit(resident, resident.get_by_role("button", name="نمایش"))
    listing = resident.locator("main").inner_text()
    assert ORG_NAME in listing and "category=health" in resident.url
    problems += check_phone_layout(resident)
    problems += axe_problems(resident, "the filtered directory")
    resident.screenshot(path=str(screenshot_dir / "directory-listing-phone.png"), full_page=True)
    resident.get_by_role("link", name=ORG_NAME).click()
    resident.wait_for_load_state("load")
    assert SERVICE in resident.locator("main").inner_text()
    problems += axe_problems(resident, "the organisation page")
    problems += page_problems(resident_recorder)
    assert not problems, "\n".join(problems)


@pytest.mark.usefixtures("demo_urls")
def test_assets_map_shows_markers_without_a_tile_server(live_server, open_page, screenshot_dir, settings):
    assert settings.MAP_TILE_URL == ""
    where = urls(live_server)
    phone, recorder = open_page("phone")
    response = phone.goto(where["assets"], wait_until="load")
    assert response.status == 200
    # Leaflet is fetched when the map comes near the screen, as a reader scrolls to it.
    phone.locator(".place-map__canvas").scroll_into_view_if_needed()
    phone.wait_for_selector(".place-map__canvas[data-markers]")
    listed = phone.locator(".place-list li").count()
    assert listed >= 3
    assert phone.locator(".place-map__canvas path.place-marker").count() == listed
    assert phone.locator(".leaflet-tile").count() == 0
    assert phone.locator(".leaflet-control-zoom-in").get_attribute("title") == "بزرگ‌نمایی"
    # Each listed place offers the way there, not two numbers.
    assert phone.locator(".place-list li a.directions-link").count() == listed
    problems = page_problems(recorder) + check_phone_layout(phone) + axe_problems(phone, "the assets page")
    phone.screenshot(path=str(screenshot_dir / "directory-assets-phone.png"), full_page=True)
    assert not problems, "\n".join(problems)


@pytest.mark.usefixtures("demo_urls")
def test_a_neighbourhood_page_fetches_leaflet_only_when_its_map_nears_the_screen(live_server, open_page):
    from neighborhoods.models import NeighborhoodPage

    neighborhood = urls(live_server)["neighborhood"]
    english = NeighborhoodPage.objects.live().get(translation_key=neighborhood.translation_key, locale__language_code="en")
    for page_url, zoom_in in ((neighborhood.get_url(), "بزرگ‌نمایی"), (english.get_url(), "Zoom in")):
        phone, recorder = open_page("phone")
        fetched = []
        phone.on("request", lambda request: fetched.append(request.url))
        phone.goto(live_server.url + relative(page_url), wait_until="networkidle")
        canvas = phone.locator(".place-map__canvas").first
        assert canvas.count() == 1
        # The map is far below the first screen on a phone: nothing of Leaflet yet.
        assert not [url for url in fetched if "leaflet" in url], fetched
        canvas.scroll_into_view_if_needed()
        phone.wait_for_selector(".place-map__canvas[data-markers]", timeout=10_000)
        assert [url for url in fetched if url.split("?")[0].endswith("leaflet.js")]
        assert canvas.locator("path.place-marker").count() == int(canvas.get_attribute("data-markers")) >= 1
        # The zoom buttons speak the page's language.
        assert canvas.locator(".leaflet-control-zoom-in").get_attribute("title") == zoom_in
        assert not page_problems(recorder)
