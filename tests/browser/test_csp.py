"""The Content-Security-Policy that public pages are served with is one they satisfy: Chromium reports no
violation (`securitypolicyviolation` events, console errors) on the main page types, the form page with its
Jalali picker and map field, the tracking page and the error page.
"""

import pytest

from .test_public_pages import demo_snapshot, demo_urls, relative  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Installed before any of the page's own scripts run, so every violation on the page is caught.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
        + ` at ${event.sourceFile || ''}:${event.lineNumber || ''}`);
});
"""


@pytest.fixture
def csp_urls(demo_urls, live_server):  # noqa: F811
    from forms.models import ParticipationFormPage
    from programmes.models import ProgramCalendarPage, ProgramPage

    form = ParticipationFormPage.objects.live().order_by("path").first()
    assert form is not None, "load_demo made no live participation form"
    programme = ProgramPage.objects.live().order_by("path").first()
    return {
        **demo_urls,
        "form": live_server.url + relative(form.get_url()),
        "programme": live_server.url + relative(programme.get_url()),
        "calendar": live_server.url + relative(ProgramCalendarPage.objects.live().get().get_url()),
        "track": live_server.url + "/track/",
        "not-found": live_server.url + "/no-such-page-here/",
    }


@pytest.mark.parametrize("name", ["home", "neighborhood", "news", "news-listing", "form", "programme", "calendar", "track", "not-found"])
def test_public_pages_satisfy_their_content_security_policy(name, csp_urls, open_page):
    page, recorder = open_page("phone")
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(csp_urls[name], wait_until="load")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, policy
    page.wait_for_load_state("networkidle")
    if name == "home":
        # The map of offices loads Leaflet and its clusters, and fetches offices/ (connect-src 'self'), when asked.
        page.locator("[data-offices-map]").click()
        page.wait_for_selector("#offices-map[data-markers]", timeout=10_000)
    if name == "form":
        # Open the Jalali picker, which builds its calendar in script, so its styling is exercised too.
        date_input = page.locator("input[data-jdp]").first
        if date_input.count():
            date_input.click()
            page.wait_for_timeout(300)
    violations = page.evaluate("() => window.__cspViolations")
    csp_console = [e["text"] for e in recorder.console_errors if "Content Security Policy" in e["text"]]
    assert violations == [] and csp_console == [], (violations, csp_console)
