"""Bodies built from blocks: what each block shows a reader, what staff may put in one, what it costs, and
who sees what (previews, invitations, caches)."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content import build, limits
from content.blocks import BodyBlock
from content.blocks.media import DocumentBlock, GalleryBlock, VideoBlock
from content.models import ContentPage
from content.pictures import formats
from content.video import aparat_id
from demo.documents import demo_document
from news.models import NewsPage
from programmes.seats import Signup, register

from .conftest import add_news, add_program, make_image

pytestmark = pytest.mark.django_db
APARAT = "https://www.aparat.com/v/Xk9p2"


def pictures(count, prefix="عکس"):
    return [make_image(title=f"{prefix} {number}", color=(number * 10 % 255, 93, 75)) for number in range(count)]


def rich_news(index, *, images=3, documents=1, invitation=None, slug="rich"):
    shots = pictures(images + 1)
    docs = [demo_document(f"گزارش {number}", f"report-{slug}-{number}") for number in range(documents)]
    body = [
        build.paragraph("<p>صبح روز درختکاری اهالی جمع شدند.</p>"),
        build.picture(shots[0], "اهالی در حاشیه خیابان", "بیش از شصت نفر آمدند"),
        build.gallery("روز درختکاری", [(image, f"نهال شماره {n}", f"زیرنویس {n}") for n, image in enumerate(shots[1:])]),
        *[build.document(doc) for doc in docs],
        build.video("گزارش تصویری", "اهالی نهال می‌کارند و از کار خود می‌گویند.", aparat_url=APARAT, poster=shots[0]),
        build.quote("هر خانواده نگهداری نهال خود را پذیرفت.", "رئیس شورای محله"),
        build.date_note("آخرین روز ثبت‌نام", datetime.date(2026, 12, 20)),
        build.table("سه کار نخست شورا", ["کار", "پیگیری"], [["لایروبی جوی‌ها", "کمیته عمران"], ["روشنایی", "شهرداری"]]),
    ]
    if invitation is not None:
        body.append(build.invitation(invitation, "برای دوره خیاطی ثبت‌نام کنید"))
    [news] = add_news(index, 1)
    news.slug = slug
    news.body = body
    news.save_revision().publish()
    return NewsPage.objects.get(pk=news.pk)


def outside_templates(html):
    """The page as a reader's browser first shows it: <template> contents are inert until a script uses them."""
    return re.sub(r"<template>.*?</template>", "", html, flags=re.S)


# --- what a reader sees ------------------------------------------------------------------------------


def test_every_block_reads_in_persian_with_its_pictures_sized_and_nothing_from_aparat(tree, client):
    programme = add_program(tree.bagh)
    news = rich_news(tree.bagh.news_index_page, invitation=programme)
    html = client.get(news.url).content.decode()

    # Pictures: the text that stands for them, width and height (nothing shifts), lazy, modern formats first.
    assert 'alt="اهالی در حاشیه خیابان"' in html and "<figcaption>بیش از شصت نفر آمدند</figcaption>" in html
    first = re.search(r"<img [^>]*alt=\"اهالی در حاشیه خیابان\"[^>]*>", html).group(0)
    assert 'width="320"' in first and 'height="' in first and 'loading="lazy"' in first
    for fmt in formats()[:-1]:
        assert f'type="image/{fmt}"' in html
    # The fallback every browser reads (the storage suffixes the name when an earlier test left a test.jpg).
    assert re.search(r'src="/media/images/test(_[A-Za-z0-9]+)?\.width-480\.format-jpeg\.jpg"', first)
    # The gallery: its count in Persian digits, thumbnails that link to the full picture.
    assert "روز درختکاری" in html and "(۳ تصویر)" in html
    assert len(re.findall(r"data-gallery-item", html)) == 3 and "max-1600x1600.format-webp" in html
    # The document: its kind and size.
    assert "گزارش 0" in html and re.search(r"PDF، [۰-۹]+ کیلوبایت", html)
    # The video: a still and a play link; Aparat's player only inside an inert <template>.
    visible = outside_templates(html)
    assert "<iframe" not in visible and "aparat.com/video/video/embed/videohash/Xk9p2" in html
    assert f'href="{APARAT}"' in visible and "شرح متنی ویدیو" in visible
    # Quote, a date that is content (Jalali, Persian digits), a table with its caption and headers.
    assert "<figcaption>رئیس شورای محله</figcaption>" in html
    assert '<time datetime="2026-12-20">۲۹ آذر ۱۴۰۵</time>' in html
    assert "<caption>سه کار نخست شورا</caption>" in html and '<th scope="col">پیگیری</th>' in html
    # The invitation with the programme's state now.
    assert "برای دوره خیاطی ثبت‌نام کنید" in html and "ثبت‌نام باز است" in html
    assert f'href="{programme.url}#signup"' in html


def test_a_body_written_as_rich_text_reads_as_it_did(tree, client):
    """Text from before bodies were streams (old revisions, rich text set in code) is one paragraph."""
    [news] = add_news(tree.bagh.news_index_page, 1)
    assert [block.block_type for block in news.body] == ["paragraph"]
    assert '<div class="prose"><p>متن خبر.</p></div>' in client.get(news.url).content.decode()


def test_the_invitation_follows_the_programme_it_points_at_through_the_caches(tree, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    programme = add_program(tree.bagh, capacity=1, waitlist_capacity=0)
    news = rich_news(tree.bagh.news_index_page, images=1, documents=0, invitation=programme)
    assert "ثبت‌نام باز است" in client.get(news.url).content.decode()
    assert "ثبت‌نام باز است" in client.get(news.url).content.decode()  # from the cache

    register(programme, Signup(name="زهرا محمدی", mobile="09120000001"))
    html = client.get(news.url).content.decode()
    assert "ظرفیت تکمیل" in html and "ثبت‌نام باز است" not in html
    assert f'href="{programme.url}"' in html  # no longer to the sign-up form: nothing to sign up for
    cache.clear()


def test_an_invitation_to_a_page_readers_may_not_see_is_left_out(tree, client):
    hidden = add_program(tree.bagh, slug="hidden", title="برنامه پنهان")
    draft = add_program(tree.bagh, slug="draft", title="برنامه پیش‌نویس", publish=False, live=False)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    news = rich_news(tree.bagh.news_index_page, images=1, documents=0, invitation=hidden)
    news.body = [*news.body.raw_data, build.invitation(draft)]
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert "برنامه پنهان" not in html and "برنامه پیش‌نویس" not in html and "invitation" not in html


# --- what staff may put in a body --------------------------------------------------------------------


def message_of(error):
    return " ".join(str(part) for part in getattr(error, "messages", [error]))


def test_a_gallery_holds_two_to_thirty_pictures(db):
    shots = pictures(1)
    block = GalleryBlock()
    for count in (1, limits.GALLERY_MAX_IMAGES + 1):
        value = block.to_python({"title": "", "images": [{"type": "item", "id": str(n), "value": {"image": shots[0].pk, "alt": "نهال", "caption": ""}} for n in range(count)]})
        with pytest.raises(ValidationError) as refused:
            block.clean(value)
        assert "یک گالری ۲ تا ۳۰ تصویر دارد" in str(refused.value.block_errors["images"])


def test_documents_are_pdf_or_word_and_light(db, settings):
    block = DocumentBlock()
    assert block.clean(block.to_python({"document": demo_document("صورت‌جلسه", "minutes", "docx").pk, "title": ""}))
    sheet = demo_document("جدول", "sheet", "pdf")
    sheet.file.name = sheet.file.name.replace(".pdf", ".xlsx")
    sheet.save()
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"document": sheet.pk, "title": ""}))
    assert "فقط سند PDF یا Word" in str(refused.value.block_errors["document"])
    settings.CONTENT_DOCUMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"document": demo_document("گزارش", "big").pk, "title": ""}))
    assert "این سند بیش از ۱ کیلوبایت است؛ نسخه‌ای سبک‌تر بارگذاری کنید." in refused.value.block_errors["document"].messages


@pytest.mark.parametrize(
    ("url", "file", "field", "message"),
    [
        ("", False, "aparat_url", "یکی از این دو"),
        (APARAT, True, "aparat_url", "یکی از این دو"),
        ("https://www.youtube.com/watch?v=abc", False, "aparat_url", "ویدیوی آپارات نیست"),
    ],
)
def test_a_video_is_aparat_or_our_own_file_never_both(db, url, file, field, message):
    block = VideoBlock()
    video = demo_document("ویدیو", "clip") if file else None
    value = block.to_python({"title": "گزارش", "aparat_url": url, "file": video.pk if video else None, "transcript": "شرح"})
    with pytest.raises(ValidationError) as refused:
        block.clean(value)
    assert message in str(refused.value.block_errors[field])


def test_an_uploaded_video_must_be_mp4_or_webm_with_webvtt_captions(db):
    block = VideoBlock()
    clip = demo_document("ویدیو", "clip")  # a PDF is no video
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"title": "گزارش", "file": clip.pk, "transcript": "شرح"}))
    assert "MP4 یا WebM" in str(refused.value.block_errors["file"])
    clip.file.name = clip.file.name.replace(".pdf", ".mp4")
    clip.save()
    captions = demo_document("زیرنویس", "captions")
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"title": "گزارش", "file": clip.pk, "captions": captions.pk, "transcript": "شرح"}))
    assert "WebVTT" in str(refused.value.block_errors["captions"])


def test_a_body_holds_at_most_three_galleries(db):
    shots = pictures(2)
    gallery = build.gallery("", [(image, "نهال", "") for image in shots])
    block = BodyBlock()
    block.clean(block.to_python([gallery] * limits.GALLERIES_PER_BODY))
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python([gallery] * (limits.GALLERIES_PER_BODY + 1)))
    assert "بیش از ۳ گالری" in " ".join(message_of(error) for error in refused.value.non_block_errors)


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("https://www.aparat.com/v/Xk9p2", "Xk9p2"),
        ("https://aparat.com/v/Xk9p2/%D8%B1%D9%88%D8%B2", "Xk9p2"),
        ("https://www.aparat.com/video/video/embed/videohash/Xk9p2/vt/frame", "Xk9p2"),
        ("https://www.aparat.com.evil.example/v/Xk9p2", None),
        ("javascript:alert(1)//aparat.com/v/Xk9p2", None),
        ("", None),
    ],
)
def test_aparat_addresses(url, found):
    assert aparat_id(url) == found


def news_edit_data(news, blocks, **overrides):
    data = {"title": news.title, "slug": news.slug, "date": "۱۴۰۴/۱۲/۱۵", "lead": news.lead, "body": streamfield(blocks), "tags": ""}
    data.update(overrides)
    return nested_form_data(data)


def test_an_invitation_points_into_the_pages_own_neighbourhood(tree, admin_client):
    """Through the real edit view: a programme of another neighbourhood is refused with a Persian message and
    nothing is saved; one of the page's own is taken."""
    own = add_program(tree.bagh)
    other = add_program(tree.esmaeil, slug="other", title="دوره اسماعیل‌آباد")
    [news] = add_news(tree.bagh.news_index_page, 1)
    revisions = news.revisions.count()
    url = f"/admin/pages/{news.pk}/edit/"
    paragraph = ("paragraph", rich_text("<p>متن خبر.</p>"))
    response = admin_client.post(url, news_edit_data(news, [paragraph, ("call_to_action", {"target": other.pk, "text": ""})]))
    assert response.status_code == 200
    message = "دعوت به ثبت‌نام فقط به برنامه‌ها و فرم‌های همین محله اشاره می‌کند"
    # Shown by the stream editor above the blocks, from the JSON the page carries.
    assert message.encode("unicode_escape").decode() in response.content.decode()
    assert news.revisions.count() == revisions

    response = admin_client.post(url, news_edit_data(news, [paragraph, ("call_to_action", {"target": own.pk, "text": ""})], **{"action-publish": "1"}))
    assert response.status_code == 302
    assert [block.block_type for block in NewsPage.objects.get(pk=news.pk).body] == ["paragraph", "call_to_action"]


def test_the_edit_screen_names_every_block_in_persian(tree, admin_client):
    [news] = add_news(tree.bagh.news_index_page, 1)
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    for label in ("متن", "تصویر", "گالری تصویر", "سند (PDF یا Word)", "ویدیو", "نقل قول", "دعوت به ثبت‌نام", "جدول", "تاریخ"):
        assert label in html or label.encode("unicode_escape").decode() in html, label


# --- who sees a draft --------------------------------------------------------------------------------


def test_a_draft_body_and_its_preview_stay_with_the_editor(tree, admin_client, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    [news] = add_news(tree.bagh.news_index_page, 1)
    client.get(news.url)
    secret = "پیش‌نویس گالری محرمانه"
    data = news_edit_data(news, [("paragraph", rich_text(f"<p>{secret}</p>")), ("quote", {"text": secret, "attribution": ""})])
    assert admin_client.post(f"/admin/pages/{news.pk}/edit/", data).status_code == 302
    assert admin_client.post(f"/admin/pages/{news.pk}/edit/preview/", data).json()["is_valid"]
    preview = admin_client.get(f"/admin/pages/{news.pk}/edit/preview/?mode=")
    assert secret in preview.content.decode() and "private" in preview["Cache-Control"]
    for url in (news.url, tree.bagh.url, tree.bagh.news_index_page.url):
        assert secret not in client.get(url).content.decode()
    cache.clear()


# --- what it costs ------------------------------------------------------------------------------------


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_news_item_costs_the_same_queries_whatever_its_gallery_and_documents_hold(tree, client):
    small = rich_news(tree.bagh.news_index_page, images=2, documents=1, slug="small")
    large = rich_news(tree.bagh.news_index_page, images=20, documents=3, slug="large")
    for news in (small, large):  # renditions made once, as publishing's task would
        client.get(news.url)
    cache.clear()
    cold = [queries_of(client, small.url), queries_of(client, large.url)]
    cache.clear()
    cold_reversed = [queries_of(client, large.url), queries_of(client, small.url)]
    warm = [queries_of(client, small.url), queries_of(client, large.url)]
    # The first page read after a flush also fetches the site's own kept values: compared in the same place.
    assert cold[0] == cold_reversed[0] and cold[1] == cold_reversed[1], (cold, cold_reversed)
    assert warm[0] == warm[1], warm
    assert max(cold) <= 30 and max(warm) <= 12, (cold, warm)


def test_renditions_are_made_when_the_page_is_published_not_when_it_is_read(tree, client, django_capture_on_commit_callbacks):
    from wagtail.images.models import Rendition

    shots = pictures(3, prefix="نهال")
    [news] = add_news(tree.bagh.news_index_page, 1)
    news.body = [build.gallery("نهال‌ها", [(image, "نهال", "") for image in shots])]
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    made = Rendition.objects.filter(image__in=shots)
    # Every format of both thumbnail widths, and the two full-screen sizes, for each picture.
    assert made.count() == len(shots) * (2 * len(formats()) + 2)
    before = made.count()
    client.get(news.url)
    assert Rendition.objects.filter(image__in=shots).count() == before


# --- search and summaries -----------------------------------------------------------------------------


def test_site_search_finds_words_in_captions_quotes_and_tables(tree, client):
    news = rich_news(tree.bagh.news_index_page, images=2, documents=0)
    news.save()  # the index is updated on save
    text = news.search_index_text()
    for words in ("نهال شماره", "هر خانواده نگهداری نهال", "لایروبی جوی ها", "بیش از شصت نفر"):
        assert words in text, words
    html = client.get("/search/", {"q": "لايروبي جوي‌ها"}).content.decode()  # Arabic letters, ZWNJ
    assert news.title in html


def test_the_description_of_a_page_is_its_bodys_text_not_its_markup(tree, client):
    page = ContentPage(title="درباره دفتر", slug="about", body=[build.paragraph("<p>دفتر تسهیلگری <b>باغ خلج</b> هر روز باز است.</p>")])
    tree.bagh.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="دفتر تسهیلگری باغ خلج هر روز باز است.">' in html


# --- content pages ------------------------------------------------------------------------------------


def test_content_pages_of_a_neighbourhood_are_listed_on_it_and_drafts_are_not(tree, client):
    page = ContentPage(title="دفتر چه کمکی می‌کند", slug="how-we-help", summary="کارهای دفتر", body=[build.paragraph("<p>کمک</p>")])
    tree.bagh.add_child(instance=page)
    page.save_revision().publish()
    draft = ContentPage(title="صفحه پیش‌نویس", slug="draft-page", body=[build.paragraph("<p>هنوز نه</p>")], live=False)
    tree.bagh.add_child(instance=draft)
    html = client.get(tree.bagh.url).content.decode()
    assert "بیشتر درباره دفتر و محله" in html and page.url in html and "صفحه پیش‌نویس" not in html
    assert client.get(draft.url).status_code == 404
    assert "دفتر چه کمکی می‌کند" not in client.get(tree.esmaeil.url).content.decode()


def test_a_portal_content_page_goes_under_the_home_page(tree, client):
    page = ContentPage(title="چگونه در کارهای محله شریک شویم", slug="take-part", body=[build.paragraph("<p>راه‌های مشارکت</p>")])
    tree.home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200 and "راه‌های مشارکت" in response.content.decode()
    assert ContentPage in tree.home.specific_class.allowed_subpage_models()


def test_the_english_page_speaks_english_around_its_blocks(tree, client):
    from wagtail.models import Locale

    news = rich_news(tree.bagh.news_index_page, images=2, documents=1)
    english = news.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert english.url.startswith("/en/")
    for words in ("(2 pictures)", "Play the video", "Text description of the video", "Picture {n} of {total}",
                  "The video is loaded from Aparat when you press the button.", "20 December 2026", "PDF, 1 KB"):
        assert words in html, words
    for persian in ("پخش ویدیو", "تصویر بعدی", "کیلوبایت", "۲۹ آذر"):
        assert persian not in html, persian


def test_a_long_gallery_shows_nine_thumbnails_and_keeps_the_rest_for_the_viewer(tree, client):
    """Hidden thumbnails are never fetched (a hidden lazy image waits): a phone pays for nine, however long the
    gallery; the viewer still goes through all of them."""
    [news] = add_news(tree.bagh.news_index_page, 1)
    news.body = [build.gallery("روز محله", [(image, f"نهال {n}", "") for n, image in enumerate(pictures(12))])]
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    items = re.findall(r"<li( hidden)?><figure>", html)
    assert len(items) == 12 and [bool(hidden) for hidden in items] == [False] * 9 + [True] * 3
    assert html.count("data-gallery-item") == 12 and "و ۳ تصویر دیگر" in html


def test_a_refused_body_is_explained_in_persian_on_the_edit_screen(tree, admin_client):
    """Wagtail's own words around the stream editor (its error banner, the comment button of a text block)
    come from our Persian catalogue where Wagtail's lacks them."""
    [news] = add_news(tree.bagh.news_index_page, 1)
    shot = pictures(1)[0]
    lonely = {"title": "", "images": {"count": "1", "0-value": {"image": shot.pk, "alt": "نهال", "caption": ""}, "0-deleted": "", "0-order": "0", "0-id": ""}}
    response = admin_client.post(f"/admin/pages/{news.pk}/edit/", news_edit_data(news, [("gallery", lonely)]))
    html = response.content.decode()
    assert response.status_code == 200 and "صفحه ذخیره نشد" in html and "could not be saved" not in html
    assert "یک گالری ۲ تا ۳۰ تصویر دارد".encode("unicode_escape").decode() in html
    assert "Add Comment" not in html and "افزودن یادداشت".encode("unicode_escape").decode() in html
