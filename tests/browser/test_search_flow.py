"""A resident types a query with Arabic letters (ي/ك, as an Arabic keyboard gives them) into the header's
search box: the suggestions list offers the Persian page, the keyboard picks it; submitting the form instead
shows the results page with the page found and the words marked. No console errors (CSP), no axe violations.

Run alone with: .venv/bin/python -m pytest -n 0 -q -m browser tests/browser/test_search_flow.py
"""

import re

import pytest

from .test_participation_flow import axe_problems, page_problems, type_into
from .test_public_pages import demo_snapshot, demo_urls  # noqa: F401 — fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def persian_page():
    """A live demo news item and a word of its title that has ی or ک, written with Arabic letters."""
    from news.models import NewsPage

    for page in NewsPage.objects.live().order_by("path"):
        for word in page.title.split():
            if len(word) >= 4 and "\u200c" not in word and ("ی" in word or "ک" in word):
                return page, word, word.translate(TO_ARABIC)
    raise AssertionError("the demo has no news title with ی or ک")


@pytest.mark.usefixtures("demo_urls")
def test_arabic_letters_find_the_persian_page(live_server, open_page, demo_urls, screenshot_dir):  # noqa: F811
    page_model, word, arabic = persian_page()
    assert arabic != word
    problems = []

    page, recorder = open_page("phone")
    page.goto(demo_urls["home"])
    box = page.locator("#site-search-q")
    type_into(box, arabic[:3])
    listbox = page.get_by_role("listbox")
    option = listbox.get_by_role("option", name=page_model.title)
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    # The keyboard walks the list and Enter opens the highlighted suggestion.
    titles = [text.strip() for text in listbox.locator(".search-suggest__title").all_inner_texts()]
    for _ in range(titles.index(page_model.title) + 1):
        box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.endswith(page_model.url)
    problems += page_problems(recorder)

    # Without choosing a suggestion, the form submits to the results page.
    page.goto(demo_urls["home"])
    box = page.locator("#site-search-q")
    type_into(box, arabic)
    with page.expect_navigation():
        box.press("Enter")  # no suggestion highlighted: Enter submits the form
    assert re.search(r"/search/\?q=", page.url)
    result = page.locator(".search-result").filter(has=page.get_by_role("link", name=page_model.title))
    assert result.count() == 1
    assert word in result.locator("mark").first.inner_text()
    assert page.locator("#search-page-q").input_value() == arabic  # the query is echoed as typed
    page.screenshot(path=str(screenshot_dir / "search-results-phone.png"), full_page=True)
    problems += page_problems(recorder) + axe_problems(page, "the search results")
    assert not problems, "\n\n".join(problems)
