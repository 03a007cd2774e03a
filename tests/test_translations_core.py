"""The public pages' own words (header, footer, headings, labels, errors, dates) in English and Arabic.

Editor content (page titles, form labels) is translated as pages by wagtail-localize, not by gettext, so
the fixtures here use Latin titles and labels: any Persian letter left in an English page is then a UI
string that missed the catalogue. Arabic pages may hold Arabic letters, never the Persian-only ones.

The pages are requested under /en/ and /ar/ with both languages switched on for the test, so the
request goes through LocaleMiddleware and the URL prefix just as a visitor's would.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.template import loader
from django.utils import translation
from wagtail.models import Locale, Page, Site

from forms.models import FormField, ParticipationFormPage, Status, Submission
from home.models import HomePage
from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
from news.models import NewsIndexPage, NewsPage
from portal import jalali

pytestmark = pytest.mark.django_db

PERSIAN_OR_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
PERSIAN_ONLY_LETTER = re.compile(r"[پچژگکی]")
PERSIAN_DIGIT = re.compile(r"[۰-۹]")


@pytest.fixture(autouse=True)
def three_languages(settings):
    settings.LANGUAGES = [("fa", "فارسی"), ("en", "English"), ("ar", "العربية")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


class LatinTree:
    """A small tree whose editor content is Latin only."""

    def __init__(self):
        root = Page.get_first_root_node()
        Site.objects.all().delete()
        for page in root.get_children():
            page.delete()
        self.home = root.add_child(instance=HomePage(title="Mahalle portal", slug="home"))
        Site.objects.create(hostname="localhost", port=80, root_page=self.home, is_default_site=True)
        self.portal_news = self.home.add_child(instance=NewsIndexPage(title="News", slug="news"))
        self.index = self.home.add_child(instance=NeighborhoodIndexPage(title="Neighbourhoods", slug="neighborhoods"))
        province = self.province = self.index.add_child(instance=ProvincePage(title="Markazi", slug="markazi"))
        self.neighborhood = province.add_child(
            instance=NeighborhoodPage(
                title="Bagh Khalaj",
                slug="bagh-khalaj",
                city="Arak",
                district="District 2",
                office_address="Sample street",
                office_phone="086-0000-0000",
                office_started=datetime.date(2025, 3, 9),
                latitude="34.091700",
                longitude="49.689200",
            )
        )
        self.neighborhood.office_hours.create(weekday=0, opens=datetime.time(8), closes=datetime.time(14))
        self.neighborhood.council_members.create(name="Zahra Karimi", role="chair", affiliation="trustee")
        self.neighborhood.committees.create(name="Health committee", scope="health", chair="Ali Rezaei")
        self.neighborhood.save_revision().publish()
        self.news_index = self.neighborhood.add_child(instance=NewsIndexPage(title="Local news", slug="news"))
        self.news = self.news_index.add_child(
            instance=NewsPage(
                title="Tree planting",
                slug="tree-planting",
                date=datetime.date(2025, 3, 9),
                lead="A short lead.",
                body="<p>Body text.</p>",
            )
        )
        self.news.tags.add("trees")
        self.news.save_revision().publish()
        form = ParticipationFormPage(title="Report a problem", slug="problem", kind="problem_report")
        form.form_fields = [
            FormField(label="Name", key="name", field_type="singleline", required=True),
            FormField(label="Mobile", key="mobile", field_type="mobile", required=True),
            FormField(label="National code", key="national_code", field_type="national_code", required=False),
            FormField(label="When", key="when", field_type="date", required=False),
            FormField(label="Photo", key="photo", field_type="photo", required=False),
        ]
        self.neighborhood.add_child(instance=form)
        form.save_revision().publish()
        self.form = form
        # A page answers under /en/ and /ar/ only where it is translated (portal/languages.py): the same
        # Latin content in both locales, parents first.
        pages = [self.home, self.portal_news, self.index, self.province, self.neighborhood, self.news_index, self.news, self.form]
        for code in ("en", "ar"):
            locale = Locale.objects.get(language_code=code)
            for page in pages:
                copy = page.specific.copy_for_translation(locale)
                copy.save_revision().publish()


@pytest.fixture
def latin_tree():
    return LatinTree()


def get(client, language, path, **kwargs):
    response = client.get(f"/{language}{path}", **kwargs)
    return response, response.content.decode()


def post(client, language, path, data):
    response = client.post(f"/{language}{path}", data)
    return response, response.content.decode()


# Parts drawn by the directory's templates (the neighbourhood's assets and organisations, the maps),
# whose words are translated with the directory; this file covers the shared chrome and the home,
# neighbourhood, news, participation and error templates.
OTHER_PARTS = re.compile(
    r'<nav class="language-switcher".*?</nav>'  # each language named in itself
    r'|<section class="place-map".*?</section>'
    r'|<section aria-labelledby="assets">.*?</section>\s*<section aria-labelledby="organizations">.*?</section>',
    re.S,
)


def untranslated(html, language):
    """Persian words left in a page of ``language``, each with a little of its surroundings."""
    letters = PERSIAN_OR_ARABIC_LETTER.pattern[:-1] if language == "en" else "[\u0600-\u06ff"
    runs = re.compile(letters + r"\u200c]+(?:[\s،:]+" + letters + r"\u200c]+)*")
    pattern = PERSIAN_OR_ARABIC_LETTER if language == "en" else PERSIAN_ONLY_LETTER
    html = OTHER_PARTS.sub("", html)
    return sorted({html[max(0, m.start() - 20) : m.end() + 20] for m in runs.finditer(html) if pattern.search(m.group())})


def assert_chrome(html, language):
    assert f'<html lang="{language}" dir="{"ltr" if language == "en" else "rtl"}">' in html
    left = untranslated(html, language)
    assert left == [], "\n".join(left)
    assert not PERSIAN_DIGIT.search(OTHER_PARTS.sub("", html))


LANGUAGES = ["en", "ar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page(client, latin_tree, language):
    response, html = get(client, language, "/")
    assert response.status_code == 200
    assert_chrome(html, language)
    if language == "en":
        assert "Skip to main content" in html and "Track a request" in html and "Staff sign-in" in html
        assert "Latest news from the neighbourhoods" in html and "9 March 2025" in html
        assert "Mahalle: the public portal of the facilitation and local development offices" in html
    else:
        assert "الانتقال إلى المحتوى الرئيسي" in html and "تتبع طلب" in html and "٩ رمضان ١٤٤٦ هـ" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_neighbourhood_page(client, latin_tree, language):
    response, html = get(client, language, latin_tree.neighborhood.url)
    assert response.status_code == 200
    assert_chrome(html, language)
    if language == "en":
        assert "Markazi Province, Arak, District 2" in html
        assert "Saturday" in html and "08:00 to 14:00" in html
        assert "Council chair, Local trustee" in html
        assert "Area: Health, Chair: Ali Rezaei" in html
        assert "Facilitation and local development office" in html and "9 March 2025" in html
    else:
        assert "محافظة Markazi، Arak، District 2" in html
        assert "السبت" in html and "من ٠٨:٠٠ إلى ١٤:٠٠" in html
        assert "رئيس المجلس، من وجهاء الحي" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_province_and_neighbourhood_index(client, latin_tree, language):
    response, html = get(client, language, latin_tree.province.url)
    assert response.status_code == 200
    assert_chrome(html, language)
    assert ("<h1>Markazi Province</h1>" if language == "en" else "<h1>محافظة Markazi</h1>") in html
    response, html = get(client, language, latin_tree.index.url)
    assert response.status_code == 200
    assert_chrome(html, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_index_and_archive(client, latin_tree, language):
    response, html = get(client, language, latin_tree.news_index.url)
    assert response.status_code == 200
    assert_chrome(html, language)
    assert ("Monthly archive" if language == "en" else "الأرشيف الشهري") in html
    assert ("Esfand 1403</a> <span class=\"muted\">(1 news item)" if language == "en" else "إسفند ١٤٠٣") in html
    response, html = get(client, language, latin_tree.news_index.url + "1403/12/")
    assert response.status_code == 200
    assert_chrome(html, language)
    response, html = get(client, language, latin_tree.news_index.url + "?tag=trees")
    assert_chrome(html, language)
    assert ("News tagged “trees”" if language == "en" else "الأخبار الموسومة بـ«trees»") in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_feed(client, latin_tree, language):
    response, xml = get(client, language, latin_tree.news_index.url + "feed/")
    assert response.status_code == 200
    assert f"<language>{language}</language>" in xml
    expected = "Latest news from Bagh Khalaj" if language == "en" else "آخر أخبار Bagh Khalaj"
    assert f"<description>{expected}</description>" in xml


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_page(client, latin_tree, language):
    response, html = get(client, language, latin_tree.news.url)
    assert response.status_code == 200
    assert_chrome(html, language)
    # Gregorian in English, Hijri (ARABIC_CALENDAR) with Arabic-Indic digits in Arabic: portal/dates.py.
    assert ("9 March 2025" if language == "en" else "٩ رمضان ١٤٤٦ هـ") in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_participation_form_with_errors(client, latin_tree, language):
    response, html = get(client, language, latin_tree.form.url)
    assert response.status_code == 200
    assert_chrome(html, language)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    data = {"name": "", "mobile": "12345", "national_code": "1234567890", "when": "1403/13/01", "form_token": token, "website": ""}
    response, html = post(client, language, latin_tree.form.url, data)
    assert response.status_code == 400
    assert_chrome(html, language)
    if language == "en":
        assert "The form was not sent" in html and "Please correct the errors below" in html
        assert "A mobile number has 11 digits and starts with 09" in html
        assert "The national code entered is not valid" in html
        assert "The month must be a number from 1 to 12." in html
        assert 'placeholder="e.g. 1403/12/19"' in html
    else:
        assert "لم يُرسل النموذج" in html and "يجب أن يكون الشهر عددًا من 1 إلى 12." in html
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_participation_refusals_and_landing(client, latin_tree, language):
    response, html = get(client, language, latin_tree.form.url)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    data = {"name": "Maryam", "mobile": "09121234567", "form_token": token, "website": "spam"}
    response, html = post(client, language, latin_tree.form.url, data)
    assert response.status_code == 400
    assert_chrome(html, language)
    assert ("If you are a person, open the page again" if language == "en" else "إن كنت إنسانًا") in html
    data.update(website="")
    response, html = post(client, language, latin_tree.form.url, data)
    assert response.status_code == 200
    assert_chrome(html, language)
    assert ("Your tracking code:" if language == "en" else "رمز التتبع الخاص بك:") in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_oversized_form_is_refused_in_the_language(client, latin_tree, language, settings):
    settings.PARTICIPATION_MAX_REQUEST_BYTES = 100
    response, html = post(client, language, latin_tree.form.url, {"name": "x" * 500, "mobile": "09121234567"})
    assert response.status_code == 413
    assert_chrome(html, language)
    assert ("The form is too large" if language == "en" else "حجم النموذج كبير جدًا") in html
    assert ("Back to the form" if language == "en" else "العودة إلى النموذج") in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_tracking_page(client, latin_tree, language):
    submission = Submission.objects.create(
        kind="form",
        page=latin_tree.form,
        neighborhood=latin_tree.neighborhood,
        form_title="Report a problem",
        mobile="09121234567",
        tracking_code="12345678",
        status=Status.objects.get(slug="referred"),
        referral_agency="welfare",
        referral_date=datetime.date(2025, 3, 9),
        public_reply="We are on it.",
    )
    response, html = get(client, language, "/track/")
    assert response.status_code == 200
    assert_chrome(html, language)
    response, html = post(client, language, "/track/", {"code": "1234", "last_digits": "4567"})
    assert response.status_code == 400
    assert_chrome(html, language)
    assert ("A tracking code has 8 digits." if language == "en" else "يتكون رمز التتبع من ٨ أرقام.") in html
    response, html = post(client, language, "/track/", {"code": "12345670", "last_digits": "4567"})
    assert response.status_code == 404
    assert_chrome(html, language)
    response, html = post(client, language, "/track/", {"code": submission.tracking_code, "last_digits": "4567"})
    assert response.status_code == 200
    assert_chrome(html, language)
    if language == "en":
        assert "Referred to the responsible agency" in html
        assert "Welfare Organisation on 9 March 2025" in html
        assert "Reply from the facilitation office" in html
    else:
        assert "أُحيل إلى الجهة المسؤولة" in html and "منظمة الرعاية الاجتماعية في ٩ رمضان ١٤٤٦ هـ" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page(client, latin_tree, language):
    response, html = get(client, language, "/no-such-page/")
    assert response.status_code == 404
    assert_chrome(html, language)
    assert ("This page could not be found" if language == "en" else "تعذّر العثور على هذه الصفحة") in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", ["400.html", "403.html", "403_csrf.html", "404.html", "500.html", "503.html", "axes_lockout.html"])
def test_error_pages(language, template):
    with translation.override(language):
        html = loader.get_template(template).render({})
    assert_chrome(html, language)


def test_jalali_names_and_digits_follow_the_language():
    day = datetime.date(2025, 3, 9)
    moment = datetime.datetime(2025, 3, 9, 10, 35, tzinfo=datetime.UTC)  # 14:05 in Tehran
    assert jalali.format_date(day) == "۱۹ اسفند ۱۴۰۳"
    with translation.override("en"):
        assert jalali.format_date(day) == "19 Esfand 1403"
        assert jalali.format_datetime(moment) == "19 Esfand 1403, 14:05"
        assert [str(name) for name in jalali.WEEKDAYS][:2] == ["Saturday", "Sunday"]
    with translation.override("ar"):
        # Arabic pages take Arabic-Indic digits (portal/digits.py).
        assert jalali.format_date(day) == "١٩ إسفند ١٤٠٣"
        assert jalali.format_datetime(moment) == "١٩ إسفند ١٤٠٣، الساعة ١٤:٠٥"
        assert not PERSIAN_ONLY_LETTER.search("".join(str(name) for name in jalali.MONTHS + jalali.WEEKDAYS))


def test_persian_pages_are_unchanged(client, latin_tree):
    html = client.get(latin_tree.neighborhood.url).content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "استان Markazi" in html and "۰۸:۰۰ تا ۱۴:۰۰" in html and "۱۹ اسفند ۱۴۰۳" in html
    assert "پرش به محتوای اصلی" in html and "رئیس شورا، معتمد محل" in html
