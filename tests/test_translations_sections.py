"""The public pages of programmes, the directory and the safety map in English and Arabic.

Every fixture title is Latin, so whatever Persian is left in a page's chrome is a string that missed
gettext. Pages are served by their own page objects inside ``translation.override``, below the URL
routing and the middleware, so the check does not depend on how a language is chosen from the URL.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from directory.models import AssetType
from forms import sms
from forms.builder import ParticipationBaseForm
from forms.models import FormField, ParticipationFormPage, Status, Submission
from forms.models.submission import Agency
from forms.pipeline import new_form_token
from home.models import HomePage
from neighborhoods.choices import Weekday
from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
from portal import jalali
from portal.digits import to_latin_digits
from portal.money import format_money, unit_name
from programmes.models import ProgramCalendarPage
from reports.views.safety import public_map
from tests.conftest import add_program
from tests.directory_helpers import add_asset, add_directory, add_organization, service

# Letters of the Arabic script as Persian uses them (not digits, not punctuation such as «،» or «؛»).
ARABIC_SCRIPT_LETTERS = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]")
# Letters Persian has and Arabic does not: an Arabic page showing one of these shows Persian.
PERSIAN_ONLY_LETTERS = re.compile("[پچژگکی]")


def foreign_strings():
    """What these pages show from modules outside the three sections (the Jalali calendar, money, the
    participation forms' shared parts, agencies, weekdays), in the active language. Those modules have
    catalogues of their own; once they are translated the strings below are simply not Persian."""
    strings = [str(name) for name in (*jalali.MONTHS, *jalali.WEEKDAYS)]
    strings += [format_money(0), unit_name(), str(ParticipationBaseForm.base_fields["website"].label)]
    strings += [str(label) for label in Agency.labels + Weekday.labels]
    strings.append("لطفاً خطاهای زیر را برطرف کنید و دوباره بفرستید.")  # templates/participation/includes/form_fields.html
    return sorted(set(strings), key=len, reverse=True)


def chrome(html):
    """The page's title and main content without the breadcrumbs (the site header and footer, and the
    breadcrumbs, belong to the shared templates)."""
    title = re.search(r"<title>(.*?) \| ", html, re.S).group(1)
    main = html.split('<main id="main" tabindex="-1">', 1)[1].split("</main>", 1)[0]
    main = re.sub(r'<nav class="breadcrumbs.*?</nav>', "", main, flags=re.S)
    text = f"{title}\n{main}"
    for string in foreign_strings():
        text = text.replace(string, "")
    return text


def assert_no_persian(html, language):
    text = chrome(html)
    pattern = ARABIC_SCRIPT_LETTERS if language == "en" else PERSIAN_ONLY_LETTERS
    found = [text[max(match.start() - 40, 0) : match.end() + 40] for match in pattern.finditer(text)]
    assert not found, f"Persian in the {language} page: {found[:5]}"


def serve(page, language, sub_path="", method="get", data=None):
    """The response of ``page`` (and its sub-route) for an anonymous visitor in ``language``."""
    page = page.specific
    request = getattr(RequestFactory(), method)(page.url + sub_path, data or {})
    request.user = AnonymousUser()
    with translation.override(language):
        route = page.route(request, [part for part in sub_path.split("/") if part])
        response = route.page.serve(request, *route.args, **route.kwargs)
        if hasattr(response, "render"):
            response.render()
    return response.status_code, latin(response.content.decode())


def latin(html):
    """Digits as Latin, so expectations hold whichever digits a language's numbers are shown in."""
    return to_latin_digits(html).replace("٬", ",")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    sms.outbox.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    s = type("LatinSite", (), {})()
    s.home = root.add_child(instance=HomePage(title="Mahalle", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=s.home, is_default_site=True)
    index = s.home.add_child(instance=NeighborhoodIndexPage(title="Neighbourhoods", slug="neighborhoods"))
    province = index.add_child(instance=ProvincePage(title="Markazi", slug="markazi"))
    s.neighborhood = province.add_child(
        instance=NeighborhoodPage(
            title="Bagh Khalaj",
            slug="bagh-khalaj",
            city="Arak",
            office_address="1 Sample Street",
            office_phone="086-0000-0000",
            office_started=datetime.date(2025, 3, 9),
        )
    )
    s.neighborhood.save_revision().publish()
    s.calendar = s.home.add_child(instance=ProgramCalendarPage(title="Programmes", slug="programmes"))
    s.calendar.save_revision().publish()
    s.program = add_program(
        s.neighborhood,
        title="Sewing course",
        slug="sewing",
        summary="A sewing course for residents.",
        capacity=20,
        max_people_per_signup=4,
        venue_name="Community hall",
        venue_address="2 Sample Street",
        cost_rials=1_500_000,
    )
    s.directory = add_directory(s)
    s.directory.title = "Directory"
    s.directory.save_revision().publish()
    s.application_page.title = "Apply"
    s.application_page.save_revision().publish()
    s.organization = add_organization(
        s.directory,
        "Mehr Women",
        [s.neighborhood],
        services=[service(name="Family counselling", category="counselling", target_group="families", cost_rials=200_000)],
        kind="charity",
        summary="Counselling for families.",
        address="3 Sample Street",
        phone="086-1111-2222",
        verified=True,
        verified_on=datetime.date(2025, 5, 1),
        latitude=Decimal("34.0917"),
        longitude=Decimal("49.6892"),
    )
    s.asset = add_asset(s.neighborhood, "Imam Ali Mosque", capacity=300, can_host_programmes=True, address="4 Sample Street")
    return s


# --- programmes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ar"])
def test_programme_page(site, language):
    status, html = serve(site.program, language)
    assert status == 200
    assert_no_persian(html, language)
    expected = {
        "en": ["Course", "Sign-up open", "Programme details", "Audience", "Women", "20 people", "20 places left",
               "Add to calendar (iCal)", "Cancel a sign-up with its tracking code", "Community hall, 2 Sample Street",
               "You and those coming with you; at most 4 people."],
        "ar": ["دورة تدريبية", "التسجيل مفتوح", "تفاصيل البرنامج", "النساء", "إضافة إلى التقويم (iCal)"],
    }[language]
    for text in expected:
        assert text in html, text
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert f'"inLanguage": "{language}"' in json_ld
    assert {"en": "Sewing course — session 2", "ar": "Sewing course — الجلسة 2"}[language] in json_ld


def test_programme_page_stays_persian_by_default(site):
    status, html = serve(site.program, "fa")
    assert status == 200
    assert "مشخصات برنامه" in html and "20 نفر" in html and "ثبت‌نام باز است" in html
    # The same check that passes in English and Arabic finds the Persian chrome here.
    for language in ("en", "ar"):
        with pytest.raises(AssertionError, match="Persian in the"):
            assert_no_persian(html, language)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_calendar_month_with_a_bad_filter(site, language):
    first = jalali.to_jalali_date(site.program.sorted_sessions()[0].date)
    status, html = serve(site.calendar, language, f"{first.year}/{first.month}/", data={"kind": "lecture"})
    assert status == 400
    assert_no_persian(html, language)
    expected = {
        "en": ["Some filters were not valid and were ignored.", "This option is not in the list.", "Free only",
               "Open for sign-up only", "Sewing course", "at 16:00", "Get this calendar for your phone's calendar app (iCal)"],
        "ar": ["بعض عوامل التصفية غير صحيحة وقد تم تجاهلها.", "هذا الخيار ليس في القائمة.", "المجانية فقط", "الساعة 16:00"],
    }[language]
    for text in expected:
        assert text in html, text


def test_calendar_of_the_current_month_in_english(site):
    status, html = serve(site.calendar, "en")
    assert status == 200
    assert_no_persian(html, "en")
    assert "Upcoming programmes" in html and "Sewing course" in html


@pytest.mark.parametrize("language", ["en", "ar"])
def test_signup_with_errors(site, language):
    data = {"name": "Zahra Karimi", "mobile": "09123456789", "people": "9", "website": "", "form_token": new_form_token()}
    status, html = serve(site.program, language, method="post", data=data)
    assert status == 400
    assert_no_persian(html, language)
    expected = {
        "en": ["Sign-up failed", "Each sign-up takes at most 4 people.", "You must accept this to sign up.", "Full name",
               "Number of people"],
        "ar": ["لم يتم التسجيل", "يُقبل في كل تسجيل 4 أشخاص على الأكثر.", "يجب أن توافق على هذا البند لإتمام التسجيل."],
    }[language]
    for text in expected:
        assert text in html, text
    assert not Submission.objects.exists()


def test_signup_done_page_and_sms_in_english(site, django_capture_on_commit_callbacks):
    data = {"name": "Zahra Karimi", "mobile": "09123456789", "people": "2", "consent": "on", "website": "",
            "form_token": new_form_token()}
    with django_capture_on_commit_callbacks(execute=True):
        status, html = serve(site.program, "en", method="post", data=data)
    assert status == 200
    assert_no_persian(html, "en")
    assert "Your sign-up is confirmed" in html and "2 people signed up for “Sewing course”." in html
    assert "Your tracking code:" in html
    assert len(sms.outbox) == 1 and sms.outbox[0]["text"].startswith("Your sign-up for “Sewing course” is confirmed. Tracking code:")
    # The inbox keeps the Persian labels staff read.
    assert Submission.objects.get().labels["people"] == "شمار نفرات"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_cancellation_page(site, language):
    status, html = serve(site.program, language, "cancel/")
    assert status == 200
    assert_no_persian(html, language)
    status, html = serve(site.program, language, "cancel/", method="post", data={"code": "12345678", "mobile": "09120000000"})
    assert status == 404
    assert_no_persian(html, language)
    expected = {
        "en": ["Cancel a sign-up for Sewing course", "Enter the tracking code of the sign-up",
               "No active sign-up with this tracking code and this mobile number was found for this programme.",
               "Tracking code", "The mobile number you signed up with"],
        "ar": ["إلغاء التسجيل في Sewing course", "لم يُعثر على تسجيل فعّال بهذا الرمز وهذا الرقم في هذا البرنامج."],
    }[language]
    for text in expected:
        assert text in html, text
    status, html = serve(site.program, language, "cancel/", method="post", data={"code": "123", "mobile": "09120000000"})
    assert status == 400
    assert {"en": "A tracking code has 8 digits.", "ar": "يتكون رمز التتبع من 8 أرقام."}[language] in html


# --- the directory ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ar"])
def test_directory_index_with_filters(site, language):
    status, html = serve(site.directory, language, data={"category": "counselling", "target": "families"})
    assert status == 200
    assert_no_persian(html, language)
    expected = {
        "en": ["1 organisation with these filters", "Service category", "Counselling and psychology", "All groups",
               "All neighbourhoods", "Charity", "Verified", "Services:", "Family counselling", "Clear filters",
               "Your organisation can be in this directory too", "Download the whole directory (CSV)"],
        "ar": ["1 منظمة واحدة بهذه التصفية", "فئة الخدمة", "الإرشاد وعلم النفس", "جمعية خيرية", "موثَّقة"],
    }[language]
    for text in expected:
        assert text in html, text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_organisation_page(site, language):
    status, html = serve(site.organization, language)
    assert status == 200
    assert_no_persian(html, language)
    expected = {
        "en": ["Charity", "Verified by the facilitation office on", "Counselling and psychology, for Families",
               "Contact", "Telephone", "Neighbourhoods it serves", "Address on the map", "Directions",
               "Back to the directory of NGOs and charities"],
        "ar": ["جمعية خيرية", "وثّقها مكتب التيسير في", "الإرشاد وعلم النفس، الفئة المستهدفة: الأسر", "طرق التواصل"],
    }[language]
    for text in expected:
        assert text in html, text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_ngo_application_form_with_errors(site, language):
    data = {"org_name": "Green Hands", "kind": "ngo", "website": "", "form_token": new_form_token(),
            "service_1_name": "Tree planting"}
    status, html = serve(site.application_page, language, method="post", data=data)
    assert status == 400
    assert_no_persian(html, language)
    expected = {
        "en": ["The form was not sent", "Please correct the errors below and send again.", "Organisation and contact person",
               "Main neighbourhood of activity", "Service 1: category", "Choose the category of this service.",
               "Education and skills training", "Send the application", "Other neighbourhoods you serve"],
        "ar": ["لم يُرسل النموذج", "الحي الرئيسي للنشاط", "الخدمة 1: الفئة", "اختر فئة هذه الخدمة.", "إرسال الطلب"],
    }[language]
    for text in expected:
        assert text in html, text
    assert not Submission.objects.exists()


def test_ngo_application_in_english_is_stored_in_persian(site):
    data = {
        "org_name": "Green Hands", "kind": "charity", "fields_of_activity": "Trees", "primary_neighborhood": site.neighborhood.pk,
        "address": "5 Sample Street", "contact_name": "Sara Amini", "contact_mobile": "09121112233", "consent": "on",
        "website": "", "form_token": new_form_token(), "service_1_name": "Tree planting", "service_1_category": "environment",
        "service_1_target": "everyone",
    }
    status, html = serve(site.application_page, "en", method="post", data=data)
    assert status == 200
    assert "Your request has been received" in html
    submission = Submission.objects.get()
    assert submission.data["kind"] == "خیریه" and submission.data["service_1_category"] == "محیط زیست"
    assert submission.labels["service_1_name"] == "خدمت ۱: نام"


def test_asset_list_and_page_in_english(site):
    status, html = serve(site.neighborhood, "en", "assets/")
    assert status == 200
    assert_no_persian(html, "en")
    assert "Capacities and assets of the Bagh Khalaj neighbourhood" in html and "Mosque (1)" in html
    assert "capacity 300 people" in html and "Hosts programmes" in html
    status, html = serve(site.asset, "en")
    assert status == 200
    assert_no_persian(html, "en")
    assert "Yes, the office can hold neighbourhood programmes here" in html and "08:00 to 20:00" in html
    # An asset type an office added itself keeps the name it was given.
    assert AssetType(name="Hammam", slug="hammam").label == "Hammam"


# --- the safety map ---------------------------------------------------------------------------------


@pytest.fixture
def safety_reports(site):
    page = ParticipationFormPage(title="Problem report", slug="problem", kind="problem_report")
    page.form_fields = [FormField(label="Topic", key="topic", field_type="dropdown", choices="فضای بی‌دفاع شهری\nLights")]
    site.neighborhood.add_child(instance=page)
    page.save_revision().publish()
    points = [("34.101110", "49.701110"), ("34.101220", "49.702220"), ("34.102330", "49.703330"), ("34.121550", "49.731550")]
    for number, (lat, lng) in enumerate(points):
        Submission.objects.create(
            page=page,
            neighborhood=site.neighborhood,
            form_title=page.title,
            data={"topic": "فضای بی‌دفاع شهری"},
            labels={"topic": "topic"},
            types={},
            status=Status.objects.initial(),
            latitude=Decimal(lat),
            longitude=Decimal(lng),
            referral_agency="municipality" if number == 0 else "",
            mobile=f"0912000000{number}",
            confirmed=True,
        )
    return site


@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_safety_map(safety_reports, language):
    request = RequestFactory().get("/safety-map/")
    request.user = AnonymousUser()
    with translation.override(language):
        response = public_map(request)
    html = latin(response.content.decode())
    assert response.status_code == 200
    assert_no_persian(html, language)
    expected = {
        "en": ["Neighbourhood safety map: defenceless urban spaces", "Bagh Khalaj neighbourhood", "Reports received",
               "Referred to agencies", "Latitude 34.103, longitude 49.701", "1 report is in cells with fewer than 3 reports and is not on the map.",
               "only cells with at least 3 confirmed reports from 3 different mobile numbers are shown"],
        "ar": ["خريطة السلامة في الأحياء", "حي Bagh Khalaj", "البلاغات الواردة", "خط العرض 34.103، خط الطول 49.701"],
    }[language]
    for text in expected:
        assert text in html, text
