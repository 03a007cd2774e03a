"""What residents tripped over, seen in a real browser on the demo content: readable search suggestions, a
compact phone header with a menu button and a styled search button, placeholders that read as examples and a
date picker whose buttons can be read, pages that do not jump while they load, the programme calendar's filter
bar at 1366px and on a phone, lists counted in Persian digits, and admin slugs that keep Persian words apart.

Run alone with: .venv/bin/python -m pytest -n 0 -q -m browser tests/browser/test_front_polish.py
Screenshots land in test-artifacts/screenshots/polish-*.png.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import VIEWPORTS, is_local_url
from .test_participation_flow import axe_problems, form_url, log_in, page_problems, type_into
from .test_public_pages import check_phone_layout, demo_snapshot, demo_urls, relative  # noqa: F401 — fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MIN_CONTRAST = 4.5
PHONE_HEADER_MAX = 120
STAFF = "staff-bagh-khalaj"

# WCAG 2 contrast of an element's text against what is behind it: the backgrounds of its ancestors composited
# from the page's white canvas up to the element (so a translucent background counts for what it shows).
# With pseudo set, the colour is that of the element's pseudo-element (::placeholder).
CONTRAST_JS = """([el, pseudo]) => {
    const parse = (text) => {
        const m = text.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return [0, 0, 0, 0];
        const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => {
        const a = top[3];
        return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
    };
    const chain = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) chain.unshift(node);
    let background = [255, 255, 255, 1];
    for (const node of chain) background = over(parse(getComputedStyle(node).backgroundColor), background);
    const color = over(parse(getComputedStyle(el, pseudo || null).color), background);
    const lum = (c) => {
        const [r, g, b] = c.slice(0, 3).map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [lum(color), lum(background)].sort((x, y) => y - x);
    return {ratio: (hi + 0.05) / (lo + 0.05), color: color.slice(0, 3), background: background.slice(0, 3)};
}"""

# Layout shifts as Chromium reports them (the Cumulative Layout Shift of the page load), from the first paint.
CLS_INIT = """window.__layoutShifts = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__layoutShifts.push({
            value: entry.value,
            sources: (entry.sources || []).map(s => s.node && s.node.nodeType === 1
                ? s.node.tagName.toLowerCase() + (s.node.className ? '.' + String(s.node.className).split(' ').join('.') : '')
                : String(s.node && s.node.nodeName)),
        });
    }
}).observe({type: 'layout-shift', buffered: true});"""

# A slow phone connection: every response waits 150 ms and the line carries 1.6 Mbit/s, so the web font
# arrives well after the first paint, as it does for residents.
SLOW_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 100_000}


def url_of(live_server, page):
    return live_server.url + relative(page.get_url())


def contrast(locator, pseudo=None):
    return locator.evaluate(f"(el, pseudo) => ({CONTRAST_JS})([el, pseudo])", pseudo)


def demo_page(model, **filters):
    page = model.objects.live().filter(locale__language_code="fa", **filters).order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__} with {filters}"
    return page


# --- 1. search suggestions ------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_search_suggestions_are_readable(viewport, demo_urls, open_page, screenshot_dir):  # noqa: F811
    from news.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="fa").order_by("path").first()
    word = next(word for word in news.title.split() if len(word) >= 3 and "\u200c" not in word)
    page, recorder = open_page(viewport)
    page.goto(demo_urls["home"], wait_until="load")
    type_into(page.locator("#site-search-q"), word)
    option = page.locator(".search-suggest [role=option] .search-suggest__title").first
    option.wait_for()
    problems = []
    for state in ("shown", "highlighted"):
        if state == "highlighted":
            page.locator("#site-search-q").press("ArrowDown")
        measured = contrast(option)
        if measured["ratio"] < MIN_CONTRAST:
            problems.append(f"{state} suggestion: contrast {measured['ratio']:.2f} ({measured})")
    page.screenshot(path=str(screenshot_dir / f"polish-suggestions-{viewport}.png"))
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)


# --- 2. the phone header --------------------------------------------------------------------------------


def phone_pages(live_server, demo_urls):  # noqa: F811
    from directory.models import DirectoryIndexPage
    from programmes.models import ProgramCalendarPage, ProgramPage

    return {
        "home": demo_urls["home"],
        "news": demo_urls["news"],
        "news-listing": demo_urls["news-listing"],
        "neighborhood": demo_urls["neighborhood"],
        "calendar": url_of(live_server, demo_page(ProgramCalendarPage)),
        "programme": url_of(live_server, demo_page(ProgramPage)),
        "directory": url_of(live_server, demo_page(DirectoryIndexPage)),
        "form": form_url(live_server),
        "track": live_server.url + "/track/",
    }


def test_the_phone_header_is_compact_on_every_page(live_server, demo_urls, open_page, screenshot_dir):  # noqa: F811
    page, recorder = open_page("phone")
    problems = []
    for name, url in phone_pages(live_server, demo_urls).items():
        page.goto(url, wait_until="load")
        height = page.locator(".site-header").bounding_box()["height"]
        if height > PHONE_HEADER_MAX:
            problems.append(f"{name}: the header is {height:.0f}px tall on a 390×844 phone (at most {PHONE_HEADER_MAX})")
        problems += [f"{name}: {problem}" for problem in check_phone_layout(page)]
    page.screenshot(path=str(screenshot_dir / "polish-header-phone.png"))
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)


def test_the_menu_button_opens_the_navigation_and_the_search_button_is_styled(demo_urls, open_page, screenshot_dir):  # noqa: F811
    page, recorder = open_page("phone")
    page.goto(demo_urls["home"], wait_until="load")
    button = page.get_by_role("button", name="منو")
    news_link = page.locator(".site-nav").get_by_role("link", name="خبرها")
    assert button.get_attribute("aria-expanded") == "false" and not news_link.is_visible()
    problems = axe_problems(page, "the home page with the menu folded")

    button.click()
    assert button.get_attribute("aria-expanded") == "true" and news_link.is_visible()
    box = news_link.bounding_box()
    assert box["height"] >= 24, f"menu links are {box['height']}px tall: too small to tap"
    page.screenshot(path=str(screenshot_dir / "polish-menu-open-phone.png"))
    problems += axe_problems(page, "the home page with the menu open")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not news_link.is_visible()

    # The search button is drawn by us: filled, rounded, readable, as tall as the box beside it.
    search = page.locator(".site-search button")
    style = search.evaluate("(el) => { const s = getComputedStyle(el); return {bg: s.backgroundColor, radius: s.borderTopLeftRadius, font: s.fontFamily}; }")
    assert style["bg"] not in ("rgb(239, 239, 239)", "rgba(0, 0, 0, 0)"), style
    assert style["radius"] != "0px" and "Vazirmatn" in style["font"], style
    assert contrast(search)["ratio"] >= MIN_CONTRAST
    assert abs(search.bounding_box()["height"] - page.locator("#site-search-q").bounding_box()["height"]) <= 2
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)


def test_without_scripts_the_phone_navigation_stays_open(demo_urls, chromium_browser):  # noqa: F811
    context = chromium_browser.new_context(java_script_enabled=False, locale="fa-IR", **VIEWPORTS["phone"])
    try:
        context.route(lambda url: not is_local_url(url), lambda route: route.abort("blockedbyclient"))
        page = context.new_page()
        page.goto(demo_urls["home"], wait_until="load")
        assert page.locator(".site-nav").get_by_role("link", name="خبرها").is_visible()
        assert not page.locator(".site-header__menu-button").is_visible()
    finally:
        context.close()


# --- 3. placeholders and the date picker ----------------------------------------------------------------


def test_date_placeholder_reads_as_an_example_and_the_picker_is_readable(live_server, demo_urls, open_page, screenshot_dir):  # noqa: F811
    page, recorder = open_page("phone")
    page.goto(form_url(live_server), wait_until="load")
    date = page.locator("input[data-jdp]").first
    assert date.get_attribute("placeholder").startswith("مثلاً ")
    placeholder = contrast(date, "::placeholder")
    typed = date.evaluate("(el) => getComputedStyle(el).color")
    assert placeholder["ratio"] >= MIN_CONTRAST, placeholder
    assert f"rgb({', '.join(str(round(c)) for c in placeholder['color'])})" != typed, "placeholder looks like typed text"

    date.click()
    picker = page.locator("jdp-container")
    picker.locator(".jdp-btn-today").wait_for()
    page.screenshot(path=str(screenshot_dir / "polish-picker-phone.png"))
    problems = []
    for selector in (".jdp-btn-today", ".jdp-btn-empty", ".jdp-day.last-week", ".jdp-day.not-in-month"):
        for element in picker.locator(selector).all()[:3]:
            measured = contrast(element)
            if measured["ratio"] < MIN_CONTRAST:
                problems.append(f"{selector}: contrast {measured['ratio']:.2f} ({measured})")
    violations = page.evaluate(
        """async () => (await axe.run('jdp-container', {runOnly: ['color-contrast']})).violations
            .map(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)).flat()"""
    )
    problems += [f"axe: {violation}" for violation in violations]

    # A picked day is written with Persian digits, as the server writes dates.
    picker.locator(".jdp-day:not(.not-in-month):not(.disabled-day)").nth(9).click()
    value = date.input_value()
    assert re.fullmatch(r"[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", value), f"the picker wrote {value!r}"
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)


# --- 4. pages that stay put while they load --------------------------------------------------------------


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_pages_do_not_shift_while_they_load(viewport, demo_urls, open_page):  # noqa: F811
    page, recorder = open_page(viewport)
    page.context.add_init_script(CLS_INIT)
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    problems = []
    for name in ("news", "news-listing", "home"):
        page.goto(demo_urls[name], wait_until="networkidle", timeout=60_000)
        page.wait_for_timeout(300)
        shifts = page.evaluate("window.__layoutShifts")
        total = sum(shift["value"] for shift in shifts)
        if total >= 0.1:
            worst = sorted(shifts, key=lambda shift: -shift["value"])[:3]
            problems.append(f"{name}: cumulative layout shift {total:.3f} (at least 0.1 is poor): {worst}")
        # Every picture's box is known before it arrives.
        unsized = page.evaluate(
            """() => [...document.querySelectorAll('main img')]
                .filter(img => !(img.getAttribute('width') && img.getAttribute('height')) && getComputedStyle(img).aspectRatio === 'auto')
                .map(img => img.outerHTML.slice(0, 160))"""
        )
        if unsized:
            problems.append(f"{name}: images without width/height or aspect-ratio: {unsized}")
        # The font is `optional`: the first slow page may keep the system face, but from the second on the
        # cached Vazirmatn must be the one drawn.
        if name != "news":
            drawn = page.evaluate("() => [...document.fonts].filter(f => f.family.includes('Vazirmatn') && f.status === 'loaded').length")
            if drawn < 1:
                problems.append(f"{name}: Vazirmatn not drawn once cached")
    problems += page_problems(recorder)
    assert not problems, "\n".join(problems)


# --- 5. the programme calendar ------------------------------------------------------------------------------


def calendar_url(live_server):
    from programmes.models import ProgramCalendarPage

    return url_of(live_server, demo_page(ProgramCalendarPage))


def test_the_calendar_filter_bar_at_1366px_and_entries_that_name_their_neighbourhood(live_server, demo_urls, open_page, screenshot_dir):  # noqa: F811
    page, recorder = open_page("desktop")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(calendar_url(live_server), wait_until="load")
    problems = []
    button = page.locator("form.filters button[type=submit]").bounding_box()
    if button["height"] > 56 or button["width"] > 300:
        problems.append(f"the «نمایش» button is {button['width']:.0f}×{button['height']:.0f}px")
    # Each label on one line.
    for label in page.locator("form.filters label").all():
        lines = label.evaluate("(el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))")
        if lines > 1:
            problems.append(f"the label «{label.inner_text()}» takes {lines} lines")
    # The whole bar: one row of fields and one of actions.
    bar = page.locator("form.filters").bounding_box()
    if bar["height"] > 200:
        problems.append(f"the filter bar is {bar['height']:.0f}px tall")

    from neighborhoods.models import NeighborhoodPage

    titles = set(NeighborhoodPage.objects.live().values_list("title", flat=True))
    entries = page.locator(".month__grid .month__event-meta").all_inner_texts()
    assert entries, "the demo month has no sessions in the grid"
    unnamed = [entry for entry in entries if not any(title in entry for title in titles)]
    if unnamed:
        problems.append(f"calendar entries without their neighbourhood: {unnamed[:5]}")
    page.screenshot(path=str(screenshot_dir / "polish-calendar-1366.png"))
    problems += axe_problems(page, "the calendar at 1366px")

    phone, phone_recorder = open_page("phone")
    phone.goto(calendar_url(live_server), wait_until="load")
    problems += [f"phone: {problem}" for problem in check_phone_layout(phone)]
    for label in phone.locator("form.filters label").all():
        lines = label.evaluate("(el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))")
        if lines > 1:
            problems.append(f"phone: the label «{label.inner_text()}» takes {lines} lines")
    phone.screenshot(path=str(screenshot_dir / "polish-calendar-phone.png"), full_page=True)
    problems += page_problems(recorder) + page_problems(phone_recorder)
    assert not problems, "\n".join(problems)


# --- 6. Persian digits ----------------------------------------------------------------------------------


def test_ordered_lists_count_in_persian_digits(live_server, demo_urls, open_page):  # noqa: F811
    from programmes.models import ProgramPage

    page, recorder = open_page("desktop")
    page.goto(url_of(live_server, demo_page(ProgramPage)), wait_until="load")
    sessions = page.locator("ol.sessions")
    assert sessions.count() == 1
    assert sessions.evaluate("(el) => getComputedStyle(el).listStyleType") == "persian"
    # Lists that draw no marker keep drawing none.
    assert page.locator(".breadcrumbs ol").evaluate("(el) => getComputedStyle(el).listStyleType") == "none"
    assert not page_problems(recorder)


# --- 7. slugs in the admin ---------------------------------------------------------------------------------


def test_the_admin_makes_a_slug_that_keeps_persian_words_apart(live_server, demo_urls, open_page):  # noqa: F811
    from neighborhoods.models import NeighborhoodPage
    from news.models import NewsIndexPage

    neighborhood = NeighborhoodPage.objects.get(slug="bagh-khalaj", locale__language_code="fa")
    index = NewsIndexPage.objects.child_of(neighborhood).get()
    page, recorder = open_page("desktop")
    log_in(page, live_server, STAFF)
    page.goto(f"{live_server.url}/admin/pages/add/news/newspage/{index.pk}/", wait_until="load")
    title = page.locator("#id_title")
    title.click()
    title.press_sequentially("کوچه‌های محله روشن شد")
    title.blur()
    # Wagtail's title-to-slug sync runs after a short debounce.
    expect(page.locator("#id_slug")).to_have_value("کوچه-های-محله-روشن-شد")
    assert not page_problems(recorder)


# --- the photo question's button ---------------------------------------------------------------------------------


def test_the_photo_question_has_a_persian_button_and_names_the_photo(live_server, demo_urls, open_page, tmp_path):  # noqa: F811
    from PIL import Image

    page, recorder = open_page("phone")
    page.goto(form_url(live_server), wait_until="load")
    wrapper = page.locator("[data-photo-input]")
    button = wrapper.locator(".photo-input__button")
    assert button.is_visible() and button.inner_text().strip() == "برگزیدن عکس"
    # The browser's own button (its «Choose File» in the browser's language) is out of sight.
    file_input = wrapper.locator("input[type=file]")
    assert file_input.bounding_box()["width"] <= 1
    assert wrapper.locator(".photo-input__name").inner_text() == "هنوز عکسی برگزیده نشده است."
    # Keyboard users still reach the input and see where they are.
    file_input.focus()
    assert button.evaluate("(el) => getComputedStyle(el).outlineStyle") == "solid"
    photo = tmp_path / "kooche.jpg"
    Image.new("RGB", (40, 30), (90, 120, 40)).save(photo, "JPEG")
    file_input.set_input_files(str(photo))
    assert wrapper.locator(".photo-input__name").inner_text() == "kooche.jpg"
    problems = axe_problems(page, "the photo question") + page_problems(recorder)
    assert not problems, "\n".join(problems)
