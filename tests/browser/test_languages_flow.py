"""Switching languages in a real browser: a neighbourhood page in Persian → English → Persian."""

import pytest

from .test_public_pages import demo_snapshot, demo_urls  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def open_site_menu(page):
    """On a phone the navigation and the language switcher are folded behind the header's menu button."""
    button = page.locator(".site-header__menu-button")
    if button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()


def html_lang_dir(page):
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


def test_switch_persian_english_persian_on_a_neighbourhood_page(demo_urls, live_server, open_page):  # noqa: F811
    from wagtail.models import Locale

    from neighborhoods.models import NeighborhoodPage

    # The page demo_urls["neighborhood"] points at: the first neighbourhood, in Persian.
    persian = NeighborhoodPage.objects.live().order_by("path").first()
    persian_url = demo_urls["neighborhood"]
    assert persian.locale.language_code == "fa" and persian_url == live_server.url + persian.url
    english = persian.get_translation(Locale.objects.get(language_code="en"))

    page, recorder = open_page("phone")
    response = page.goto(persian_url, wait_until="load")
    assert response.status == 200
    assert html_lang_dir(page) == ("fa", "rtl")
    assert page.locator("h1").first.inner_text().strip() == persian.title
    switcher = page.locator("nav.language-switcher")
    # Only the languages the page exists in: Persian and English, no Arabic.
    assert switcher.locator("a, span").all_inner_texts() == ["فارسی", "English"]

    open_site_menu(page)
    switcher.get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    assert page.url == live_server.url + english.url
    assert html_lang_dir(page) == ("en", "ltr")
    assert page.locator("h1").first.inner_text().strip() == english.title
    assert persian.title not in page.locator("main").inner_text()
    assert page.locator("nav.language-switcher [aria-current]").inner_text() == "English"

    open_site_menu(page)
    page.locator("nav.language-switcher").get_by_role("link", name="فارسی").click()
    page.wait_for_load_state("load")
    assert page.url == persian_url
    assert html_lang_dir(page) == ("fa", "rtl")
    assert page.locator("h1").first.inner_text().strip() == persian.title
    assert not recorder.page_errors and not recorder.external_requests
