"""The public pages in a real browser: Persian and RTL, Jalali dates, no errors, nothing loaded from outside,
no sideways scrolling on a phone, and no WCAG 2.1 A/AA violations that axe-core can find.

Run alone with: .venv/bin/python -m pytest tests/browser -q -p no:randomly
Screenshots land in test-artifacts/screenshots/<page>-<viewport>.png.
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection

from .conftest import VIEWPORTS

pytestmark = [
    pytest.mark.browser,
    # The live server runs in another thread, so the data must be committed (transaction=True). serialized_rollback
    # restores what the migrations created (root page, locales) before each test: a plain transactional flush by
    # an earlier test would otherwise leave load_demo without a tree root.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PERSIAN_MONTHS = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
# «۱۹ اسفند ۱۴۰۳»: Persian digits, then a Persian month name (separated by a space, NBSP or ZWNJ), and the month
# name must end there (so «دی» does not match the start of a longer word).
JALALI_DATE = re.compile(rf"[۰-۹]{{1,2}}[\s\u00a0\u200c]+(?:{PERSIAN_MONTHS})(?![\u0600-\u06ff])")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ["home", "neighborhood", "news", "news-listing"]
PAGES_WITH_DATES = {"home", "news", "news-listing"}


def relative(url):
    """Path (and query) of a page URL, whether Wagtail gave it relative or absolute."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# One per process (each pytest-xdist worker): every module that uses the demo shares it.
_DEMO = {}


@pytest.fixture(scope="module")
def demo_snapshot():
    """The demo database, serialised after the first load in this process so that every later test, in any
    module, restores it in about a second instead of running load_demo again (half a minute on a busy
    machine). Uploaded files stay in the process's storage."""
    return _DEMO


def sync_process_caches():
    """Make the process-wide caches agree with the database.

    Content-type ids are cached per process and outlive a flush. A cold cache is as harmful as a stale one:
    deserialising a model that inherits from Page or Task runs its __init__, which looks its content type up and,
    when the row is not there yet, creates one with a new id; the serialised row then clashes with it. This happens
    both in our restore and in Django's own serialized_rollback set-up of the next test (Wagtail's migrations create
    a GroupApprovalTask), so the cache is left warm with every model's content type from the database.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    models = apps.get_models()
    ContentType.objects.get_for_models(*models)
    ContentType.objects.get_for_models(*models, for_concrete_models=False)
    cache.clear()


def snapshot_database():
    """serialize_db_to_string(), split so that content types can be restored first."""
    objects = json.loads(connection.creation.serialize_db_to_string())
    content_types = [obj for obj in objects if obj["model"] == "contenttypes.contenttype"]
    rest = [obj for obj in objects if obj["model"] != "contenttypes.contenttype"]
    return json.dumps(content_types), json.dumps(rest)


def restore_database(snapshot):
    """Replace what serialized_rollback restored (the migrations' rows) with the demo database."""
    content_types, rest = snapshot
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(content_types)
    sync_process_caches()
    connection.creation.deserialize_db_from_string(rest)
    reset_sequences()
    sync_process_caches()


def reset_sequences():
    """Move PostgreSQL's id sequences past the rows just restored.

    flush resets every sequence to 1 and the rows come back with their own ids, so without this the next
    insert (the following test's own rows, or Django restoring the migrations' rows) reuses id 1 and fails.
    SQLite needs nothing: it takes the next id from the table itself.
    """
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture
def demo_urls(live_server, demo_snapshot):
    """The demo content in the database; returns {page name: absolute live-server URL}."""
    if "data" in demo_snapshot:
        restore_database(demo_snapshot["data"])
        return demo_snapshot["urls"]

    from home.models import HomePage
    from neighborhoods.models import NeighborhoodPage
    from news.models import NewsIndexPage, NewsPage

    sync_process_caches()
    call_command("load_demo", verbosity=0)

    home = HomePage.objects.live().first()
    assert home is not None, "load_demo made no live HomePage"
    neighborhood = NeighborhoodPage.objects.live().order_by("path").first()
    assert neighborhood is not None, "load_demo made no live NeighborhoodPage"
    news_page = NewsPage.objects.live().order_by("-date", "path").first()
    assert news_page is not None, "load_demo made no live NewsPage"
    listing = NewsIndexPage.objects.live().child_of(home).filter(slug="news").first()
    assert listing is not None, "load_demo made no portal-wide NewsIndexPage (slug 'news') under the home page"

    pages = {"home": home, "neighborhood": neighborhood, "news": news_page, "news-listing": listing}
    urls = {name: live_server.url + relative(page.get_url()) for name, page in pages.items()}
    demo_snapshot["data"] = snapshot_database()
    demo_snapshot["urls"] = urls
    sync_process_caches()
    return urls


def run_axe(page):
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.slice(0, 5).map(n => ({target: n.target, summary: n.failureSummary, html: n.html})),
                count: v.nodes.length,
            }));
        }""",
        AXE_TAGS,
    )
    return result


def format_violations(violations):
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}] ({v['count']} element(s)): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:3]:
            lines.append(f"    at {json.dumps(node['target'], ensure_ascii=False)}: {node['html'][:200]}")
            if node.get("summary"):
                lines.append("      " + node["summary"].replace("\n", "\n      ")[:600])
    return "\n".join(lines)


OVERFLOW_CULPRITS_JS = """(width) => {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > width + 1 || r.left < -1) {
            const id = el.id ? '#' + el.id : '';
            const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
            out.push(`${el.tagName.toLowerCase()}${id}${cls} left=${Math.round(r.left)} right=${Math.round(r.right)}`);
        }
        if (out.length >= 10) break;
    }
    return out;
}"""


def load_everything(page):
    """Load loading="lazy" images now, so that they are checked and appear in full-page screenshots.

    (Scrolling through the page is not reliable in headless Chromium: images scrolled past quickly stay deferred.)
    """
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.querySelectorAll('img[loading=\"lazy\"]').forEach(img => { img.loading = 'eager'; })")
    try:
        page.wait_for_function("() => [...document.images].every(img => img.complete)", timeout=10_000)
    except Exception:
        pending = page.evaluate(
            "() => [...document.images].filter(img => !img.complete).map(img => img.outerHTML.slice(0, 300))"
        )
        raise AssertionError(f"images still loading after 10 s: {pending}") from None
    page.wait_for_load_state("networkidle")


BROKEN_IMAGES_JS = """() => [...document.images]
    .filter(img => img.complete && img.naturalWidth === 0)
    .map(img => img.currentSrc || img.src || img.outerHTML.slice(0, 120))"""


def check_common(page, recorder, response, *, expect_status=200):
    """Problems shared by every page, as a list of messages (empty when all is well)."""
    problems = []
    if response is None or response.status != expect_status:
        problems.append(f"status {response.status if response else None}, expected {expect_status}")

    html = page.locator("html")
    lang, direction = html.get_attribute("lang"), html.get_attribute("dir")
    if lang != "fa" or direction != "rtl":
        problems.append(f'<html lang="{lang}" dir="{direction}">, expected lang="fa" dir="rtl"')

    broken = page.evaluate(BROKEN_IMAGES_JS)
    if broken:
        problems.append("images that did not load:\n  " + "\n  ".join(broken))

    if recorder.external_requests:
        problems.append("requests left the live server (aborted):\n  " + "\n  ".join(recorder.external_requests))

    failed = [f"{status} {url}" for status, url in recorder.failed_responses if url != response.url]
    if failed:
        problems.append("sub-resources failed:\n  " + "\n  ".join(failed))

    # The document itself answering 404 is expected on the 404 page; Chromium logs that as a console error too.
    console = [
        e for e in recorder.console_errors if not (expect_status != 200 and e["url"] == response.url)
    ]
    if console:
        problems.append(
            "console errors:\n  " + "\n  ".join(f"{e['text']} ({e['url']}:{e['line']})" for e in console)
        )
    if recorder.page_errors:
        problems.append("uncaught page errors:\n  " + "\n  ".join(recorder.page_errors))
    return problems


def check_phone_layout(page):
    problems = []
    viewport_meta = page.locator('meta[name="viewport"]')
    content = viewport_meta.first.get_attribute("content") if viewport_meta.count() else None
    if not content or "width=device-width" not in content.replace(" ", ""):
        problems.append(f'<meta name="viewport"> missing or without width=device-width (content={content!r})')
    metrics = page.evaluate("() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    phone_width = VIEWPORTS["phone"]["viewport"]["width"]
    if metrics["inner"] != phone_width:
        # A mobile browser widens the layout viewport (zooms out) when content is wider than the screen.
        problems.append(
            f"window.innerWidth is {metrics['inner']} on a {phone_width}px phone: content wider than the screen "
            "made the browser zoom out (or the viewport meta is wrong); elements beyond the screen:\n  "
            + "\n  ".join(page.evaluate(OVERFLOW_CULPRITS_JS, phone_width))
        )
    elif metrics["scroll"] > metrics["inner"] + 1:
        problems.append(
            f"horizontal scrolling on phone: scrollWidth {metrics['scroll']} > innerWidth {metrics['inner']}; "
            "elements outside the viewport:\n  " + "\n  ".join(page.evaluate(OVERFLOW_CULPRITS_JS, phone_width))
        )
    return problems


def check_font(page):
    """Vazirmatn (served from node_modules through static files) is actually in use."""
    families = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family);
        }"""
    )
    if not any("vazir" in family.lower() for family in families):
        return [f"Vazirmatn web font not loaded (loaded faces: {families})"]
    return []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", PAGES)
def test_public_page(name, viewport, demo_urls, open_page, screenshot_dir):
    page, recorder = open_page(viewport)
    response = page.goto(demo_urls[name], wait_until="load")
    load_everything(page)

    problems = check_common(page, recorder, response)
    if name in PAGES_WITH_DATES:
        text = page.locator("body").inner_text()
        if not JALALI_DATE.search(text):
            problems.append("no Jalali date with Persian digits (e.g. «۱۹ اسفند ۱۴۰۳») in the page text")
    if viewport == "phone":
        problems += check_phone_layout(page)
    problems += check_font(page)

    violations = run_axe(page)
    if violations:
        report = format_violations(violations)
        print(f"\naxe violations on {name} ({viewport}):\n{report}")
        problems.append("axe-core WCAG 2.1 A/AA violations:\n" + report)

    page.screenshot(path=str(screenshot_dir / f"{name}-{viewport}.png"), full_page=True)
    assert not problems, f"{name} ({viewport}) {demo_urls[name]}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewport", ["phone"])
def test_not_found_page_is_persian(viewport, demo_urls, live_server, open_page, screenshot_dir):
    page, recorder = open_page(viewport)
    response = page.goto(live_server.url + "/no-such-page-here/", wait_until="load")
    load_everything(page)

    problems = check_common(page, recorder, response, expect_status=404)
    text = page.locator("body").inner_text()
    if not re.search(r"[\u0600-\u06ff]{3,}", text):
        problems.append(f"404 page has no Persian text: {text[:200]!r}")
    problems += check_phone_layout(page)
    violations = run_axe(page)
    if violations:
        problems.append("axe-core WCAG 2.1 A/AA violations:\n" + format_violations(violations))
    page.screenshot(path=str(screenshot_dir / f"not-found-{viewport}.png"), full_page=True)
    assert not problems, "404 page:\n" + "\n".join(problems)
