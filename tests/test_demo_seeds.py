"""The demo is true to each neighbourhood's own seed report: nothing copied from one neighbourhood to
another, occasions on their real days, the organisations it names in the directory, the month's reports
made, and the facts a province's seed states on its page."""

import re
from collections import defaultdict

import pytest
from django.db import transaction

from content.models import ContentPage
from demo import content
from demo import programmes as demo_programmes
from neighborhoods.choices import Affiliation
from neighborhoods.models import NeighborhoodPage, ProvincePage
from news.models import NewsPage
from portal import jalali
from portal.text import field_text
from programmes.choices import Seat, Status
from programmes.models import ProgramPage, ProgramSession, Registration

from .test_demo import demo, load_demo  # noqa: F401 (demo is a module-scoped fixture)

pytestmark = pytest.mark.django_db

FRIDAY = 4  # datetime.date.weekday()


def neighbourhoods():
    return NeighborhoodPage.objects.filter(locale__language_code="fa").live()


def programmes():
    """The Persian programmes (their translations, if any, share their slugs)."""
    return ProgramPage.objects.filter(locale__language_code="fa").live()


def shared(owners):
    """The values of {value: {owners}} that more than one neighbourhood owns."""
    return {value: places for value, places in owners.items() if len(places) > 1}


def test_no_text_is_copied_from_one_neighbourhood_to_another(demo):
    owners = defaultdict(set)
    for neighbourhood in neighbourhoods():
        for program in programmes().filter(neighborhood=neighbourhood):
            for text in (program.title, program.summary, field_text(program.body)):
                owners[text].add(neighbourhood.slug)
        for news in NewsPage.objects.filter(locale__language_code="fa").live().descendant_of(neighbourhood):
            for text in (news.title, news.lead, field_text(news.body)):
                owners[text].add(neighbourhood.slug)
        for page in ContentPage.objects.live().descendant_of(neighbourhood):
            for text in (page.title, page.summary, field_text(page.body)):
                owners[text].add(neighbourhood.slug)
    assert len(owners) > 100
    assert not shared(owners)


def test_residents_belong_to_one_neighbourhood(demo):
    """A name or a mobile that signs up or writes to one neighbourhood appears in no other."""
    from forms.models import Submission

    names, mobiles = defaultdict(set), defaultdict(set)
    for name, mobile, neighbourhood in Submission.objects.values_list("name", "mobile", "neighborhood__slug"):
        if name:
            names[name].add(neighbourhood)
        if mobile:
            mobiles[mobile].add(neighbourhood)
    # Every neighbourhood has a programme open for sign-up with residents signed up.
    assert Registration.objects.values("program__neighborhood").distinct().count() == neighbourhoods().count()
    assert not shared(names) and not shared(mobiles)


def test_every_neighbourhood_has_its_own_programmes_and_the_demo_every_state(demo):
    states = set()
    for neighbourhood in neighbourhoods():
        own_programmes = list(programmes().filter(neighborhood=neighbourhood))
        assert 2 <= len(own_programmes) <= 4, neighbourhood.slug
        own = {program.status() for program in own_programmes}
        assert Status.FINISHED in own and own & {Status.OPEN, Status.FULL}, (neighbourhood.slug, own)
        states |= own
        for program in own_programmes:
            assert program.organiser and program.summary and program.sorted_sessions()
    assert {Status.FINISHED, Status.FULL, Status.OPEN, Status.UPCOMING} <= states
    full = [program for program in programmes() if program.status() == Status.FULL]
    assert all(program.registrations.filter(state=Seat.WAITLISTED).exists() for program in full)
    # Addiction treatment for women is Arak's office's work (its seed), and Bagh-e Khalaj's only.
    treatment = programmes().filter(sensitive_topic="addiction")
    assert [program.neighborhood.slug for program in treatment] == ["bagh-khalaj"]


def test_occasions_fall_on_their_days_and_counted_days_never_on_a_friday(demo):
    from reports.periods import today_in_tehran

    today = today_in_tehran()
    fixed = demo_programmes.on_fixed_days()
    arbor_days = programmes().filter(title__contains="روز درختکاری")
    assert arbor_days.exists()
    for program in arbor_days:
        [session] = program.sessions.all()
        day = jalali.to_jalali_date(session.date)
        assert (day.month, day.day) == (12, 15) and session.date >= today, session.date
    for (neighbourhood, slug), schedule in fixed.items():
        program = programmes().get(neighborhood__slug=neighbourhood, slug=slug)
        for session in program.sessions.all():
            if schedule.calendar == "jalali":
                day = jalali.to_jalali_date(session.date)
                assert (day.month, day.day) == (schedule.month, schedule.day), (slug, session.date)
            else:
                assert (session.date.month, session.date.day) == (schedule.month, schedule.day), (slug, session.date)
    on_their_days = [
        programmes().get(neighborhood__slug=neighbourhood, slug=slug).pk for neighbourhood, slug in fixed
    ]
    counted = ProgramSession.objects.filter(page__in=programmes()).exclude(page__in=on_their_days)
    assert counted.count() > 50
    assert not [(s.page.slug, s.date) for s in counted.select_related("page") if s.date.weekday() == FRIDAY]


def test_the_last_finished_month_has_its_reports_made_once(demo):
    from reports.models import MonthlyReport
    from reports.periods import current_month

    month = current_month().previous_month()
    reports = MonthlyReport.objects.filter(year=month.year, month=month.month).select_related(
        "neighborhood", "created_by"
    )
    assert sorted(report.neighborhood.slug for report in reports) == sorted(
        neighbourhood["slug"] for _, neighbourhood in content.all_neighborhoods()
    )
    for report in reports:
        assert report.created_by.username == content.head_username(report.neighborhood.slug)
        assert report.highlights and report.figures["neighborhood"]["id"] == report.neighborhood_id
    assert sum(report.figures["submissions"]["total"] for report in reports) > 0
    load_demo()
    assert MonthlyReport.objects.count() == len(reports)


# An organisation's name starts with one of these words; the word after it says whether it is a name.
ORGANISATION = re.compile(r"(?<![\w\u200c])(?:انجمن|خیریه|سمن|کانون|جمعیت|خانه کودک|تعاونی)\s+([^\s،.؛:]+)")
# "a children's NGO", "a local charity", "each NGO its share", "the NGO responsible", "the partner NGO",
# "the charity announced", "it is crowded": a common noun there, not the start of a name.
NOT_A_NAME = {"کودکان", "محلی", "سهم", "مسئول", "همکار", "اعلام", "است"}


def named_organisations(text):
    """The positions in ``text`` where an organisation is named."""
    return [match.start() for match in ORGANISATION.finditer(text) if match.group(1) not in NOT_A_NAME]


def test_every_organisation_the_demo_names_is_in_the_directory(demo):
    from council.models import Meeting, Resolution
    from directory.models import OrganizationPage
    from reports.models import MonthlyReport

    serving = defaultdict(set)  # neighbourhood id: titles of the organisations serving it
    for organisation in OrganizationPage.objects.live():
        for neighbourhood in organisation.neighborhoods.all():
            serving[neighbourhood.pk].add(organisation.title)
    texts = []  # (neighbourhood id, text)
    for neighbourhood in neighbourhoods():
        texts += [(neighbourhood.pk, text) for text in (neighbourhood.summary, field_text(neighbourhood.introduction))]
        for member in neighbourhood.council_members.filter(affiliation__in=[Affiliation.NGO, Affiliation.CHARITY]):
            assert member.organization in serving[neighbourhood.pk], (neighbourhood.slug, member.organization)
        for news in NewsPage.objects.filter(locale__language_code="fa").live().descendant_of(neighbourhood):
            texts += [(neighbourhood.pk, text) for text in (news.title, news.lead, field_text(news.body))]
    for program in programmes():
        for text in (program.summary, field_text(program.body), program.organiser, program.partners):
            texts.append((program.neighborhood_id, text))
        for link in program.partner_links.select_related("organization"):
            assert link.organization.title in serving[program.neighborhood_id], (program.slug, link.organization.title)
    texts += [(r.neighborhood_id, r.text) for r in Resolution.objects.all()]
    texts += [(m.neighborhood_id, m.minutes) for m in Meeting.objects.all()]
    texts += [(r.neighborhood_id, r.highlights) for r in MonthlyReport.objects.all()]
    texts += [(None, province.intro) for province in ProvincePage.objects.filter(locale__language_code="fa")]
    everywhere = set().union(*serving.values())
    unknown = []
    for neighbourhood, text in texts:
        known = serving[neighbourhood] if neighbourhood else everywhere
        for start in named_organisations(text):
            if not any(text.startswith(title, start) for title in known):
                unknown.append(text[start : start + 40])
    assert not unknown
    assert len([1 for _, text in texts if named_organisations(text)]) > 20


def test_the_finder_of_names_sees_names_and_not_common_nouns():
    text = "با حضور اعضای انجمن سبز قزوین و کارگران"
    [start] = named_organisations(text)
    assert text[start:].startswith("انجمن سبز قزوین")
    assert named_organisations("هر سمن سهم خود را بشناسد؛ سمن‌ها و یک خیریه محلی آمدند و محله پرجمعیت است.") == []


# What each province's seed report states about its offices, said on the province's page.
SEED_FACTS = {
    "qom": ["سه دفتر تسهیلگری", "شهر قائم", "امین‌آباد", "دروازه‌ری", "اسماعیل‌آباد", "کمیته امداد"],
    "markazi": ["باغ خلج", "رودکی", "خرداد ۱۳۹۸"],
}


def test_each_province_page_states_what_its_seed_says(demo):
    for slug, facts in SEED_FACTS.items():
        intro = ProvincePage.objects.get(slug=slug, locale__language_code="fa").intro
        assert [fact for fact in facts if fact not in intro] == [], slug


def test_registrants_are_unique_in_the_content_itself():
    """Checked without the database too: every programme's registrants, names and mobiles, are its own."""
    rows = [
        (neighbourhood, row)
        for neighbourhood, items in demo_programmes.PROGRAMMES.items()
        for data in items
        for row in data["registrants"]
    ]
    assert len({name for _, (name, _, _) in rows}) == len(rows)
    assert len({mobile for _, (_, mobile, _) in rows}) == len(rows)
    assert all(re.fullmatch(r"09\d{9}", mobile) for _, (_, mobile, _) in rows)
    assert set(demo_programmes.PROGRAMMES) == {n["slug"] for _, n in content.all_neighborhoods()}


def test_a_database_with_the_old_shared_programmes_keeps_only_each_neighbourhoods_own(demo):
    """load_demo over an earlier demo unpublishes what it gave every neighbourhood alike, and nothing else."""
    from demo.factories import ProgramPageFactory

    with transaction.atomic():
        esmaeilabad = neighbourhoods().get(slug="esmaeilabad")
        old = ProgramPageFactory(
            parent=esmaeilabad, slug="sewing-course", title=demo_programmes.RETIRED["sewing-course"], summary="قدیمی"
        )
        kept = ProgramPageFactory(parent=esmaeilabad, slug="quran-class", title="کلاس قرآن کودکان", summary="برنامه")
        load_demo()
        assert not ProgramPage.objects.get(pk=old.pk).live
        assert ProgramPage.objects.get(pk=kept.pk).live
        # Roudaki's own sewing course, under the same slug, is brought up to date, not unpublished.
        roudaki = programmes().get(neighborhood__slug="roudaki", slug="sewing-course")
        assert roudaki.live and roudaki.title != demo_programmes.RETIRED["sewing-course"]
        transaction.set_rollback(True)
