"""The demo loader (`manage.py load_demo`) and the page factories it shares with the tests."""

import datetime
import io
import re
from html import escape
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from demo import content
from demo import reports as demo_reports
from demo.factories import (
    CouncilMemberFactory,
    FormFieldFactory,
    HomePageFactory,
    NeighborhoodIndexPageFactory,
    NeighborhoodPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ParticipationFormPageFactory,
    ProvincePageFactory,
)
from demo.images import render
from forms.models import FormField, ParticipationFormPage, Submission, SubmissionEvent
from home.models import HomePage
from neighborhoods.choices import CommitteeScope
from neighborhoods.models import Committee, CouncilMember, NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from news.models import NewsIndexPage, NewsPage
from programmes.models import ProgramSession, Registration
from reports.models import MonthlyReport

User = get_user_model()


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
        "council members": CouncilMember.objects.count(),
        "committees": Committee.objects.count(),
        "form fields": FormField.objects.count(),
        "submissions": Submission.objects.count(),
        "submission events": SubmissionEvent.objects.count(),
        "registrations": Registration.objects.count(),
        "programme sessions": ProgramSession.objects.count(),
        "monthly reports": MonthlyReport.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site, built once for the read-only tests of this module and rolled back after them."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_demo()
            yield
            transaction.set_rollback(True)
    cache.clear()


@pytest.mark.django_db
def test_running_twice_adds_nothing():
    load_demo()
    first = counts()
    output = load_demo()
    assert counts() == first
    assert first["pages"] > 50 and first["images"] > 40
    assert first["form fields"] > 0 and first["submissions"] > 0 and first["monthly reports"] > 0


@pytest.mark.django_db
def test_an_account_the_demo_did_not_make_keeps_its_password_and_rights():
    """load_demo on a server with a real «admin» (or any name the demo uses) never hands it the public password."""
    own = User.objects.create_user("admin", password="an operator's own secret", is_staff=False)
    staff = User.objects.create_user("staff-bagh-khalaj", password="another secret")
    output = load_demo()
    own.refresh_from_db()
    staff.refresh_from_db()
    assert own.check_password("an operator's own secret") and not own.check_password(content.DEMO_PASSWORD)
    assert not own.is_superuser and not own.is_staff
    assert staff.check_password("another secret") and not staff.groups.exists()
    assert "admin" in output and "حسابی از پیش، با گذرواژه خودش" in output
    # The accounts the demo made itself take its password, as before.
    assert User.objects.get(username="coordinator-qom").check_password(content.DEMO_PASSWORD)


@pytest.mark.django_db
def test_output_lists_the_logins(demo):
    output = load_demo()
    assert "http://127.0.0.1:8000/admin/" in output
    assert content.DEMO_PASSWORD in output
    for username in ["admin", "staff-bagh-khalaj", "coordinator-qom"]:
        assert username in output


@pytest.mark.django_db
def test_welcome_page_is_replaced_by_the_home_page(demo):
    root = Page.get_first_root_node()
    [home] = root.get_children().filter(locale__language_code="fa").specific()
    assert isinstance(home, HomePage) and home.live
    assert home.title == "محله" and home.tagline and home.intro
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("localhost", 80, home.pk)
    index = NeighborhoodIndexPage.objects.child_of(home).live().get(slug="neighborhoods")
    assert index.title == "محله‌ها"
    assert NewsIndexPage.objects.child_of(home).live().get(slug="news").title == "خبرها"


@pytest.mark.django_db
def test_neighbourhoods_across_provinces(demo):
    neighborhoods = list(NeighborhoodPage.objects.filter(locale__language_code="fa").live())
    assert len(neighborhoods) >= 6
    provinces = {neighborhood.province.pk for neighborhood in neighborhoods}
    assert len(provinces) >= 4
    assert ProvincePage.objects.filter(locale__language_code="fa").live().filter(pk__in=provinces).count() == len(provinces)
    for neighborhood in neighborhoods:
        assert neighborhood.city and neighborhood.district and neighborhood.summary and neighborhood.introduction
        assert neighborhood.office_address and neighborhood.office_phone and neighborhood.office_started
        assert neighborhood.has_location and neighborhood.image_id
        assert 5 <= neighborhood.council_members.count() <= 8
        assert 3 <= neighborhood.committees.count() <= 5
        assert {hours.weekday for hours in neighborhood.office_hours.all()} >= {0, 1, 2, 3, 4}
        [news_index] = neighborhood.children_of_type(NewsIndexPage)
        assert (news_index.slug, news_index.title) == ("news", "خبرهای محله")


@pytest.mark.django_db
def test_inline_rows_keep_their_order(demo):
    bagh = NeighborhoodPage.objects.filter(locale__language_code="fa").get(slug="bagh-khalaj")
    [province] = [p for p in content.PROVINCES if p["slug"] == "markazi"]
    [data] = [n for n in province["neighborhoods"] if n["slug"] == "bagh-khalaj"]
    assert [m.name for m in bagh.council_members.all()] == [m["name"] for m in data["council_members"]]
    assert [c.name for c in bagh.committees.all()] == [c["name"] for c in data["committees"]]


@pytest.mark.django_db
def test_one_province_uses_the_four_dimensions(demo):
    dimensions = {CommitteeScope.SOCIAL, CommitteeScope.ECONOMIC, CommitteeScope.PHYSICAL, CommitteeScope.ENVIRONMENTAL}
    assert any(
        {committee.scope for committee in neighborhood.committees.all()} == dimensions
        for neighborhood in NeighborhoodPage.objects.filter(locale__language_code="fa").all()
    )


@pytest.mark.django_db
def test_each_neighbourhood_has_illustrated_news(demo):
    for neighborhood in NeighborhoodPage.objects.filter(locale__language_code="fa").live():
        news = list(NewsPage.objects.filter(locale__language_code="fa").live().descendant_of(neighborhood))
        assert len(news) >= 5
        for item in news:
            assert item.neighborhood_id == neighborhood.pk
            assert item.image_id and item.lead and str(item.body).count("<p>") >= 2
            assert 2 <= len(item.tags.names()) <= 3
            assert datetime.date(2026, 1, 1) <= item.date < datetime.date(2026, 11, 21)
            assert item.image.collection.name == neighborhood.title
        assert len({item.date for item in news}) == len(news)


@pytest.mark.django_db
def test_a_demo_gallery_shows_its_own_neighbourhoods_pictures(demo):
    """The tree-planting day of Bagh-e Khalaj carries a gallery, drawn in that neighbourhood's collection, each
    picture with the text that stands for it; its winter priorities a table and the council's list as a PDF."""
    news = NewsPage.objects.get(slug="tree-planting-day", locale__language_code="fa")
    [gallery] = [block.value for block in news.body if block.block_type == "gallery"]
    assert len(gallery["images"]) == 8
    assert {item["image"].collection.name for item in gallery["images"]} == {news.neighborhood.title}
    assert all(item["alt"] for item in gallery["images"])
    winter = NewsPage.objects.get(slug="winter-priorities", locale__language_code="fa")
    assert [block.block_type for block in winter.body] == ["paragraph", "table", "document"]
    [document] = [block.value["document"] for block in winter.body if block.block_type == "document"]
    assert document.collection.name == winter.neighborhood.title and document.file.name.endswith(".pdf")


@pytest.mark.django_db
def test_portal_news_index_lists_every_neighbourhood(demo):
    portal = NewsIndexPage.objects.filter(locale__language_code="fa").get(depth=3, slug="news")
    assert portal.news().count() == NewsPage.objects.filter(locale__language_code="fa").live().count() >= 30


@pytest.mark.django_db
def test_staff_and_coordinators_are_in_their_groups(demo):
    bagh = NeighborhoodPage.objects.filter(locale__language_code="fa").get(slug="bagh-khalaj")
    roudaki = NeighborhoodPage.objects.filter(locale__language_code="fa").get(slug="roudaki")
    staff = User.objects.get(username="staff-bagh-khalaj")
    groups = set(staff.groups.values_list("name", flat=True))
    assert groups == {staff_group_name(bagh)}
    assert staff_group_name(roudaki) not in groups
    assert staff.check_password(content.DEMO_PASSWORD)

    coordinator = User.objects.get(username="coordinator-markazi")
    assert coordinator.groups.filter(name=coordinator_group_name(bagh.province)).exists()

    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(content.DEMO_PASSWORD)


@pytest.mark.django_db
def test_every_neighbourhood_has_a_staff_login(demo):
    for neighborhood in NeighborhoodPage.objects.filter(locale__language_code="fa").all():
        user = User.objects.get(username=content.staff_username(neighborhood.slug))
        assert user.groups.filter(name=staff_group_name(neighborhood)).exists()


@pytest.mark.django_db
def test_edited_demo_content_is_restored_without_duplicates(demo):
    news = NewsPage.objects.filter(locale__language_code="fa").get(slug="tree-planting-day")
    news.title = "عنوان ویرایش‌شده"
    news.save_revision().publish()
    # A demo account's details are restored; its password too, as long as it is still the demo's (an account whose
    # password someone changed is no longer the demo's to reset: see the next test).
    User.objects.filter(username="staff-roudaki").update(first_name="ویرایش‌شده", is_active=False)
    before = counts()
    load_demo()
    after = counts()
    assert after["revisions"] == before["revisions"] + 1
    assert {key: value for key, value in after.items() if key != "revisions"} == {
        key: value for key, value in before.items() if key != "revisions"
    }
    assert NewsPage.objects.filter(locale__language_code="fa").get(pk=news.pk).title == "صد و بیست نهال در حاشیه کوی امام سجاد کاشته شد"
    restored = User.objects.get(username="staff-roudaki")
    assert restored.first_name == "تسهیلگر" and restored.is_active and restored.check_password(content.DEMO_PASSWORD)


@pytest.mark.django_db
def test_home_page_renders(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "محله" in response.content.decode()


@pytest.mark.django_db
def test_existing_home_page_is_kept():
    # Submissions and monthly reports keep their neighbourhood from being deleted.
    Submission.objects.all().delete()
    MonthlyReport.objects.all().delete()
    root = Page.get_first_root_node()
    for page in root.get_children():
        Site.objects.filter(root_page=page).delete()
        page.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.create(hostname="example.org", port=80, root_page=home, is_default_site=True)
    load_demo()
    assert list(HomePage.objects.filter(locale__language_code="fa").values_list("pk", flat=True)) == [home.pk]
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


def test_demo_pictures_are_deterministic_jpegs():
    first = render("news/bagh-khalaj/tree-planting-day")
    assert first[:3] == b"\xff\xd8\xff"
    assert first == render("news/bagh-khalaj/tree-planting-day")
    assert first != render("news/roudaki/childrens-day")
    assert len(first) < 200_000


@pytest.mark.django_db
def test_factories_build_a_published_tree():
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    index = NeighborhoodIndexPageFactory(parent=home)
    province = ProvincePageFactory(parent=index)
    neighborhood = NeighborhoodPageFactory(parent=province)
    news_index = NewsIndexPageFactory(parent=neighborhood)
    news = NewsPageFactory(parent=news_index, tags=["سلامت", "غربالگری"])
    members = NeighborhoodPageFactory(
        parent=province, council_members=[CouncilMemberFactory.build(name=name) for name in ["ب", "الف", "ج"]]
    ).council_members.all()
    assert [member.name for member in members] == ["ب", "الف", "ج"]
    for page in [home, index, province, neighborhood, news_index, news]:
        page.refresh_from_db()
        assert page.live and page.live_revision_id
    assert news.neighborhood_id == neighborhood.pk
    assert set(news.tags.names()) == {"سلامت", "غربالگری"}
    assert Group.objects.filter(name=staff_group_name(neighborhood)).exists()

    draft = NewsPageFactory(parent=news_index, publish=False, live=False)
    assert not draft.live and draft.live_revision_id is None


def test_factories_build_without_the_database():
    news = NewsPageFactory.build(tags=["سلامت"])
    assert news.pk is None and news.title and news.lead
    assert NeighborhoodPageFactory.build(city="قم").city == "قم"


# --- participation forms and demo submissions --------------------------------------------------

DEMO_FORMS = {
    "volunteer": ("volunteer", ["name", "mobile", "age", "skills", "days", "notes"]),
    "needs-assessment": (
        "needs_assessment",
        ["main_problem", "cleanliness_rating", "health_rating", "safety_rating", "courses", "suggestion", "mobile"],
    ),
    "report-problem": ("problem_report", ["name", "mobile", "topic", "description", "seen_on", "photo", "location"]),
    "suggestion": ("suggestion", ["suggestion", "name", "mobile", "email"]),
}


def demo_forms(neighborhood):
    return {page.slug: page for page in ParticipationFormPage.objects.child_of(neighborhood).live()}


@pytest.mark.django_db
def test_each_neighbourhood_has_the_four_participation_forms(demo):
    for neighborhood in NeighborhoodPage.objects.filter(locale__language_code="fa").live():
        forms = demo_forms(neighborhood)
        assert set(forms) == set(DEMO_FORMS)
        for slug, (kind, keys) in DEMO_FORMS.items():
            page = forms[slug]
            assert page.kind == kind
            assert page.title and page.intro and page.thank_you_text
            assert not page.has_unpublished_changes
            questions = list(page.form_fields.all())
            assert [question.key for question in questions] == keys
            assert [question.clean_name for question in questions] == keys
            assert all(question.label for question in questions)
            assert page.find_neighborhood().pk == neighborhood.pk


@pytest.mark.django_db
def test_demo_form_questions(demo):
    forms = demo_forms(NeighborhoodPage.objects.filter(locale__language_code="fa").get(slug="roudaki"))

    def questions(slug):
        return {question.key: question for question in forms[slug].form_fields.all()}

    volunteer = questions("volunteer")
    assert (volunteer["mobile"].field_type, volunteer["mobile"].required) == ("mobile", True)
    assert volunteer["age"].field_type == "number"
    assert volunteer["skills"].field_type == volunteer["days"].field_type == "checkboxes"
    assert volunteer["days"].choices.splitlines()[0] == "شنبه"
    assert len(volunteer["skills"].choices.splitlines()) >= 6

    needs = questions("needs-assessment")
    assert needs["main_problem"].field_type == "radio" and "اعتیاد" in needs["main_problem"].choices.splitlines()
    assert [q.key for q in needs.values() if q.field_type == "scale"] == [
        "cleanliness_rating",
        "health_rating",
        "safety_rating",
    ]
    assert needs["courses"].field_type == "checkboxes"
    assert not needs["mobile"].required

    report = questions("report-problem")
    assert "فضای بی‌دفاع شهری" in report["topic"].choices.splitlines() and report["topic"].field_type == "dropdown"
    assert report["mobile"].required and report["description"].required
    assert (report["seen_on"].field_type, report["photo"].field_type, report["location"].field_type) == (
        "date",
        "photo",
        "location",
    )
    assert not report["photo"].required and not report["location"].required

    suggestion = questions("suggestion")
    assert suggestion["suggestion"].required and suggestion["email"].field_type == "email"
    assert not any(suggestion[key].required for key in ["name", "mobile", "email"])


@pytest.mark.django_db
def test_every_demo_form_renders(demo, client):
    pages = list(ParticipationFormPage.objects.live())
    assert len(pages) == 4 * NeighborhoodPage.objects.filter(locale__language_code="fa").live().count()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.title in html and 'name="form_token"' in html
        for question in page.form_fields.all():
            assert f'name="{question.clean_name}"' in html


@pytest.mark.django_db
def test_demo_submissions_fill_every_inbox(demo):
    from django.utils import timezone

    now = timezone.now()
    for neighborhood in NeighborhoodPage.objects.filter(locale__language_code="fa").live():
        forms = {page.pk: page for page in demo_forms(neighborhood).values()}
        submissions = list(
            Submission.objects.filter(neighborhood=neighborhood, kind="form").select_related("status")
        )
        extra = len(demo_reports.EXTRA_SUBMISSIONS.get(neighborhood.slug, []))
        assert 3 <= len(submissions) <= 6 + extra
        for submission in submissions:
            page = forms[submission.page_id]
            assert submission.form_title == page.title and submission.tracking_code
            assert set(submission.data) == {question.clean_name for question in page.form_fields.all()}
            assert now - datetime.timedelta(days=61) <= submission.created_at < now
            assert submission.updated_at >= submission.created_at
            if submission.mobile:
                assert submission.mobile.startswith("0912000") and len(submission.mobile) == 11
            created = submission.events.get(action=SubmissionEvent.Action.CREATED)
            assert created.created_at == submission.created_at
            if submission.data.get("seen_on"):
                assert datetime.date.fromisoformat(submission.data["seen_on"]) <= submission.created_at.date()
            if submission.status.slug != "new":
                handled = submission.events.exclude(action=SubmissionEvent.Action.CREATED).get()
                assert submission.created_at < handled.created_at < now
                assert handled.changes["status"][1] == submission.status.name
                assert submission.assignee.username == content.staff_username(neighborhood.slug)
            if submission.public_reply:
                assert submission.replied_at and submission.status.slug != "new"
            if submission.referral_agency:
                assert submission.referral_date

    everything = Submission.objects.filter(kind="form")
    assert set(everything.values_list("status__slug", flat=True)) >= {"new", "in_review", "referred", "done"}
    assert everything.exclude(public_reply="").count() >= 7
    assert everything.exclude(referral_agency="").count() >= 5
    assert everything.filter(source="service_desk").exists()
    assert everything.filter(data__topic="فضای بی‌دفاع شهری").count() >= 3
    assert everything.filter(latitude__isnull=False).exists()


@pytest.mark.django_db
def test_edited_demo_form_is_restored_and_no_submission_is_added(demo):
    page = ParticipationFormPage.objects.get(slug="volunteer", url_path__contains="/roudaki/")
    page.form_fields.get(key="age").delete()
    page.title = "عنوان ویرایش‌شده"
    page.save_revision().publish()
    before = counts()
    load_demo()
    after = counts()
    assert after["form fields"] == before["form fields"] + 1
    assert after["submissions"] == before["submissions"]
    assert after["submission events"] == before["submission events"]
    page.refresh_from_db()
    assert page.title == "داوطلب شوید"
    assert [question.key for question in page.form_fields.all()] == DEMO_FORMS["volunteer"][1]


@pytest.mark.django_db
def test_form_factories_build_a_published_form():
    root = Page.get_first_root_node()
    province = ProvincePageFactory(parent=NeighborhoodIndexPageFactory(parent=HomePageFactory(parent=root)))
    neighborhood = NeighborhoodPageFactory(parent=province)
    page = ParticipationFormPageFactory(
        parent=neighborhood,
        kind="suggestion",
        form_fields=[FormFieldFactory.build(key="idea", field_type="multiline"), FormFieldFactory.build(key="mobile")],
    )
    page.refresh_from_db()
    assert page.live and page.live_revision_id
    assert [question.clean_name for question in page.form_fields.all()] == ["idea", "mobile"]
    assert page.find_neighborhood().pk == neighborhood.pk


@pytest.mark.django_db
def test_every_neighbourhood_has_programmes_finished_and_taking_sign_ups(demo, client):
    # Each neighbourhood has its own two to four programmes (tests/test_demo_seeds.py); between them the
    # demo has every state a programme can be in before it is cancelled.
    from programmes.choices import Seat, Status
    from programmes.models import ProgramCalendarPage, ProgramPage

    calendar = ProgramCalendarPage.objects.get()
    assert calendar.live and calendar.show_in_menus
    everywhere = set()
    for neighborhood in NeighborhoodPage.objects.filter(locale__language_code="fa").all():
        programmes = list(ProgramPage.objects.live().filter(neighborhood=neighborhood))
        assert len(programmes) >= 2
        statuses = {program.status() for program in programmes}
        assert Status.FINISHED in statuses and statuses & {Status.OPEN, Status.FULL}
        everywhere |= statuses
    assert {Status.OPEN, Status.FULL, Status.FINISHED, Status.UPCOMING} <= everywhere
    persian = ProgramPage.objects.filter(locale__language_code="fa").live()
    for full in [program for program in persian if program.status() == Status.FULL]:
        assert full.registrations.filter(state=Seat.WAITLISTED).exists()
        assert full.seats_taken <= full.capacity
    assert client.get(calendar.url).status_code == 200
    for program in ProgramPage.objects.live()[:5]:
        assert client.get(program.url).status_code == 200


@pytest.mark.django_db
def test_demo_directory_assets_organisations_and_applications(demo, client):
    from directory.models import AssetPage, NGOApplicationPage, OrganizationPage

    for neighborhood in NeighborhoodPage.objects.filter(locale__language_code="fa").live():
        assets = AssetPage.objects.live().child_of(neighborhood)
        assert assets.count() >= 3
        for asset in assets:
            # Plausible points: within a few hundred metres of the office.
            assert abs(asset.latitude - neighborhood.latitude) < Decimal("0.01")
            assert abs(asset.longitude - neighborhood.longitude) < Decimal("0.01")
        assert OrganizationPage.objects.live().filter(neighborhoods=neighborhood).exists()
        assert client.get(neighborhood.url + "assets/").status_code == 200
    organizations = OrganizationPage.objects.live()
    # Those each neighbourhood's council and news name (tests/test_demo_seeds.py), two or three apiece.
    assert 8 <= organizations.count() <= 20
    assert all(org.services.exists() for org in organizations)
    assert organizations.filter(verified=True).exclude(verified_on=None).count() >= 5
    applications = Submission.objects.filter(kind="ngo_application")
    assert applications.count() == 2
    assert {a.page_id for a in applications} == {NGOApplicationPage.objects.live().get().pk}
    assert client.get(organizations.first().url).status_code == 200
    from directory.accounts import organization_group_name

    ngo = User.objects.get(username="ngo-mehr-banovan")
    assert [g.name for g in ngo.groups.all()] == [organization_group_name(organizations.get(slug="mehr-banovan"))]
    assert ngo.check_password(content.DEMO_PASSWORD)


@pytest.mark.django_db
def test_demo_fills_the_reports(demo):
    from reports import figures, needs, safety
    from reports.periods import Period, today_in_tehran

    summary = {item["title"]: item for item in safety.public_summary(NeighborhoodPage.objects.filter(locale__language_code="fa").live())}
    bagh = next(item for title, item in summary.items() if "باغ خلج" in title)
    # Four reports in one cell; the one the office has not looked at yet is not counted on the public map.
    assert [cell["count"] for cell in bagh["cells"]] == [3]
    reports = safety.defenceless_reports(NeighborhoodPage.objects.filter(pk=bagh["id"]))
    assert reports.filter(confirmed=False).count() == 1 and reports.filter(confirmed=True).count() == bagh["total"]
    assert bagh["closed"] >= 1 and bagh["referrals"]
    today = today_in_tehran()
    last_two_months = Period(first=today - datetime.timedelta(days=61), last=today)
    province = NeighborhoodPage.objects.filter(locale__language_code="fa").filter(path__startswith=ProvincePage.objects.filter(locale__language_code="fa").get(slug="markazi").path)
    data = figures.dashboard(province, last_two_months)
    assert data["submissions"]["total"] >= 10 and data["response"]["first_response_count"] >= 3
    results = needs.results(province, last_two_months)
    main = next(question for question in results["questions"] if question["key"] == "main_problem")
    assert len(main["groups"]) == 2 and main["total"]["answered"] >= 5


@pytest.mark.django_db
def test_english_translations_of_home_neighbourhoods_and_some_news(demo, client):
    from demo import english

    english_pages = Page.objects.filter(locale__language_code="en").live()
    assert english_pages.type(HomePage).get().title == english.HOME["title"]
    persian_neighbourhoods = NeighborhoodPage.objects.filter(locale__language_code="fa").live()
    for neighborhood in persian_neighbourhoods:
        translation = neighborhood.get_translation(english_pages.first().locale)
        assert translation.live and translation.alias_of_id is None
        assert translation.specific.title == english.NEIGHBORHOODS[neighborhood.slug]["title"]
    news = NewsPage.objects.filter(locale__language_code="en").live()
    assert news.count() >= 3
    # Every English page has an English parent: no alias of a Persian page stands in the English tree.
    assert not Page.objects.filter(locale__language_code="en", alias_of__isnull=False).exists()

    item = news.get(slug="womens-day")
    response = client.get(item.url)
    assert response.status_code == 200 and item.url.startswith("/en/")
    html = response.content.decode()
    assert escape(item.title) in html and "twelve women of the neighbourhood" in html
    # (Images are shared between languages: their alt text is the image's title, outside this check.)
    text = re.sub(r"<[^>]+>", " ", html)
    assert NewsPage.objects.filter(locale__language_code="fa").get(slug="womens-day").title not in text


@pytest.mark.django_db
def test_the_privacy_notice_and_accessibility_statement_in_persian_and_english(demo, client):
    from home.models import StatementPage

    for language, privacy_words, footer_words in (
        ("fa", "سه سال پس از ارسال", "بیانیه دسترس‌پذیری"),
        ("en", "three years after sending", "Accessibility statement"),
    ):
        pages = {page.kind: page for page in StatementPage.objects.filter(locale__language_code=language).live()}
        assert set(pages) == {"privacy", "accessibility"}, language
        html = client.get(pages["privacy"].url).content.decode()
        assert privacy_words in html, language
        home = client.get("/" if language == "fa" else "/en/").content.decode()
        footer = home[home.index('<footer class="site-footer">'):]
        assert footer_words in footer and pages["accessibility"].url in footer, language
        if language == "en":
            article = re.sub(r"<[^>]+>", " ", html[html.index("<article"):html.index("</article>")])
            assert "Last reviewed:" in article and not re.search(r"[\u0600-\u06FF]", article), article


@pytest.mark.django_db
def test_english_demo_pages_open_in_the_translation_editor(demo, client):
    # The English pages are wagtail-localize translations: editing one opens its translation editor,
    # with the Persian source beside the English of each string.
    client.force_login(User.objects.get(username=content.ADMIN_USERNAME))
    page = NeighborhoodPage.objects.filter(locale__language_code="en").get(slug="roudaki")
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    # wagtail-localize's editor (not Wagtail's page form), its strings in the props of the React app.
    assert 'class="js-translation-editor" data-props=' in html
    assert "Roudaki" in html and "A crowded, young neighbourhood" in html


@pytest.mark.django_db
def test_demo_council_meetings_come_from_each_neighbourhoods_own_seed(demo, client):
    from council.models import Meeting, Resolution
    from council.models.resolution import today_in_tehran
    from demo.council_content import MEETINGS

    today = today_in_tehran()
    for slug, meetings in MEETINGS.items():
        neighborhood = NeighborhoodPage.objects.get(slug=slug, locale__language_code="fa")
        made = Meeting.objects.filter(neighborhood=neighborhood)
        assert made.count() == len(meetings), slug
        # Nothing copied across neighbourhoods: each resolution's text belongs to one neighbourhood.
        texts = set(Resolution.objects.filter(neighborhood=neighborhood).values_list("text", flat=True))
        assert not texts & set(Resolution.objects.exclude(neighborhood=neighborhood).values_list("text", flat=True))
        for meeting in made:
            assert timezone.localtime(meeting.held_at).weekday() != 4, (slug, meeting)  # never on a Friday
            assert meeting.held_at.date() <= today
            for resolution in meeting.resolutions.all():
                assert resolution.due_date > timezone.localtime(meeting.held_at).date(), resolution
                assert resolution.public <= meeting.public
        committee_meetings = made.filter(body="committee")
        assert all(meeting.committee is not None for meeting in committee_meetings), slug
        page = client.get(f"{neighborhood.url}decisions/")
        assert page.status_code == 200
        for hidden in Resolution.objects.filter(neighborhood=neighborhood, public=False):
            assert hidden.text not in page.content.decode()
    statuses = set(Resolution.objects.values_list("status", flat=True))
    assert statuses == {"open", "in_progress", "done", "not_done"}
    assert Resolution.objects.overdue().exists() and Resolution.objects.filter(due_date__gt=today, status="open").exists()
    assert Meeting.objects.filter(public=False).exists()
    linked = Resolution.objects.filter(cases__isnull=False).distinct()
    assert linked.count() >= 5
    assert all(case.neighborhood_id == r.neighborhood_id for r in linked for case in r.cases.all())
    assert Meeting.objects.filter(body="coordination", neighborhood__slug="sorkheh-hesar").exists()
    assert Meeting.objects.filter(body="committee", neighborhood__slug="eslamabad-zanjan").count() >= 2
