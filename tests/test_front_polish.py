"""What residents tripped over on the public pages, each kept from coming back: a favicon and a meaningful
description on every page, compressed responses (pages and static files), slugs that keep Persian words
apart, a marked asterisk on every required field and an error summary that names and links each field on
every public form, Persian digits where Latin ones slipped through (labels, prefilled codes, decimals), a
directions link instead of raw coordinates, and calendar entries that name their neighbourhood.

What only a browser shows (colours, heights, layout shifts) is in tests/browser/test_front_polish.py.
"""

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from directory.models import OrganizationPage
from forms import sms
from forms.models import Submission
from forms.pipeline import new_form_token
from neighborhoods.permissions import staff_group_name
from news.models import NewsPage
from portal.digits import format_decimal
from portal.slugs import slugify_title
from portal.widgets import JalaliDateInput, JalaliDateTimeInput
from programmes.seats import Signup, register
from tests.conftest import add_form_page, add_news, add_program, make_image
from tests.directory_helpers import add_directory, add_organization
from tests.test_directory_application import answers as application_answers
from tests.test_directory_application import draft_url, user_in
from tests.test_reports import MONTHLY, client_for, make, world  # noqa: F401 — world is a fixture

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[1]
LATIN_DIGIT = re.compile("[0-9]")
TAGLINE = "درگاه دفاتر تسهیلگری و شوراهای پیشرفت محله"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    sms.outbox.clear()
    yield
    cache.clear()


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def description(response):
    tags = soup_of(response).find_all("meta", attrs={"name": "description"})
    assert len(tags) == 1, f"{len(tags)} description tags"
    return tags[0]["content"]


# --- favicon -------------------------------------------------------------------------------------------


def test_every_page_links_a_favicon_that_is_served(client, tree):
    hrefs = set()
    for url, status in ((tree.home.url, 200), (tree.bagh.url, 200), ("/track/", 200), ("/no-such-page/", 404)):
        response = client.get(url)
        assert response.status_code == status
        links = soup_of(response).find_all("link", rel=lambda rel: rel and ("icon" in rel or "apple-touch-icon" in rel))
        types = {link.get("type") for link in links}
        assert "image/svg+xml" in types and len(links) >= 3, (url, links)
        hrefs |= {link["href"] for link in links}
    for href in hrefs:
        response = client.get(href)
        assert response.status_code == 200, href
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body[:4] in (b"<svg", b"\x00\x00\x01\x00", b"\x89PNG"), href  # SVG, ICO, PNG


# --- meta description ------------------------------------------------------------------------------------


def test_each_public_page_type_has_a_persian_description(client, tree, calendar_page):
    news = add_news(tree.bagh.news_index_page, 1)[0]
    program = add_program(tree.bagh, summary="کلاس رایگان خیاطی برای زنان محله، دو روز در هفته.")
    form = add_form_page(tree.bagh)
    form.intro = "<p>چراغ خاموش یا <b>زباله</b> انباشته &amp; هر مسئله‌ای را گزارش کنید.</p>"
    form.save_revision().publish()
    tree.bagh.summary = "محله‌ای در جنوب اراک با دفتر تسهیلگری فعال."
    tree.bagh.save_revision().publish()
    directory = add_directory(tree)
    organization = add_organization(directory, "خیریه امام سجاد", [tree.bagh], summary="کمک به خانواده‌های نیازمند محله.")

    expected = {
        news.url: news.lead,
        program.url: "کلاس رایگان خیاطی برای زنان محله، دو روز در هفته.",
        form.url: "چراغ خاموش یا زباله انباشته & هر مسئله‌ای را گزارش کنید.",
        tree.bagh.url: "محله‌ای در جنوب اراک با دفتر تسهیلگری فعال.",
        organization.url: "کمک به خانواده‌های نیازمند محله.",
        # Pages with nothing to say of their own: their title and the portal's tagline.
        tree.home.url: f"محله: {TAGLINE}",
        calendar_page.url: f"تقویم برنامه‌ها: {TAGLINE}",
        directory.url: f"{directory.title}: {TAGLINE}",
        "/track/": f"محله: {TAGLINE}",
    }
    for url, text in expected.items():
        assert description(client.get(url)) == text, url

    # The editor's own search description wins; long texts are cut to a snippet's length.
    page = NewsPage.objects.get(pk=news.pk)
    page.search_description = "توضیح ویژه موتورهای جستجو"
    page.save_revision().publish()
    assert description(client.get(news.url)) == "توضیح ویژه موتورهای جستجو"
    long_lead = "خبر " * 100
    page = NewsPage.objects.get(pk=news.pk)
    page.search_description, page.lead = "", long_lead
    page.save_revision().publish()
    text = description(client.get(news.url))
    assert len(text) <= 160 and text.endswith("…")


# --- compression ----------------------------------------------------------------------------------------


def test_pages_are_gzipped_with_breach_padding_and_cached_plain(client, tree, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get(tree.bagh.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    second = client.get(tree.bagh.url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip" and second["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    assert second["X-Page-Cache"] == "hit"
    # Django's mitigation of BREACH: a random-length file name in the gzip header pads every body.
    assert first.content[3] & gzip.FNAME
    page = gzip.decompress(first.content)
    assert b"<html" in page and gzip.decompress(second.content) == page
    # The page cache keeps the plain page: a reader who does not accept gzip gets it from the cache as is.
    plain = client.get(tree.bagh.url)
    assert plain["X-Page-Cache"] == "hit" and "Content-Encoding" not in plain and plain.content == page


def test_form_pages_are_gzipped_with_a_fresh_csrf_token_each_time(client, tree):
    form = add_form_page(tree.bagh)
    bodies = [gzip.decompress(client.get(form.url, HTTP_ACCEPT_ENCODING="gzip").content).decode() for _ in range(2)]
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1) for body in bodies]
    assert tokens[0] != tokens[1]


@pytest.fixture
def collected_static(settings, tmp_path):
    """collectstatic with the production storage into a temporary STATIC_ROOT: our own files and the web font
    they refer to (the other npm packages only take time to compress)."""
    from portal.settings import base

    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_DIRS = [entry for entry in base.STATICFILES_DIRS if not isinstance(entry, tuple) or entry[0] == "vendor/vazirmatn"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": base.STORAGES["staticfiles"]}
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_static_files_are_compressed_at_collectstatic_and_served_gzipped(collected_static, settings):
    name = staticfiles_storage.stored_name("css/portal.css")
    assert name != "css/portal.css"  # hashed, so it may be cached for a year
    assert (collected_static / f"{name}.gz").exists()
    response = Client().get(settings.STATIC_URL + name, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    body = b"".join(response.streaming_content)
    assert b".site-header" in gzip.decompress(body)


def test_nginx_compresses_pages_and_serves_the_precompressed_static_files():
    # The example configuration is split into files included by one another; any of them may hold the directive.
    texts = [path.read_text() for path in (REPO / "site").iterdir() if path.is_file() and "nginx" in path.read_text()[:4000] + path.name]
    assert any(re.search(r"^\s*gzip on;", text, re.M) for text in texts)
    assert any(re.search(r"^\s*gzip_static on;", text, re.M) for text in texts)


# --- slugs ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, slug",
    [
        ("کوچه‌های روشن", "کوچه-های-روشن"),
        ("می‌شود", "می-شود"),
        ("خبرهای  محله", "خبرهای-محله"),
        ("روز درختکاری ۱۴۰۴", "روز-درختکاری-۱۴۰۴"),
    ],
)
def test_a_slug_keeps_the_parts_of_a_persian_word_apart(title, slug):
    assert slugify_title(title) == slug


def test_the_admin_slug_field_turns_the_zwnj_into_a_hyphen(client, tree, admin_user):
    client.force_login(admin_user)
    index = tree.bagh.news_index_page
    html = client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    slug_input = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "slug"})
    assert slug_input["data-controller"] == "w-slug"
    assert slug_input["data-w-slug-formatters-value"] == '[[["\\u200c","gu"],"-"]]'


def test_a_slug_made_on_the_server_keeps_the_words_apart(client, tree, admin_user):
    """Without the admin's script (or for a page made in code) Wagtail makes the slug from the title itself."""
    made = tree.bagh.news_index_page.add_child(instance=NewsPage(title="کوچه‌های روشن", slug="", date="2025-03-01", lead="لید", body="<p>متن</p>"))
    assert made.slug == "کوچه-های-روشن"
    twin = tree.bagh.news_index_page.add_child(instance=NewsPage(title="کوچه‌های روشن", slug="", date="2025-03-02", lead="لید", body="<p>متن</p>"))
    assert twin.slug == "کوچه-های-روشن-2"
    plain = tree.bagh.news_index_page.add_child(instance=NewsPage(title="خبر ساده", slug="", date="2025-03-03", lead="لید", body="<p>متن</p>"))
    assert plain.slug == "خبر-ساده"


def test_a_listing_made_from_an_application_keeps_the_words_of_its_name(client, tree):
    add_directory(tree)
    client.post(tree.application_page.url, application_answers(tree, org_name="خیریه کوچه‌های امید"))
    application = Submission.objects.get()
    client.force_login(user_in(staff_group_name(tree.bagh), "staff-bagh"))
    client.post(draft_url(application))
    assert OrganizationPage.objects.get().slug == "خیریه-کوچه-های-امید"


# --- required fields and the error summary, on every public form ------------------------------------------


def required_label(page, field):
    """The label (or the legend of a choice list) of a bound field in the page."""
    if field.id_for_label:
        return page.find("label", attrs={"for": field.id_for_label})
    first_option = page.find(id=f"{field.auto_id}_0")
    return first_option.find_parent("fieldset").find("legend")


def check_required_marks(page, form):
    for field in form.visible_fields():
        if field.name == "website":
            continue
        label = required_label(page, field)
        assert label is not None, field.name
        mark = label.find(class_="required")
        if field.field.required:
            assert mark is not None, f"«{field.label}» is required but has no mark"
            assert mark.find(attrs={"aria-hidden": "true"}).get_text() == "*"
            assert mark.find(class_="visually-hidden").get_text() == "الزامی"
        else:
            assert mark is None, f"«{field.label}» is optional but marked required"


def check_error_summary(page, form):
    summary = page.find(id="form-errors")
    assert summary is not None and summary.get("role") == "alert"
    links = {link["href"]: link.get_text(" ", strip=True) for link in summary.find_all("a")}
    errored = [field for field in form if field.errors and not field.is_hidden and field.name != "website"]
    assert errored, "the test meant to send a form with field errors"
    for field in errored:
        target = field.id_for_label or f"{field.auto_id}_0"
        assert f"#{target}" in links, f"«{field.label}» is missing from the summary: {links}"
        assert links[f"#{target}"].startswith(str(field.label)), links[f"#{target}"]
        assert str(field.errors[0]) in links[f"#{target}"]
        assert page.find(id=target) is not None, target
    assert len(links) == len(errored)


def public_forms(client, tree):
    """(name, url, context name of the form, data that fails validation) of each public form type."""
    add_directory(tree)
    participation = add_form_page(tree.bagh)
    program = add_program(tree.bagh)
    return [
        ("participation form", participation.url, "form", {"form_token": new_form_token(), "website": ""}),
        ("programme sign-up", program.url, "form", {"form_token": new_form_token(), "website": ""}),
        ("NGO application", tree.application_page.url, "form", {"form_token": new_form_token(), "website": "", "service_1_name": "مشاوره"}),
        ("cancel form", program.url + "cancel/", "cancel_form", {"code": "۱۲۳"}),
        ("track form", "/track/", "form", {"code": "", "last_digits": "۱۲"}),
        ("own data form", "/track/data/", "ask", {"code": "", "mobile": ""}),
    ]


def test_every_public_form_marks_its_required_fields_and_names_each_error(client, tree):
    for name, url, form_name, bad in public_forms(client, tree):
        response = client.get(url)
        assert response.status_code == 200, name
        check_required_marks(soup_of(response), response.context[form_name])

        response = client.post(url, bad)
        assert response.status_code in (400, 200), (name, response.status_code)
        form = response.context[form_name]
        assert form.errors, name
        check_error_summary(soup_of(response), form)


def test_the_photo_question_has_a_persian_button(client, tree):
    """The browser's file button speaks the browser's language; ours is Persian, the input still the field."""
    form_page = add_form_page(tree.bagh)
    page = soup_of(client.get(form_page.url))
    wrapper = page.find(attrs={"data-photo-input": True})
    field = wrapper.find("input", attrs={"type": "file"})
    assert field["id"] == "id_photo" and field["accept"] == "image/jpeg,image/png"
    assert page.find("label", attrs={"for": "id_photo", "class": None}) is not None  # the question's own label
    assert wrapper.find("label", class_="photo-input__button", attrs={"for": "id_photo"}).get_text() == "برگزیدن عکس"
    assert wrapper["data-empty"] == "هنوز عکسی برگزیده نشده است."
    assert page.find("script", src=re.compile(r"js/photo-input\.js"))


def test_the_ngo_services_category_is_marked_and_numbered_in_persian(client, tree):
    add_directory(tree)
    page = soup_of(client.get(tree.application_page.url))
    category = page.find("label", attrs={"for": "id_service_1_category"})
    assert category.get_text(" ", strip=True).startswith("خدمت ۱: دسته") and category.find(class_="required")
    assert page.find("label", attrs={"for": "id_service_2_category"}).find(class_="required") is None
    legends = [legend.get_text(strip=True) for legend in page.select(".service-fieldset > legend")]
    assert legends == ["خدمت ۱", "خدمت ۲", "خدمت ۳"]
    for label in page.find_all(["label", "legend"]):
        assert not LATIN_DIGIT.search(label.get_text()), label.get_text()
    # A later service needs its category only once it is named, and says so in the same words.
    data = application_answers(tree, service_2_category="")
    response = client.post(tree.application_page.url, data)
    assert response.status_code == 400
    assert response.context["form"].errors["service_2_category"] == ["دسته این خدمت را انتخاب کنید."]


# --- Persian digits -------------------------------------------------------------------------------------


def test_the_cancel_form_shows_a_linked_code_and_its_length_in_persian_digits(client, tree):
    program = add_program(tree.bagh)
    registration = register(program, Signup(name="ساکن محله", mobile="09120000001", people=1))
    code = registration.submission.tracking_code
    page = soup_of(client.get(f"{program.url}cancel/?code={code}"))
    assert page.find("input", attrs={"name": "code"})["value"] == code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    response = client.post(f"{program.url}cancel/", {"code": "123", "mobile": "09120000001"})
    assert "کد رهگیری ۸ رقم دارد." in response.content.decode()
    # The prefilled Persian code is accepted as it is.
    done = client.post(f"{program.url}cancel/", {"code": page.find("input", attrs={"name": "code"})["value"], "mobile": "09120000001"})
    assert done.status_code == 200 and "لغو شد" in done.content.decode()


def test_decimals_carry_the_persian_decimal_separator():
    assert format_decimal(3.67, "fa") == "۳٫۶۷"
    assert format_decimal(3.67, "ar") == "٣٫٦٧"
    assert format_decimal(3.67, "en") == "3.67"


def test_date_placeholders_read_as_examples():
    assert str(JalaliDateInput().attrs["placeholder"]) == "مثلاً ۱۴۰۳/۱۲/۱۹"
    assert str(JalaliDateTimeInput().attrs["placeholder"]).startswith("مثلاً ")


def test_coordinates_are_a_directions_link_not_numbers(client, tree):
    tree.bagh.latitude, tree.bagh.longitude = "34.091700", "49.689200"
    tree.bagh.save_revision().publish()
    page = soup_of(client.get(tree.bagh.url))
    link = page.find("aside", attrs={"aria-labelledby": "office"}).find("a", string="مسیریابی")
    assert link is not None
    assert link["href"].startswith("https://www.openstreetmap.org/directions?to=34.091700%2C49.689200")
    office = page.find("aside", attrs={"aria-labelledby": "office"}).get_text()
    assert "34.09" not in office and "۳۴" not in office


# --- pictures and maps that cost a phone only what it shows -----------------------------------------------


def test_the_neighbourhood_picture_comes_in_webp_and_in_the_width_the_screen_needs(client, tree):
    tree.bagh.image = make_image(size=(1200, 800))
    tree.bagh.save_revision().publish()
    picture = soup_of(client.get(tree.bagh.url)).find("picture")
    assert picture is not None, "the hero is a bare <img>"
    webp = picture.find("source", attrs={"type": "image/webp"})
    assert webp is not None
    widths = sorted(int(candidate.split()[-1].rstrip("w")) for candidate in webp["srcset"].split(","))
    assert widths == [480, 960]
    assert ".webp" in webp["srcset"] and webp["sizes"]
    img = picture.find("img")
    assert img["width"] and img["height"] and "hero-image" in img["class"]
    assert img["fetchpriority"] == "high" and img["alt"] == ""
    assert img["src"].endswith(".jpg")


def test_a_news_picture_comes_in_webp_and_in_the_width_the_screen_needs(client, tree):
    [news] = add_news(tree.bagh.news_index_page, 1, image=make_image(title="نهال‌کاری", size=(1600, 900)))
    picture = soup_of(client.get(news.url)).find("figure", class_="article__figure").find("picture")
    webp = picture.find("source", attrs={"type": "image/webp"})
    widths = sorted(int(candidate.split()[-1].rstrip("w")) for candidate in webp["srcset"].split(","))
    assert widths == [480, 960, 1280] and webp["sizes"]
    img = picture.find("img")
    assert img["alt"] == "نهال‌کاری" and img["width"] and img["height"] and img["fetchpriority"] == "high"


# --- the programme calendar -----------------------------------------------------------------------------


def test_calendar_entries_name_their_neighbourhood_and_the_filter_has_an_actions_row(client, tree, calendar_page):
    add_program(tree.bagh, slug="one", title="درمان رایگان", days_ahead=1, sessions=1)
    add_program(tree.esmaeil, slug="two", title="درمان رایگان", days_ahead=1, sessions=1)
    page = soup_of(client.get(calendar_page.url))
    entries = [entry.get_text(" ", strip=True) for entry in page.select(".month__event")]
    assert any("باغ خلج" in entry and "درمان رایگان" in entry for entry in entries), entries
    assert any("اسماعیل‌آباد" in entry and "درمان رایگان" in entry for entry in entries), entries
    agenda = [item.get_text(" ", strip=True) for item in page.select(".agenda ul li")]
    assert any("باغ خلج" in item for item in agenda) and any("اسماعیل‌آباد" in item for item in agenda)
    actions = page.select_one("form.filters .filters__actions")
    assert actions is not None and actions.find("button", attrs={"type": "submit"}) is not None


def test_the_calendar_month_costs_no_query_per_neighbourhood(client, tree, calendar_page, django_assert_max_num_queries):
    for number in range(4):
        neighborhood = tree.add_neighborhood(tree.markazi, f"محله {number}", f"n-{number}", "اراک")
        add_program(neighborhood, slug=f"p-{number}", days_ahead=1, sessions=1)
    client.get(calendar_page.url)  # warm the menus and the site
    cache.clear()
    with django_assert_max_num_queries(30) as queries:
        client.get(calendar_page.url)
    base = len(queries)
    for number in range(4, 8):
        neighborhood = tree.add_neighborhood(tree.markazi, f"محله {number}", f"n-{number}", "اراک")
        add_program(neighborhood, slug=f"p-{number}", days_ahead=1, sessions=1)
    cache.clear()
    with django_assert_max_num_queries(base):
        client.get(calendar_page.url)


def test_the_printed_report_writes_averages_with_the_persian_decimal_separator(world, client):  # noqa: F811
    """The monthly report's page, which is also what its PDF is made from (reports/pdf.py)."""
    from reports.models import MonthlyReport

    c = client_for(client, world.staff_a)
    make(c, world.tree.bagh)
    html = c.get(f"{MONTHLY}{MonthlyReport.objects.get().pk}/").content.decode()
    assert "میانگین ۳٫۶۷ از ۵" in html  # 11 / 3, the survey's rating
    assert not re.search(r"[۰-۹]\.[۰-۹]", html)
