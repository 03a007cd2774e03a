"""A news item's rich body in a real browser: composed by an office in the admin, read by a resident on a phone,
and light enough for a phone however much it carries.

1. Desktop: Bagh-e Khalaj's staff member opens a new news item under their neighbourhood's news in the (Persian,
   RTL) admin, types the title and the lead, and builds the body with the block picker: a paragraph, a gallery
   of two pictures chosen from their neighbourhood's collection, a PDF chosen from it, and an Aparat video with
   its transcript; then publishes it. The page is live, its body holds exactly those blocks, and a resident on a
   phone reads it as in 2.
2. Phone: a resident opens the news item. Nothing is asked of aparat.com while the page loads, however far it
   is read; a tapped thumbnail opens the picture full screen with «تصویر ۱ از N», the buttons, the arrow keys
   (RTL: the left arrow is the next picture) and a swipe go through the pictures, Escape closes it and gives
   focus back to the thumbnail of the picture last seen; pressing play puts Aparat's player in the page, and only
   then is aparat.com asked for anything (answered here by a stub, so nothing leaves the machine).
3. Phone: a heavy news item built in code (a cover, a gallery of 20 pictures of 1280×720, three PDFs, an Aparat
   video with its still, paragraphs) costs at most 300 KB before the reader scrolls or taps, does not move while
   it loads (cumulative layout shift 0), and axe-core finds nothing.

Run alone with: .venv/bin/python -m pytest -q -p no:cacheprovider -m browser tests/browser/test_rich_content.py
Screenshots land in test-artifacts/screenshots/rich-*.png.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from portal.digits import to_persian_digits

from .test_front_polish import CLS_INIT, SLOW_NETWORK
from .test_participation_flow import axe_problems, log_in, page_problems, submit, type_into
from .test_public_pages import check_phone_layout, demo_snapshot, demo_urls, load_everything, relative  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEIGHBORHOOD = "bagh-khalaj"
STAFF = f"staff-{NEIGHBORHOOD}"

# --- 1. what the staff member writes ----------------------------------------------------------------------
TITLE = "بوستان کوچه یاس با دست همسایه‌ها رنگ تازه گرفت"
LEAD = "جوانان محله در دو روز نیمکت‌ها و نرده‌های بوستان را رنگ کردند و دفتر تسهیلگری هزینه‌ها را منتشر کرد."
PARAGRAPH = "از صبح جمعه بیست نفر از جوانان محله با رنگ و قلم‌مو به بوستان آمدند."
GALLERY_TITLE = "دو روز رنگ‌آمیزی بوستان"
# (the image's title in the collection, its seed, the text that stands for it)
PICTURES = [
    ("نیمکت‌های رنگ‌شده بوستان یاس", "rich/bench", "نیمکت‌های سبز تازه‌رنگ کنار حوض بوستان"),
    ("نرده‌های بوستان یاس پس از رنگ‌آمیزی", "rich/fence", "نرده‌های آبی بوستان زیر آفتاب عصر"),
]
DOCUMENT = ("گزارش هزینه‌های رنگ‌آمیزی بوستان", "park-paint-costs")
VIDEO_TITLE = "گزارش تصویری رنگ‌آمیزی بوستان"
APARAT_URL = "https://www.aparat.com/v/abc12"
APARAT_PLAYER = "https://www.aparat.com/video/video/embed/videohash/abc12/vt/frame"
TRANSCRIPT = "جوانان محله نیمکت‌ها را سمباده می‌زنند و رنگ می‌کنند؛ رئیس شورا از همسایه‌ها تشکر می‌کند."

# --- 3. the heavy page ------------------------------------------------------------------------------------
HEAVY_PICTURES = 20
HEAVY_DOCUMENTS = 3
FIRST_LOAD_BUDGET = 300 * 1024

APARAT_HOSTS = {"aparat.com", "www.aparat.com"}
# What the stub answers for Aparat's player: enough for a frame to show something, nothing from the network.
APARAT_STUB = "<!doctype html><html lang=fa><meta charset=utf-8><title>آپارات</title><p>پخش‌کننده آزمایشی</p></html>"


def is_aparat(url):
    return urlsplit(url).hostname in APARAT_HOSTS


def label(text):
    """A field's label with or without the required mark that Wagtail adds to it."""
    return re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$")


def fa(number):
    return to_persian_digits(str(number))


def position_text(index, total):
    return f"تصویر {fa(index + 1)} از {fa(total)}"


def bagh_khalaj():
    from neighborhoods.models import NeighborhoodPage
    from neighborhoods.permissions import own_collection
    from news.models import NewsIndexPage

    neighborhood = NeighborhoodPage.objects.get(slug=NEIGHBORHOOD, locale__language_code="fa")
    return neighborhood, NewsIndexPage.objects.child_of(neighborhood).get(), own_collection(neighborhood)


# --- the admin's StreamField, as a person works it ---------------------------------------------------------


def modal(page):
    """Wagtail's chooser modal while it is open."""
    return page.locator(".modal.in[role=dialog]")


def add_block(page, kind):
    """Press the last «+» of the body (after its last block), pick ``kind`` by its Persian name; return the
    new block."""
    stream = page.locator("#body-root > [data-streamfield-stream-container]")
    blocks = stream.locator(":scope > [data-streamfield-child]")
    before = blocks.count()
    stream.locator(":scope > div:not([data-streamfield-child])").last.get_by_role("button", name="افزودن بلوک").click()
    page.get_by_role("option", name=kind, exact=True).click()
    expect(blocks).to_have_count(before + 1, timeout=5_000)
    return blocks.last


def choose(page, field, button_name, title):
    """Open a chooser from ``field``, pick the item called ``title`` among those it offers, and wait for the
    field to show it."""
    field.get_by_role("button", name=button_name).click()
    chooser = modal(page)
    chooser.wait_for(timeout=10_000)
    offered = chooser.locator("#search-results a[data-chooser-modal-choice]")
    choice = offered.filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))
    try:
        choice.first.wait_for(timeout=5_000)
    except PlaywrightTimeoutError:
        names = [a.inner_text().strip() for a in offered.all()] or chooser.locator("#search-results").inner_text().strip()
        raise AssertionError(f"the chooser does not offer «{title}» to {STAFF}; it offers: {names}") from None
    choice.first.click()
    chooser.wait_for(state="hidden", timeout=10_000)
    expect(field.locator("[data-chooser-title]")).to_have_text(title)


def open_panel(block):
    toggle = block.locator("[data-panel-toggle]").first
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def forget_editing_session_pings(recorder):
    """Drop what went wrong with Wagtail's editing-session heartbeat.

    The heartbeat is posted every few seconds beside autosave; the test database (SQLite in memory, shared
    between the live server's threads) refuses one of two overlapping writers with «database table is locked»,
    which the portal answers 503. Nothing the staff member does depends on it.
    """
    ping = "/admin/editing-sessions/"
    recorder.console_errors = [e for e in recorder.console_errors if ping not in e["url"] and ping not in e["text"]]
    recorder.failed_responses = [(status, url) for status, url in recorder.failed_responses if ping not in url]


def form_errors(page):
    texts = [t.strip() for t in page.locator(".w-field__errors, .messages .error, .help-critical").all_inner_texts()]
    return [t for t in texts if t]


# --- what the resident does --------------------------------------------------------------------------------


def stub_aparat(page):
    """Aparat answered by a stub: the test sees each request the page makes there, and nothing leaves."""
    for pattern in ("**/aparat.com/**", "**/www.aparat.com/**"):
        page.context.route(pattern, lambda route: route.fulfill(status=200, body=APARAT_STUB, content_type="text/html; charset=utf-8"))


def swipe(page, locator, dx):
    """A finger drawn ``dx`` pixels across ``locator`` (a touch, not a mouse: the page listens to pointers)."""
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2 - dx / 2, box["y"] + box["height"] / 2
    session = page.context.new_cdp_session(page)
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 6):
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x + dx * step / 5, "y": y}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


def shown_picture(page, dialog):
    """The lightbox's picture once it has arrived: (alt, the URL drawn)."""
    picture = dialog.locator(".lightbox__stage img")
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle(), timeout=10_000)
    return picture.get_attribute("alt"), picture.evaluate("(img) => img.currentSrc")


def read_on_a_phone(open_page, url, alts, screenshot_path):
    """The resident's visit (2. above); returns the problems seen, as messages."""
    page, recorder = open_page("phone")
    stub_aparat(page)
    response = page.goto(url, wait_until="load")
    assert response.status == 200, f"{url} answered {response.status}"
    problems = check_phone_layout(page)
    problems += axe_problems(page, "the news item")
    # Read to the end: every lazy picture fetched, the video's still in sight.
    load_everything(page)
    page.locator("[data-video-play]").scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    early = [u for u in recorder.requests if is_aparat(u)]
    assert not early, f"aparat.com asked before play was pressed: {early}"

    # The gallery: a tapped thumbnail opens its picture full screen.
    total = len(alts)
    thumbs = page.locator("[data-gallery] [data-gallery-item]")
    expect(thumbs).to_have_count(total)
    thumbs.first.scroll_into_view_if_needed()
    thumbs.first.tap()
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    assert dialog.evaluate("(d) => d.open && d.matches(':modal')"), "the lightbox is not a modal dialog"
    position = dialog.locator(".lightbox__position")
    expect(position).to_have_text(position_text(0, total))
    alt, drawn = shown_picture(page, dialog)
    full = thumbs.first.get_attribute("href")
    srcset = thumbs.first.get_attribute("data-srcset") or ""
    assert alt == alts[0], f"the first picture is drawn with alt {alt!r}"
    assert relative(drawn) in {relative(full), *(relative(part.split()[0]) for part in srcset.split(",") if part.strip())}, (
        f"the lightbox draws {drawn}, not the first picture's full-screen rendition ({full})"
    )
    page.screenshot(path=screenshot_path.replace(".png", "-lightbox.png"))
    problems += axe_problems(page, "the news item with its picture open full screen")

    dialog.get_by_role("button", name="تصویر بعدی").tap()
    expect(position).to_have_text(position_text(1, total))
    assert shown_picture(page, dialog)[0] == alts[1]
    # Right to left: the right arrow goes back, the left one forward.
    page.keyboard.press("ArrowRight")
    expect(position).to_have_text(position_text(0, total))
    page.keyboard.press("ArrowLeft")
    expect(position).to_have_text(position_text(1, total))
    # A finger drawn towards the start of the line (rightwards in Persian) brings the next picture.
    swipe(page, dialog.locator(".lightbox__stage"), 200)
    current = 2 % total
    expect(position).to_have_text(position_text(current, total))
    assert shown_picture(page, dialog)[0] == alts[current]

    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert thumbs.nth(current).evaluate("(a) => document.activeElement === a"), (
        "after Escape the focus is not on the thumbnail of the picture last seen: "
        + page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    )

    # The video: Aparat is asked for its player only once play is pressed.
    asked_before = len(recorder.requests)
    play = page.locator("[data-video-play]")
    assert not page.locator(".video__frame iframe").count()
    with page.expect_request(lambda request: is_aparat(request.url), timeout=10_000):
        play.tap()
    frame = page.locator(".video__frame iframe")
    expect(frame).to_have_attribute("src", APARAT_PLAYER)
    expect(page.frame_locator(".video__frame iframe").locator("body")).to_contain_text("پخش‌کننده آزمایشی")
    assert not [u for u in recorder.requests[:asked_before] if is_aparat(u)]
    assert [u for u in recorder.requests[asked_before:] if is_aparat(u)] == [APARAT_PLAYER]
    page.screenshot(path=screenshot_path, full_page=True)

    # Aparat's answers came from the stub; anything else from outside is a problem.
    recorder.external_requests = [u for u in recorder.external_requests if not is_aparat(u)]
    problems += page_problems(recorder)
    return problems


# --- 1 and 2 ------------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo_urls")
def test_staff_compose_a_news_item_with_a_gallery_a_document_and_a_video_and_a_resident_reads_it(
    live_server, open_page, screenshot_dir
):
    from django.contrib.auth import get_user_model

    from demo.documents import demo_document
    from demo.images import demo_image
    from news.models import NewsPage

    neighborhood, index, collection = bagh_khalaj()
    images = [demo_image(title, seed, collection) for title, seed, _ in PICTURES]
    document = demo_document(DOCUMENT[0], DOCUMENT[1], "pdf", collection)
    staff = get_user_model().objects.get(username=STAFF)

    desk, recorder = open_page("desktop")
    log_in(desk, live_server, STAFF)
    add_url = f"{live_server.url}/admin/pages/add/news/newspage/{index.pk}/"
    response = desk.goto(add_url, wait_until="load")
    assert response.status == 200, f"the new-news screen answered {response.status}"
    html = desk.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl"), "the admin is not Persian, RTL"

    type_into(desk.locator("#id_title"), TITLE)
    desk.locator("#id_lead").fill(LEAD)

    paragraph = add_block(desk, "متن")
    type_into(paragraph.get_by_role("textbox"), PARAGRAPH)

    gallery = add_block(desk, "گالری تصویر")
    gallery.get_by_label(label("عنوان گالری")).fill(GALLERY_TITLE)
    items = gallery.locator("[data-contentpath=images] [data-streamfield-list-container] > [data-streamfield-child]")
    for number, (title, _, alt) in enumerate(PICTURES):
        if number >= items.count():
            gallery.locator("[data-streamfield-list-add]").last.click()
            expect(items).to_have_count(number + 1)
        item = items.nth(number)
        open_panel(item)
        choose(desk, item.locator("[data-contentpath=image]"), "تصویر را انتخاب کنید", title)
        item.get_by_label(label("متن جایگزین")).fill(alt)

    video = add_block(desk, "ویدیو")
    video.get_by_label(label("عنوان ویدیو")).fill(VIDEO_TITLE)
    video.get_by_label(label("نشانی ویدیو در آپارات")).fill(APARAT_URL)
    video.get_by_label(label("شرح متنی ویدیو")).fill(TRANSCRIPT)

    attachment = add_block(desk, "سند (PDF یا Word)")
    choose(desk, attachment.locator("[data-contentpath=document]"), "یک سند انتخاب کنید", DOCUMENT[0])
    desk.screenshot(path=str(screenshot_dir / "rich-admin-compose-desktop.png"), full_page=True)

    # Every block is now filled in: the draft autosaved until now was refused as incomplete («paused»); this one
    # is accepted, and publishing does not race it.
    expect(desk.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved", timeout=10_000)
    desk.get_by_role("button", name="اعمال بیشتر").click()
    submit(desk, desk.get_by_role("button", name="انتشار", exact=True))
    assert desk.url.rstrip("/").endswith(f"/admin/pages/{index.pk}"), f"not published: {desk.url} {form_errors(desk)}"

    news = NewsPage.objects.child_of(index).get(title=TITLE)
    assert news.live and not news.has_unpublished_changes
    assert news.owner == staff and news.neighborhood_id == neighborhood.pk and news.lead == LEAD
    assert [block.block_type for block in news.body] == ["paragraph", "gallery", "video", "document"]
    assert PARAGRAPH in news.body[0].value.source
    pictures = news.body[1].value
    assert pictures["title"] == GALLERY_TITLE
    assert [(p["image"].pk, p["alt"]) for p in pictures["images"]] == [(i.pk, a) for i, (_, _, a) in zip(images, PICTURES)]
    clip = news.body[2].value
    assert (clip["title"], clip["aparat_url"], clip["transcript"], clip["file"]) == (VIDEO_TITLE, APARAT_URL, TRANSCRIPT, None)
    assert news.body[3].value["document"].pk == document.pk

    # Autosave posts the form while it is still incomplete, and is answered 400, first on the new page's screen,
    # then on its edit screen once a draft has been saved.
    forget_editing_session_pings(recorder)
    problems = page_problems(recorder, expected_error_urls=[add_url, f"{live_server.url}/admin/pages/{news.pk}/edit/"])

    url = live_server.url + relative(news.get_url())
    problems += read_on_a_phone(
        open_page, url, [alt for _, _, alt in PICTURES], str(screenshot_dir / "rich-news-phone.png")
    )
    assert not problems, "\n\n".join(problems)


# --- 2, on a news item built in code ------------------------------------------------------------------------


def publish_news(index, title, slug, lead, body, image=None):
    from news.models import NewsPage

    news = NewsPage(title=title, slug=slug, lead=lead, body=body, image=image)
    index.add_child(instance=news)
    news.save_revision().publish()
    return news


@pytest.mark.usefixtures("demo_urls")
def test_a_resident_opens_the_gallery_and_plays_the_video_on_a_phone(live_server, open_page, screenshot_dir):
    from content import build
    from demo.documents import demo_document
    from demo.images import demo_image

    _, index, collection = bagh_khalaj()
    alts = [f"روز رنگ‌آمیزی بوستان، تصویر {fa(number)}" for number in range(1, 4)]
    images = [demo_image(f"رنگ‌آمیزی بوستان {fa(number)}", f"rich/read/{number}", collection) for number in range(1, 4)]
    document = demo_document(DOCUMENT[0], DOCUMENT[1], "pdf", collection)
    news = publish_news(
        index,
        "رنگ‌آمیزی بوستان در سه تصویر",
        "park-paint-three-pictures",
        LEAD,
        [
            build.paragraph(f"<p>{PARAGRAPH}</p>"),
            build.gallery(GALLERY_TITLE, [(image, alt, "") for image, alt in zip(images, alts)]),
            build.document(document),
            build.video(VIDEO_TITLE, TRANSCRIPT, aparat_url=APARAT_URL, poster=images[0]),
        ],
    )
    problems = read_on_a_phone(
        open_page, live_server.url + relative(news.get_url()), alts, str(screenshot_dir / "rich-read-phone.png")
    )
    assert not problems, "\n\n".join(problems)


# --- 3. the heavy page --------------------------------------------------------------------------------------


def heavy_news():
    from content import build
    from demo.documents import demo_document
    from demo.images import demo_image

    _, index, collection = bagh_khalaj()
    pictures = [
        (demo_image(f"کارگاه نقاشی دیواری، عکس {fa(number)}", f"rich/heavy/{number}", collection), f"دیوار کوچه یاس، بخش {fa(number)}", f"روز {fa(number)} کارگاه")
        for number in range(1, HEAVY_PICTURES + 1)
    ]
    documents = [
        demo_document(f"گزارش کارگاه نقاشی دیواری، بخش {fa(number)}", f"mural-report-{number}", "pdf", collection, pages=3)
        for number in range(1, HEAVY_DOCUMENTS + 1)
    ]
    cover = demo_image("دیوار نقاشی‌شده کوچه یاس", "rich/heavy/cover", collection)
    poster = demo_image("پیش‌نمایش ویدیوی کارگاه نقاشی", "rich/heavy/poster", collection)
    paragraph = "<p>" + " ".join(["نوجوانان محله در بیست روز دیوار خاکستری کوچه یاس را به باغی از رنگ بدل کردند."] * 4) + "</p>"
    body = [
        build.paragraph(paragraph),
        build.gallery("بیست روز نقاشی دیواری", pictures),
        build.paragraph(paragraph),
        *[build.document(document) for document in documents],
        build.video("گزارش ویدیویی کارگاه", TRANSCRIPT, aparat_url=APARAT_URL, poster=poster),
        build.paragraph(paragraph),
    ]
    return publish_news(
        index,
        "دیوار کوچه یاس در بیست روز رنگی شد",
        "mural-twenty-days",
        "دفتر تسهیلگری گزارش کارگاه نقاشی دیواری را با عکس‌های هر روز، سه گزارش و یک ویدیو منتشر کرد.",
        body,
        image=cover,
    )


@pytest.mark.usefixtures("demo_urls")
def test_a_heavy_news_item_costs_a_phone_little_and_stays_put(live_server, open_page, screenshot_dir):
    news = heavy_news()
    url = live_server.url + relative(news.get_url())

    page, recorder = open_page("phone")
    stub_aparat(page)
    page.context.add_init_script(CLS_INIT)
    # What crossed the line for each request, as Chromium counts it (headers and compressed body).
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    urls, transferred = {}, {}
    session.on("Network.requestWillBeSent", lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]))
    session.on("Network.loadingFinished", lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]))
    session.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    response = page.goto(url, wait_until="networkidle", timeout=60_000)
    assert response.status == 200
    page.wait_for_timeout(300)

    problems = []
    counted = sorted(((size, urls.get(request_id, request_id)) for request_id, size in transferred.items()), reverse=True)
    total = sum(size for size, _ in counted)
    if total > FIRST_LOAD_BUDGET:
        problems.append(
            f"the first load transferred {total / 1024:.0f} KB (at most {FIRST_LOAD_BUDGET // 1024} KB) in "
            f"{len(counted)} responses; the heaviest:\n  " + "\n  ".join(f"{size:>8} {relative(u)}" for size, u in counted[:15])
        )
    # Nothing a reader has not asked for: no document, no picture opened full screen, nothing from Aparat.
    full_screen = set()
    for link in page.locator("[data-gallery-item]").all():
        full_screen.add(relative(link.evaluate("(a) => a.href")))
        full_screen.update(relative(part.split()[0]) for part in (link.get_attribute("data-srcset") or "").split(",") if part.strip())
    unasked = [u for _, u in counted if is_aparat(u) or "/documents/" in u or relative(u) in full_screen]
    if unasked:
        problems.append("fetched before the reader asked:\n  " + "\n  ".join(unasked))

    shifts = page.evaluate("window.__layoutShifts")
    if shifts:
        problems.append(f"cumulative layout shift {sum(s['value'] for s in shifts):.4f}, expected 0: {shifts[:5]}")
    problems += check_phone_layout(page)
    problems += axe_problems(page, "the heavy news item")
    page.screenshot(path=str(screenshot_dir / "rich-heavy-phone.png"))
    problems += page_problems(recorder)
    print(f"\nthe heavy news item's first load: {total / 1024:.0f} KB in {len(counted)} responses")
    assert not problems, "\n\n".join(problems)
