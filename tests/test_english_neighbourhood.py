"""A neighbourhood page translated into English, as an editor translates it (wagtail-localize, the way the
demo's English pages are made): its council in English, and the programmes, assets and organisations of its
Persian page -- in English where they are translated, otherwise in Persian and marked so.

The Persian page here lists 4 upcoming programmes, 4 assets and 3 organisations; one of each is translated.
"""

import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import StringSegment, TranslationSource

from demo.builder import Result
from demo.translation_builder import EnglishTranslator
from directory.models import AssetPage, OrganizationPage
from neighborhoods.models import Committee, CouncilMember, NeighborhoodPage
from portal.caching import store
from programmes.models import ProgramPage
from tests.conftest import add_form_page, add_program, body_form
from tests.directory_helpers import add_asset, add_directory, add_organization

pytestmark = pytest.mark.django_db

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")

COUNCIL = {
    "council_members": [("Zahra Karimi", "Mehr Charity"), ("Ali Rezaei", "")],
    "committees": [("Health committee", "Zahra Karimi", "Screenings with the health post.")],
}


class English:
    """The tree's Markazi neighbourhood with its council, 4 upcoming programmes, 4 assets and 3 organisations
    in Persian; the home page, the neighbourhood (council included), one programme, one asset, the directory
    and one organisation translated into English."""

    def __init__(self, tree):
        self.tree = tree
        bagh = tree.bagh
        bagh.council_members = [
            CouncilMember(name="زهرا کریمی", role="chair", affiliation="charity", organization="خیریه مهر", sort_order=0),
            CouncilMember(name="علی رضایی", role="secretary", affiliation="trustee", sort_order=1),
        ]
        bagh.committees.create(name="کمیته سلامت", scope="health", chair="زهرا کریمی", description="غربالگری با پایگاه سلامت.", sort_order=0)
        bagh.save_revision().publish()
        # Read back as stored (the object above still holds the rows it was given, unsaved).
        news_index = bagh.news_index_page
        bagh = tree.bagh = NeighborhoodPage.objects.get(pk=bagh.pk)
        bagh.news_index_page = news_index
        self.programmes = [
            add_program(bagh, slug=f"course-{number}", title=f"دوره شماره {number}", days_ahead=3 + number)
            for number in range(4)
        ]
        self.assets = [add_asset(bagh, f"ظرفیت شماره {number}", slug=f"asset-{number}", hours=False) for number in range(4)]
        self.directory = add_directory(tree)
        self.organizations = [
            add_organization(self.directory, f"سازمان شماره {number}", [bagh], slug=f"org-{number}", summary="خلاصه")
            for number in range(3)
        ]
        self.translator = EnglishTranslator(Result())
        self.translate(tree.home, title="Mahalle")
        self.translate(tree.index, title="Neighbourhoods")
        self.translate(tree.markazi, title="Markazi")
        self.english = self.translate(bagh, title="Bagh Khalaj", city="Arak", office_address="First Alley", **COUNCIL)
        self.translate(bagh.news_index_page, title="Local news")
        self.translate(self.programmes[0], title="Sewing course", summary="A free sewing course for women.")
        self.translate(self.assets[0], title="Imam Ali Mosque")
        self.translate(self.directory, title="NGOs and charities")
        self.translate(self.organizations[0], title="Omid Charity", summary="Help for families.")

    def translate(self, page, **fields):
        self.translator.translate(page, fields)
        return page.get_translation(self.translator.locale).specific


@pytest.fixture
def world(tree, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    store._local.clear()
    yield English(tree)
    cache.clear()
    store._local.clear()


class Text(HTMLParser):
    """The text of <main> (and its attributes people read), split into what lies inside an element marked
    lang="fa" dir="rtl" and what does not; scripts (the map's data) are left out."""

    READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.stack, self.persian, self.other = [], [], []
        self.feed(html.split('<main id="main" tabindex="-1">', 1)[1].split("</main>", 1)[0])

    def marked(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        mark = attrs.get("lang") == "fa" and attrs.get("dir") == "rtl"
        if tag not in self.VOID:
            self.stack.append(mark or tag == "script")
        for name in self.READ_ATTRIBUTES:
            if attrs.get(name):
                (self.persian if mark or self.marked() else self.other).append(attrs[name])

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            (self.persian if self.marked() else self.other).append(data.strip())


def persian_outside_marks(html):
    return [text for text in Text(html).other if ARABIC_SCRIPT.search(text)]


def section(html, heading_id):
    return html.split(f'aria-labelledby="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_the_english_page_shows_the_council_in_english(world):
    html = Client().get(world.english.url).content.decode()
    council = section(html, "council")
    assert "<strong>Zahra Karimi</strong>" in council and "Council chair, Charity (Mehr Charity)" in council
    assert "<strong>Ali Rezaei</strong>" in council and "Secretary, Local trustee" in council
    committees = section(html, "committees")
    assert "Health committee" in committees and "Area: Health, Chair: Zahra Karimi" in committees
    assert "Screenings with the health post." in committees
    assert not ARABIC_SCRIPT.search(council + committees)
    # The Persian page keeps its own rows.
    persian = Client().get(world.tree.bagh.url).content.decode()
    assert "<strong>زهرا کریمی</strong>" in section(persian, "council") and "کمیته سلامت" in section(persian, "committees")


def test_the_council_is_translated_row_by_row_beside_the_persian(world):
    # The translator finds each member's name and organisation and each committee's text as strings of the
    # page, and each English row is tied to its Persian row.
    source = TranslationSource.objects.get_for_instance(world.tree.bagh)
    paths = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    persian_rows = list(world.tree.bagh.council_members.all())
    for row in persian_rows:
        assert f"council_members.{row.translation_key}.name" in paths
    assert f"council_members.{persian_rows[0].translation_key}.organization" in paths
    committee = world.tree.bagh.committees.get()
    assert {f"committees.{committee.translation_key}.{name}" for name in ("name", "chair", "description")} <= paths
    english_rows = list(world.english.council_members.all())
    assert [row.translation_key for row in english_rows] == [row.translation_key for row in persian_rows]
    assert {row.locale.language_code for row in english_rows} == {"en"}
    assert [row.role for row in english_rows] == ["chair", "secretary"]


def test_the_english_page_lists_what_the_persian_page_lists(world):
    reader = Client()
    persian = reader.get(world.tree.bagh.url).content.decode()
    english = reader.get(world.english.url).content.decode()

    # Counted by hand: 4 upcoming programmes, 4 assets, 3 organisations on both pages.
    for html in (persian, english):
        assert section(html, "programmes").count('<article class="card program-card">') == 4
        assert section(html, "assets").count("<li>") == 4
        assert section(html, "organizations").count("<li>") == 3
    assert "All assets of the neighbourhood (4)" in section(english, "assets")

    # The translated ones in English, in plain (left-to-right) text ...
    assert '>Sewing course</a></h3>' in english and "A free sewing course for women." in english
    assert f'<a href="{world.assets[0].get_translation(world.translator.locale).url}">Imam Ali Mosque</a></li>' in english
    assert f'<a href="/en/directory/org-0/">Omid Charity</a> <span class="muted">' in english
    # ... the others in Persian, marked as Persian and noted in English.
    programme = world.programmes[1]
    assert f'<a href="{programme.url}" lang="fa" dir="rtl">{programme.title}</a> <span class="muted untranslated">(Available in Persian)</span>' in english
    assert f'<p class="card__text" lang="fa" dir="rtl">{programme.summary}</p>' in english
    asset, organization = world.assets[1], world.organizations[1]
    assert f'<a href="{asset.url}" lang="fa" dir="rtl">{asset.title}</a> <span class="muted untranslated">(Available in Persian)</span>' in english
    assert f'<a href="{organization.url}" lang="fa" dir="rtl">{organization.title}</a>' in english
    assert section(english, "programmes").count("(Available in Persian)") == 3
    assert section(english, "assets").count("(Available in Persian)") == 3
    assert section(english, "organizations").count("(Available in Persian)") == 2
    # The directory is filtered to the neighbourhood as its filter names it: by its Persian page.
    assert f"/en/directory/?neighborhood={world.tree.bagh.pk}" in english

    # No Persian word outside what is marked Persian; the Persian page is as it was, with nothing marked.
    assert persian_outside_marks(english) == []
    main = persian.split('<main id="main" tabindex="-1">', 1)[1]
    assert "lang=" not in main and "فقط به فارسی" not in main and "Sewing course" not in main


def test_the_english_page_lists_the_offices_forms(world):
    """The forms belong to the Persian page; the English reader reaches them, translated or marked Persian, and a new
    Persian form makes the English page stale."""
    reader = Client()
    first = add_form_page(world.tree.bagh, slug="problem", title="گزارش مسئله محله")
    translated = world.translate(first, title="Report a problem")
    html = reader.get(world.english.url).content.decode()
    forms = section(html, "participate")
    assert f'<a href="{translated.url}">Report a problem</a>' in forms
    assert "/en/track/" in forms
    second = add_form_page(world.tree.bagh, slug="idea", title="پیشنهاد برای محله")
    forms = section(reader.get(world.english.url).content.decode(), "participate")
    assert f'<a href="{second.url}" lang="fa" dir="rtl">{second.title}</a> <span class="muted untranslated">(Available in Persian)</span>' in forms
    assert forms.count("<li>") == 2
    assert persian_outside_marks(reader.get(world.english.url).content.decode()) == []


def test_the_english_calendar_filtered_to_a_neighbourhood_finds_its_programmes(world, calendar_page):
    """A translated programme names the Persian neighbourhood page; the English filter offers the English page."""
    calendar = world.translate(calendar_page, title="Programmes")
    reader = Client()
    html = reader.get(calendar.url, {"neighborhood": world.english.pk}).content.decode()
    assert reader.get(calendar.url, {"neighborhood": world.english.pk}).status_code == 200
    assert "Sewing course" in html
    assert f'<option value="{world.english.pk}" selected>' in html
    # Another neighbourhood's choice finds none of Bagh Khalaj's.
    esmaeil = world.translate(world.tree.esmaeil, title="Esmaeilabad", city="Qom")
    other = reader.get(calendar.url, {"neighborhood": esmaeil.pk}).content.decode()
    assert "Sewing course" not in other


def test_a_sign_up_on_the_english_programme_page_takes_a_seat_of_the_persian_one(world):
    """One programme, one set of seats and one list of sign-ups, in whatever language a resident signs up; the
    office finds the sign-up on its Persian programme, and the resident can cancel it from the English page."""
    from forms.pipeline import new_form_token
    from programmes.models import Registration
    from programmes.models.page import ProgramPage
    from tests.conftest import signup_answers

    persian = world.programmes[0]
    english = persian.get_translation(world.translator.locale).specific
    reader = Client()
    response = reader.post(english.url, {**signup_answers(people="2"), "form_token": new_form_token()})
    assert response.status_code == 200, response.content.decode()[:1500]
    registration = Registration.objects.select_related("submission").get()
    assert registration.program_id == persian.pk and registration.submission.page_id == persian.pk
    assert ProgramPage.objects.get(pk=english.pk).seats_taken == ProgramPage.objects.get(pk=persian.pk).seats_taken == 2
    listed = dict(ProgramPage.objects.filter(pk__in=[persian.pk, english.pk]).for_listing().values_list("pk", "seats_taken"))
    assert listed == {persian.pk: 2, english.pk: 2}
    # A second sign-up with the same mobile, from the Persian page this time, is the same person twice.
    again = reader.post(persian.url, {**signup_answers(), "form_token": new_form_token()})
    assert again.status_code == 409 and Registration.objects.count() == 1
    cancelled = reader.post(english.url + "cancel/", {"code": registration.submission.tracking_code, "mobile": "09123456789"})
    assert cancelled.status_code == 200
    assert ProgramPage.objects.get(pk=persian.pk).seats_taken == 0


def test_the_english_list_of_assets(world):
    html = Client().get(world.english.url + "assets/").content.decode()
    listed = html.split('<ul class="directory-list">', 1)[1].split("</ul>", 1)[0]
    assert listed.count('<li class="card">') == 4
    assert ">Imam Ali Mosque</a></h2>" in listed and listed.count("(Available in Persian)") == 3
    assert "Mosque (4)" in html
    assert persian_outside_marks(html) == []


def test_a_change_in_the_persian_pages_lists_makes_the_english_page_stale(world):
    reader = Client()
    url = world.english.url
    reader.get(url)
    assert reader.get(url)["X-Page-Cache"] == "hit"

    # A Persian programme published: the English page is rendered again, and lists it.
    world.programmes[3].unpublish()
    assert reader.get(url)["X-Page-Cache"] == "miss"
    new = add_program(world.tree.bagh, slug="new", title="کارگاه تازه", days_ahead=1)
    html = reader.get(url).content.decode()
    assert new.title in html and world.programmes[3].title not in html

    # So does an asset, and an organisation that starts serving the neighbourhood (its section is kept).
    reader.get(url)
    asset = add_asset(world.tree.bagh, "بوستان تازه", slug="new-park", hours=False)
    organization = add_organization(world.directory, "سمن تازه", [world.tree.esmaeil], slug="org-new")
    html = reader.get(url).content.decode()
    assert asset.title in html and organization.title not in html
    organization.neighborhoods = [world.tree.esmaeil, world.tree.bagh]
    organization.save_revision().publish()
    assert organization.title in reader.get(url).content.decode()

    # A Persian change of another neighbourhood leaves the English page kept.
    reader.get(url)
    add_program(world.tree.esmaeil, slug="elsewhere", title="برنامه جای دیگر")
    assert reader.get(url)["X-Page-Cache"] == "hit"


def queries(reader, url, cold):
    url += "?budget"  # rendered, not served from the page cache
    reader.get(url)
    if cold:
        cache.clear()
        store._local.clear()
    with CaptureQueriesContext(connection) as captured:
        assert reader.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("cold", [True, False], ids=["cold", "warm"])
def test_the_english_page_costs_the_same_queries_however_many_items(world, cold):
    reader = Client()
    url = world.english.url
    few = queries(reader, url, cold)
    for number in range(4, 10):
        programme = add_program(world.tree.bagh, slug=f"more-{number}", title=f"برنامه {number}", days_ahead=1)
        asset = add_asset(world.tree.bagh, f"ظرفیت {number}", slug=f"more-asset-{number}", hours=False)
        organization = add_organization(world.directory, f"سازمان {number}", [world.tree.bagh], slug=f"more-org-{number}")
        if number % 2:
            world.translate(programme, title=f"Programme {number}")
            world.translate(asset, title=f"Asset {number}")
            world.translate(organization, title=f"Organisation {number}")
    more = queries(reader, url, cold)
    print(f"English neighbourhood page, {'cold' if cold else 'warm'}: {few} queries")
    assert more == few
    # The Persian page's budget (tests/test_query_budgets.py) and, cold, its Persian page and the three lists as
    # read in English.
    assert few <= (25 if cold else 1)
    assert ProgramPage.objects.filter(locale__language_code="en").count() == 4
    assert AssetPage.objects.filter(locale__language_code="en").count() == 4
    assert OrganizationPage.objects.filter(locale__language_code="en").count() == 4


def neighbourhood_form(page, members, committees):
    """The Persian neighbourhood's edit screen as an editor sends it, with ``members`` and ``committees``
    (dicts of the rows' fields, ``id`` for a row kept)."""
    return nested_form_data({
        "title": page.title, "slug": page.slug, "city": page.city, "district": page.district, "summary": page.summary,
        "image": "", "introduction": body_form(page.introduction),
        "office_address": page.office_address, "office_phone": page.office_phone, "office_started": "",
        "latitude": "", "longitude": "",
        "office_hours": inline_formset([]),
        "council_members": inline_formset(members, initial=sum(1 for row in members if row.get("id"))),
        "committees": inline_formset(committees, initial=sum(1 for row in committees if row.get("id"))),
        "seo_title": "", "search_description": "",
        "action-publish": "publish",
    })


def shown_ids(html, relation, count):
    """The ids the edit screen gives the rows of ``relation`` (empty for a row it has not stored yet)."""
    return [re.search(rf'name="{relation}-{number}-id"(?: value="(\d*)")?', html).group(1) or "" for number in range(count)]


def test_an_editor_adds_a_member_and_the_translation_keeps_what_was_translated(world, admin_client):
    bagh = world.tree.bagh
    stored = list(bagh.council_members.all())
    committee = bagh.committees.get()
    screen = admin_client.get(f"/admin/pages/{bagh.pk}/edit/").content.decode()
    members = [
        {"id": shown, "name": row.name, "role": row.role, "affiliation": row.affiliation, "organization": row.organization}
        for shown, row in zip(shown_ids(screen, "council_members", 2), stored)
    ]
    members.append({"name": "مریم احمدی", "role": "member", "affiliation": "expert", "organization": ""})
    committees = [{"id": shown_ids(screen, "committees", 1)[0], "name": committee.name, "scope": committee.scope,
                   "chair": committee.chair, "description": committee.description}]
    response = admin_client.post(f"/admin/pages/{bagh.pk}/edit/", neighbourhood_form(bagh, members, committees))
    assert response.status_code == 302, response.content.decode()[:2000]

    rows = list(bagh.council_members.all())
    assert [row.name for row in rows] == ["زهرا کریمی", "علی رضایی", "مریم احمدی"]
    assert [row.translation_key for row in rows[:2]] == [row.translation_key for row in stored]  # still the ones translated
    assert {row.locale.language_code for row in rows} == {"fa"}

    # Synced (the translator's «Sync translated pages», with the new name's English): the English page keeps
    # the two names it had and gets the third.
    world.translate(
        bagh, title="Bagh Khalaj", city="Arak", office_address="First Alley", committees=COUNCIL["committees"],
        council_members=[*COUNCIL["council_members"], ("Maryam Ahmadi", "")],
    )
    english = list(world.english.council_members.all())
    assert [row.name for row in english] == ["Zahra Karimi", "Ali Rezaei", "Maryam Ahmadi"]
    assert [row.translation_key for row in english] == [row.translation_key for row in rows]
    html = Client().get(world.english.url).content.decode()
    assert "<strong>Maryam Ahmadi</strong>" in html and "Member, Local expert" in html


# serialized_rollback: the rows migrations make (locales, the default site) are there even after a flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_ties_existing_rows_and_revisions_to_their_translations():
    from django.db.migrations.executor import MigrationExecutor

    from tests.conftest import Tree

    tree = Tree()
    CouncilMember.objects.create(page=tree.bagh, name="زهرا کریمی", role="chair", affiliation="charity", sort_order=0)
    CouncilMember.objects.create(page=tree.bagh, name="علی رضایی", role="member", affiliation="trustee", sort_order=1)
    Committee.objects.create(page=tree.bagh, name="کمیته سلامت", scope="health", sort_order=0)
    bagh = NeighborhoodPage.objects.get(pk=tree.bagh.pk)
    bagh.save_revision().publish()
    english = bagh.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    removed = CouncilMember.objects.create(page=bagh, name="عضو پیشین", role="member", affiliation="expert", sort_order=2)
    NeighborhoodPage.objects.get(pk=bagh.pk).save_revision()  # a draft that still holds the removed member
    removed.delete()

    executor = MigrationExecutor(connection)
    try:
        # Back to the rows as they were stored before (a translation's rows were plain copies) ...
        executor.migrate([("neighborhoods", "0001_initial")])
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        # ... and forward again.
        executor.migrate([("neighborhoods", "0003_council_translatable_required")])
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    persian = list(CouncilMember.objects.filter(page=bagh).order_by("sort_order"))
    translated = list(CouncilMember.objects.filter(page=english).order_by("sort_order"))
    assert [row.locale.language_code for row in persian + translated] == ["fa", "fa", "en", "en"]
    assert [row.translation_key for row in translated] == [row.translation_key for row in persian]
    assert len({row.translation_key for row in persian}) == 2
    # The revisions hold each row with the key it has now; the removed member keeps one key in all of them.
    keys = {str(row.pk): str(row.translation_key) for row in persian}
    for revision in bagh.revisions.all():
        for child in revision.content["council_members"]:
            assert child["locale"] == bagh.locale_id
            if str(child["pk"]) in keys:
                assert child["translation_key"] == keys[str(child["pk"])]
    draft = NeighborhoodPage.objects.get(pk=bagh.pk).get_latest_revision_as_object()
    assert [row.translation_key for row in draft.council_members.all()][:2] == [row.translation_key for row in persian]
    assert Committee.objects.get(page=english).translation_key == Committee.objects.get(page=bagh).translation_key
