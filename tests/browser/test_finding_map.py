"""Finding one's neighbourhood on a 360px phone: the nearest offices from the reader's position (worked out in the
browser, the position never sent), the map of every office in clusters (Leaflet fetched only when asked for), and
the reader's own neighbourhood kept in their browser, leading the front page whose HTML stays the same for all.

Run alone with: .venv/bin/python -m pytest -m browser tests/browser/test_finding_map.py -q -p no:randomly
Screenshots land in test-artifacts/screenshots/finding-*.png.
"""

from decimal import Decimal
from urllib.parse import unquote, urlsplit

import pytest

from .test_participation_flow import axe_problems, page_problems
from .test_public_pages import OVERFLOW_CULPRITS_JS, demo_snapshot, demo_urls, relative  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}
DENIED = "مرورگر اجازه دسترسی به موقعیت شما را نداد"


def phone_page(open_page):
    page, recorder = open_page("phone")
    page.set_viewport_size(PHONE)
    return page, recorder


def sideways(page, where):
    """Problems if the page scrolls sideways (or was zoomed out) at 360px."""
    metrics = page.evaluate("() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    if metrics["inner"] == PHONE["width"] and metrics["scroll"] <= metrics["inner"] + 1:
        return []
    culprits = page.evaluate(OVERFLOW_CULPRITS_JS, PHONE["width"])
    return [f"{where} is wider than a 360px phone ({metrics}):\n  " + "\n  ".join(culprits)]


def offices_with_a_point():
    from neighborhoods.models import NeighborhoodPage

    return list(
        NeighborhoodPage.objects.listable()
        .filter(locale__language_code="fa", latitude__isnull=False, longitude__isnull=False)
        .order_by("path")
    )


def test_near_me_lists_the_nearest_office_first_and_sends_no_position(demo_urls, open_page, screenshot_dir):
    from directory.maps import slug_from_title
    from neighborhoods.models import NeighborhoodPage

    office = offices_with_a_point()[0]
    # A neighbourhood with the slug the admin makes from a Persian title (left out of the feed) a little further on.
    title = "کوی شهید بهشتی"
    beside = office.get_parent().add_child(
        instance=NeighborhoodPage(
            title=title, slug=slug_from_title(title), city=office.city,
            latitude=office.latitude + Decimal("0.002"), longitude=office.longitude,
        )
    )
    beside.save_revision().publish()
    # The office as the feed places it (four decimals), and the reader some 33 metres north of it.
    lat, lng = round(float(office.latitude), 4), round(float(office.longitude), 4)

    page, recorder = phone_page(open_page)
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": lat + 0.0003, "longitude": lng})
    page.goto(demo_urls["home"], wait_until="networkidle")
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url, request.post_data or "")))
    page.get_by_role("button", name="نزدیک‌ترین دفترها به من").click()
    links = page.locator("[data-near-list] li a")
    links.first.wait_for()
    assert links.count() == min(5, len(offices_with_a_point()))
    assert links.nth(0).inner_text() == office.title
    assert urlsplit(links.nth(0).get_attribute("href")).path == relative(office.get_url())
    # Made again in the browser from its title: the same address.
    assert links.nth(1).inner_text() == title
    assert unquote(urlsplit(links.nth(1).evaluate("a => a.href")).path) == unquote(relative(beside.get_url()))
    first = page.locator("[data-near-list] li").first.inner_text()
    assert "۳۰ متر" in first and "استان" in first, first
    assert page.locator("[data-near-status]").inner_text() == "نزدیک‌ترین دفترها به شما، از نزدیک به دور:"
    # Only the offices' feed was fetched (and perhaps a font), and nothing anywhere carries the position.
    assert {method for method, _, _ in sent} == {"GET"}, sent
    fetched = [urlsplit(url).path for _, url, _ in sent]
    assert [path for path in fetched if not path.startswith("/static/")] == ["/offices/"], sent
    for method, url, body in sent:
        for value in (lat, lng):
            assert f"{value:.2f}" not in url + body and f"{value:.2f}".replace(".", "%2E") not in url

    problems = sideways(page, "the front page with its nearest offices")
    problems += axe_problems(page, "the nearest offices")
    problems += page_problems(recorder)
    page.screenshot(path=str(screenshot_dir / "finding-near-me-phone.png"), full_page=True)
    assert not problems, "\n".join(problems)

    # Refused: a Persian message, said where screen readers hear it, and the lists to browse are still there.
    refused, refused_recorder = phone_page(open_page)
    refused.context.clear_permissions()
    refused.goto(demo_urls["home"], wait_until="networkidle")
    refused.get_by_role("button", name="نزدیک‌ترین دفترها به من").click()
    status = refused.locator("[data-near-status]")
    status.filter(has_text=DENIED).wait_for()
    assert status.get_attribute("role") == "status"
    assert refused.locator("[data-near-list]").is_hidden()
    assert refused.locator(".home-neighborhoods a").first.is_visible()
    assert not page_problems(refused_recorder)


def test_the_map_of_offices_fetches_leaflet_when_asked_and_shows_every_office(
    demo_urls, open_page, chromium_browser, screenshot_dir
):
    expected = len(offices_with_a_point())
    assert expected >= 2, "the demo has offices with a point"

    # Without scripts there is no button that could not work.
    context = chromium_browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        plain = context.new_page()
        plain.goto(demo_urls["home"], wait_until="load")
        assert plain.locator("[data-offices-map]").is_hidden() and plain.locator("[data-near-me]").is_hidden()
    finally:
        context.close()

    page, recorder = phone_page(open_page)
    page.goto(demo_urls["home"], wait_until="networkidle")
    assert not [url for url in recorder.requests if "leaflet" in url or "/offices/" in url], recorder.requests
    button = page.get_by_role("button", name="دفترها روی نقشه")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    page.wait_for_selector("#offices-map[data-markers]", timeout=15_000)
    assert button.get_attribute("aria-expanded") == "true"
    assert [url for url in recorder.requests if urlsplit(url).path.endswith("leaflet.markercluster.js")]
    canvas = page.locator("#offices-map")
    assert int(canvas.get_attribute("data-markers")) == expected
    # Every office is on the map once: alone, or counted in a cluster.
    counts = canvas.locator(".office-cluster [data-count]").evaluate_all("els => els.map(e => e.dataset.count)")
    clustered = sum(int(count) for count in counts)
    alone = canvas.locator(".office-marker").count()
    assert clustered + alone == expected, (clustered, alone)
    # The list of the same places, for screen readers, is the browsing list the page links to.
    note = page.locator(".offices-map__note a")
    assert urlsplit(note.get_attribute("href")).path.startswith("/")
    if alone:
        canvas.locator(".office-marker").first.click()
        popup_link = page.locator(".leaflet-popup-content a")
        popup_link.wait_for()
        # Leaflet fades a popup in: read once it is fully there.
        page.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
        offices = {relative(office.get_url()) for office in offices_with_a_point()}
        assert urlsplit(popup_link.get_attribute("href")).path in offices

    problems = sideways(page, "the front page with its map open")
    problems += axe_problems(page, "the map of offices")
    problems += page_problems(recorder)
    page.screenshot(path=str(screenshot_dir / "finding-map-phone.png"), full_page=True)
    assert not problems, "\n".join(problems)


def test_my_neighbourhood_leads_the_front_page_whose_html_stays_the_same(demo_urls, open_page, screenshot_dir):
    page, recorder = phone_page(open_page)
    before = page.request.get(demo_urls["home"]).text()

    page.goto(demo_urls["neighborhood"], wait_until="networkidle")
    title = page.locator("h1").inner_text()
    pin = page.locator("[data-pin-button]")
    assert pin.inner_text() == "این محله من است"
    pin.click()
    assert pin.inner_text() == "محله من (برداشتن)"
    problems = sideways(page, "the neighbourhood page") + axe_problems(page, "the neighbourhood page with its pin")

    page.goto(demo_urls["home"], wait_until="networkidle")
    pinned = page.locator("[data-pinned-place]")
    assert pinned.is_visible()
    assert pinned.inner_text().startswith("محله شما:")
    link = pinned.locator("a")
    assert link.inner_text() == title
    assert urlsplit(link.get_attribute("href")).path == urlsplit(demo_urls["neighborhood"]).path
    # Kept in the browser only: the page the portal sends is the same, byte for byte.
    assert page.request.get(demo_urls["home"]).text() == before
    problems += sideways(page, "the front page led by my neighbourhood")
    problems += axe_problems(page, "the front page led by my neighbourhood")
    page.screenshot(path=str(screenshot_dir / "finding-pinned-phone.png"), full_page=True)

    # Unpinned: the front page no longer names it.
    page.goto(demo_urls["neighborhood"], wait_until="networkidle")
    page.locator("[data-pin-button]").click()
    assert page.locator("[data-pin-button]").inner_text() == "این محله من است"
    page.goto(demo_urls["home"], wait_until="networkidle")
    assert page.locator("[data-pinned-place]").is_hidden()
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)
