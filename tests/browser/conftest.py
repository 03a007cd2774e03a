"""Browser tests: Debian's Chromium driven by Playwright's sync API, against pytest-django's live server.

Nothing here downloads a browser or talks to the network: Chromium is the system package (/usr/bin/chromium),
axe-core comes from node_modules, and every request that leaves the live server is aborted and reported.
"""

import mimetypes
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

# Playwright's sync API keeps an event loop running in the main thread; Django refuses ORM calls while one runs
# unless told that this is intended. The tests only touch the ORM between browser actions, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about"}

VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {
        "viewport": {"width": 1280, "height": 800},
        "device_scale_factor": 1,
        "is_mobile": False,
        "has_touch": False,
    },
}


def is_media_url(url):
    from django.conf import settings

    return is_local_url(url) and urlsplit(url).path.startswith(settings.MEDIA_URL)


def serve_media(route, request):
    """Answer /media/… from Django's default storage.

    The live server serves static files but not media (in production nginx or object storage does), and the test
    settings keep uploads in an InMemoryStorage that only this process can read. The live server runs in this
    process, so the browser gets exactly the originals and renditions the page rendered, or a 404 when a page
    points at a file that was never stored.
    """
    from django.conf import settings
    from django.core.files.storage import default_storage

    name = unquote(urlsplit(request.url).path)[len(settings.MEDIA_URL) :]
    try:
        with default_storage.open(name) as handle:
            body = handle.read()
    except (FileNotFoundError, OSError):
        route.fulfill(status=404, body="not found", content_type="text/plain")
        return
    route.fulfill(
        status=200, body=body, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream"
    )


def is_local_url(url):
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.hostname in LOCAL_HOSTS


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless system Chromium for the whole session (never Playwright's downloaded browsers)."""
    if not (shutil.which(CHROMIUM_PATH) or Path(CHROMIUM_PATH).exists()):
        pytest.fail(
            f"{CHROMIUM_PATH} not found: install Debian's chromium (apt-get install -y chromium)", pytrace=False
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageRecorder:
    """Everything a page did that a test may want to assert on."""

    def __init__(self):
        self.requests = []
        self.external_requests = []
        self.console_errors = []
        self.page_errors = []
        self.failed_responses = []

    def attach(self, page):
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("response", self._on_response)

    def _on_request(self, request):
        self.requests.append(request.url)
        if not is_local_url(request.url):
            self.external_requests.append(request.url)

    def _on_console(self, message):
        if message.type == "error":
            location = message.location or {}
            self.console_errors.append(
                {"text": message.text, "url": location.get("url", ""), "line": location.get("lineNumber")}
            )

    def _on_response(self, response):
        if response.status >= 400:
            self.failed_responses.append((response.status, response.url))


@pytest.fixture
def open_page(chromium_browser):
    """Factory: open_page(viewport_name) -> (page, recorder). Contexts are closed after the test."""
    contexts = []

    def _open(viewport_name):
        context = chromium_browser.new_context(
            locale="fa-IR",
            timezone_id="Asia/Tehran",
            service_workers="block",
            **VIEWPORTS[viewport_name],
        )
        contexts.append(context)
        # Hermetic: anything not served by the live server is aborted (and the recorder still fails the test).
        context.route(lambda url: not is_local_url(url), lambda route: route.abort("blockedbyclient"))
        context.route(is_media_url, serve_media)
        # axe-core from node_modules, offline. An init script is injected through the DevTools protocol, so a
        # Content-Security-Policy on our pages (django-csp) cannot block it the way it blocks an inline <script>
        # added by page.add_script_tag; it only defines window.axe and touches nothing else.
        context.add_init_script(path=str(AXE_PATH))
        page = context.new_page()
        page.set_default_timeout(15_000)
        recorder = PageRecorder()
        recorder.attach(page)
        return page, recorder

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
