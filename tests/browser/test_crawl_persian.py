"""Every Persian page a resident or a staff member can reach, read as a person sees it: no English word
outside an explicit list of names, no Latin digit.

A crawler walks the demo portal in Chromium: one page of every public page type (and the routes beside them:
the council's decisions, tracking, search), then the links it finds, a few of each shape; then the admin as an
office's staff member, a province's coordinator and an NGO account, every screen of their menus and the first
object of each list. Only what is visible is read (text, and the placeholder, label, alt and title a screen
reader speaks); text marked in another language (lang="en", a map's attribution) is that language's, and so is
a page's title in the admin's lists (an English page is listed by its English title).

Run alone with: .venv/bin/python -m pytest -p no:cacheprovider -m browser tests/browser/test_crawl_persian.py -q
"""

import re
from collections import Counter, deque
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from .test_participation_flow import log_in
from .test_public_pages import demo_snapshot, demo_urls  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Names, not words: what may stay Latin on a Persian page (file formats, standards, the apps a second factor
# is set up with, keys on a keyboard).
ALLOWED_LATIN = {
    "RSS", "Atom", "iCal", "CSV", "PDF", "XLSX", "API", "SMS", "QR", "URL", "WCAG", "AA", "axe-core",
    "Wagtail", "Google", "Microsoft", "Authenticator", "FreeOTP", "Aegis", "iOS",
    "Ctrl", "Alt", "Shift", "Esc",
}
# Addresses are written as they are typed.
ADDRESSES = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
LATIN_DIGIT = re.compile(r"[0-9]")

# What is never followed: other languages, files and feeds, anything that changes state, and the report of
# translations (it lists the English pages by their English titles: content, not the admin's words).
SKIP = re.compile(
    r"^/(en|ar|ckb)/|^/admin/localize/|/(feed|ical|csv|pdf|xlsx|export|logout|delete|unpublish|revisions|api|documents|media|static)(/|$|\?)"
    r"|\.(csv|pdf|xml|json|ics|txt)$|[?&](export|format)="
)
MAX_PUBLIC = 70
MAX_ADMIN = 40
PER_SHAPE = 2

VISIBLE_TEXT_JS = """() => {
    const out = [];
    const persian = el => ((el.closest('[lang]') || document.documentElement).getAttribute('lang') || '').startsWith('fa');
    const shown = el => {
        for (let e = el; e; e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.display === 'none' || s.visibility === 'hidden') return false;
        }
        return el.getClientRects().length > 0;
    };
    // Code is code (an API address, a key typed by hand, the page-types report's app.model), in any language;
    // in the admin's lists a page's title and its locale's chip are content, in the page's own language.
    const skipped = el => el.closest('script, style, noscript, template, [hidden], [aria-hidden="true"], code, kbd, samp, ' +
        '.leaflet-control-attribution, a[href^="/admin/pages/"], .w-status--label, td.app-label, td.last-edited-page');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        const text = walker.currentNode.textContent.trim();
        if (!text || !el || skipped(el) || !persian(el) || !shown(el)) continue;
        out.push(text);
    }
    for (const el of document.body.querySelectorAll('[placeholder], [aria-label], img[alt], [title]')) {
        if (skipped(el) || !persian(el) || !shown(el)) continue;
        for (const name of ['placeholder', 'aria-label', 'alt', 'title']) {
            const value = el.getAttribute(name);
            if (value && value.trim()) out.push(value.trim());
        }
    }
    return out;
}"""

LINKS_JS = """() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"""


def shape(path):
    """A URL's kind: its path with numbers and the last segment's words generalised."""
    parts = [re.sub(r"\d+", "#", part) for part in path.strip("/").split("/")]
    if len(parts) > 1 and "#" not in parts[-1]:
        parts[-1] = "*"
    return "/".join(parts)


def problems_on(page):
    found = []
    for text in page.evaluate(VISIBLE_TEXT_JS):
        text = ADDRESSES.sub(" ", text)
        words = set(LATIN_WORD.findall(text)) - ALLOWED_LATIN
        if words:
            found.append(f"English {sorted(words)} in «{text[:120]}»")
        if LATIN_DIGIT.search(text):
            found.append(f"Latin digits in «{text[:120]}»")
    return found


def crawl(page, base, seeds, limit, follow):
    """Visit ``seeds``, then the links found, at most PER_SHAPE of a shape and ``limit`` in all; return
    {url: [problem, …]} for the pages that have any, and the number visited."""
    queue, seen, shapes, problems, visited = deque(seeds), set(), Counter(), {}, 0
    while queue and visited < limit:
        url = queue.popleft()
        path = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        if path in seen or SKIP.search(path):
            continue
        seen.add(path)
        if shapes[shape(urlsplit(url).path)] >= PER_SHAPE:
            continue
        shapes[shape(urlsplit(url).path)] += 1
        try:
            response = page.goto(base + path)
        except PlaywrightError as error:
            if "Download is starting" in str(error):  # a file, not a page
                continue
            raise
        visited += 1
        if response is None or response.status >= 400 or "text/html" not in response.headers.get("content-type", ""):
            continue
        page.wait_for_load_state("networkidle")
        found = problems_on(page)
        if found:
            problems[path] = found[:8]
        for href in page.evaluate(LINKS_JS):
            target = urlsplit(urljoin(base + path, href))
            if target.hostname in ("127.0.0.1", "localhost") and follow(target.path):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return problems, visited


def public_seeds():
    """One live Persian page of every page type, and the routes beside them."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from neighborhoods.models import NeighborhoodPage

    seeds = []
    for content_type in ContentType.objects.filter(pk__in=Page.objects.values("content_type")):
        found = (
            Page.objects.live().public().filter(content_type=content_type, locale__language_code="fa")
            .order_by("path").first()
        )
        if found is not None and found.depth > 1:
            seeds.append(found.specific.url)
    neighborhood = NeighborhoodPage.objects.live().filter(locale__language_code="fa").order_by("path").first()
    seeds += [f"{neighborhood.url}decisions/", "/track/", "/search/?query=" + "محله"]
    return seeds


def format_problems(problems):
    return "\n".join(f"{url}:\n    " + "\n    ".join(found) for url, found in sorted(problems.items()))


@pytest.mark.usefixtures("demo_urls")
def test_every_persian_public_page_type_reads_in_persian(live_server, open_page):
    page, _ = open_page("desktop")
    problems, visited = crawl(
        page, live_server.url, public_seeds(), MAX_PUBLIC, lambda path: not path.startswith("/admin")
    )
    assert visited >= 20, visited
    assert not problems, f"{len(problems)} of {visited} pages:\n" + format_problems(problems)


def admin_seeds(page):
    """The admin screens of the signed-in user's menu (Wagtail renders the sidebar from JSON)."""
    props = page.evaluate("() => (document.getElementById('wagtail-sidebar-props') || {}).textContent || ''")
    urls = {url.replace("\\/", "/") for url in re.findall(r'"url":\s*"(/admin/[^"]*)"', props)}
    return ["/admin/", *sorted(urls)]


@pytest.mark.usefixtures("demo_urls")
@pytest.mark.parametrize("who", ["staff-bagh-khalaj", "coordinator-markazi", "ngo"])
def test_every_staff_screen_reads_in_persian(who, live_server, open_page):
    from demo.directory_content import NGO_USERNAME

    username = NGO_USERNAME if who == "ngo" else who
    page, _ = open_page("desktop")
    log_in(page, live_server, username)
    problems, visited = crawl(
        page, live_server.url, admin_seeds(page), MAX_ADMIN,
        lambda path: path.startswith("/admin/") and ("/edit/" in path or path.count("/") <= 4),
    )
    assert visited >= 3, visited
    assert not problems, f"{who}: {len(problems)} of {visited} screens:\n" + format_problems(problems)
