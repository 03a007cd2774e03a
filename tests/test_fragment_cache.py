"""What is kept under the scopes (portal/caching/) shows an edit on the very next request: publishing,
unpublishing, moving or deleting a page replaces the versions of the scopes that show it."""

import datetime
import re

import pytest
from django.core.cache import cache

from news.models import NewsIndexPage
from portal.caching import invalidation, scopes, store
from programmes.models import ProgramCalendarPage

pytestmark = pytest.mark.django_db


def menu(client, url="/"):
    html = client.get(url).content.decode()
    return html[html.index('class="site-nav"') : html.index("</nav>", html.index('class="site-nav"'))]


def add_menu_page(tree, title="تقویم برنامه‌ها", slug="calendar", publish=True):
    page = ProgramCalendarPage(title=title, slug=slug, show_in_menus=True, live=publish)
    tree.home.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def test_a_published_menu_page_shows_in_the_menu_on_the_next_request(client, tree):
    tree.portal_news.show_in_menus = True
    tree.portal_news.save_revision().publish()
    assert "تقویم برنامه‌ها" not in menu(client)
    cached = menu(client)
    version = scopes.versions([])

    add_menu_page(tree)

    assert scopes.versions([]) != version  # a child of the home page changes the frame: ``site``
    assert "تقویم برنامه‌ها" in menu(client) and "تقویم برنامه‌ها" not in cached


def test_the_menu_is_served_from_the_cache_until_a_page_changes(client, tree):
    tree.portal_news.show_in_menus = True
    tree.portal_news.save_revision().publish()
    menu(client)
    # A change the signals cannot see (a raw UPDATE) stays invisible while the version stands:
    # the proof that the second request read the fragment rather than the database.
    NewsIndexPage.objects.filter(pk=tree.portal_news.pk).update(title="عنوان بی‌نشان")
    assert "عنوان بی‌نشان" not in menu(client)
    scopes.bump([scopes.SITE])
    assert "عنوان بی‌نشان" in menu(client)


def test_unpublishing_and_deleting_a_menu_page_drop_it_from_the_menu(client, tree):
    calendar = add_menu_page(tree)
    assert "تقویم برنامه‌ها" in menu(client)
    calendar.unpublish()
    assert "تقویم برنامه‌ها" not in menu(client)
    calendar.save_revision().publish()
    assert "تقویم برنامه‌ها" in menu(client)
    calendar.delete()
    assert "تقویم برنامه‌ها" not in menu(client)


def province_counts(html):
    """{province: number of neighbourhoods} of a list of provinces (neighborhoods/includes/place_counts.html)."""
    rows = re.findall(r'<span class="place-counts__name">([^<]+)</span> <span class="place-counts__count">([^<]+)</span>', html)
    return {name: int(re.sub(r"\D", "", count.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))) for name, count in rows}


def test_moving_a_page_updates_the_neighbourhood_lists(client, tree):
    assert province_counts(client.get(tree.index.url).content.decode()) == {"مرکزی": 1, "قم": 1}
    assert "اسماعیل‌آباد" in client.get(tree.qom.url).content.decode()  # one city: its neighbourhoods at once
    tree.bagh.move(tree.qom, pos="last-child")
    # A province left without neighbourhoods is not offered.
    assert province_counts(client.get(tree.index.url).content.decode()) == {"قم": 2}
    assert province_counts(client.get("/").content.decode()) == {"قم": 2}
    # The province it moved to lists its city beside its own (kept, and made again after the move).
    assert province_counts(client.get(tree.qom.url).content.decode()) == {"اراک": 1, "قم": 1}


def test_a_renamed_neighbourhood_shows_in_its_province_and_the_offices_feed(client, tree):
    from decimal import Decimal

    tree.bagh.latitude, tree.bagh.longitude = Decimal("34.091700"), Decimal("49.689200")
    tree.bagh.save_revision().publish()
    assert "باغ خلج" in client.get(tree.markazi.url).content.decode()
    assert client.get("/offices/").json()["names"] == ["باغ خلج"]
    tree.bagh.title = "باغ خلج نو"
    tree.bagh.save_revision().publish()
    assert "باغ خلج نو" in client.get(tree.markazi.url).content.decode()
    assert client.get("/offices/").json()["names"] == ["باغ خلج نو"]


def test_the_version_survives_a_flushed_cache(client, tree):
    menu(client)
    cache.clear()
    assert scopes.versions([])
    assert client.get("/").status_code == 200


def test_a_view_restriction_added_later_is_enforced_on_the_next_request(client, tree):
    from wagtail.models import PageViewRestriction

    assert "خیابان نمونه" in client.get(tree.bagh.url).content.decode()
    PageViewRestriction.objects.create(page=tree.markazi, restriction_type=PageViewRestriction.PASSWORD, password="رمز")
    html = client.get(tree.bagh.url).content.decode()
    assert "خیابان نمونه" not in html and 'name="password"' in html
    PageViewRestriction.objects.all().delete()
    assert "خیابان نمونه" in client.get(tree.bagh.url).content.decode()


# --- the neighbourhood page: fragments under the version, programmes' seats read live ---------------


def neighborhood_html(client, tree):
    # A query string skips the page cache (portal/page_cache.py): what is served is the page rendered
    # now, with its fragments from the content-version cache.
    return client.get(tree.bagh.url + "?fresh").content.decode()


def test_a_news_item_published_in_a_neighbourhood_shows_on_its_page_next_request(client, tree):
    from tests.conftest import add_news

    assert "خبر شماره ۱" not in neighborhood_html(client, tree) and "خبر شماره 1" not in neighborhood_html(client, tree)
    add_news(tree.bagh.news_index_page, 1)
    html = neighborhood_html(client, tree)
    assert "هنوز خبری از این محله منتشر نشده است." not in html
    assert "لید کوتاه خبر برای فهرست‌ها." in html


def test_council_committees_and_office_hours_edited_show_next_request(client, tree):
    import datetime

    from neighborhoods.models.council import Committee, CouncilMember
    from neighborhoods.models.office import OfficeHours

    assert "فهرست اعضای شورا هنوز ثبت نشده است." in neighborhood_html(client, tree)
    page = tree.bagh
    page.council_members = [CouncilMember(name="مریم احمدی")]
    page.committees = [Committee(name="کمیته محیط زیست", scope=Committee._meta.get_field("scope").choices[0][0])]
    page.office_hours = [OfficeHours(weekday=0, opens=datetime.time(8), closes=datetime.time(14))]
    page.save_revision().publish()
    html = neighborhood_html(client, tree)
    assert "مریم احمدی" in html and "کمیته محیط زیست" in html and 'class="hours"' in html
    assert "فهرست اعضای شورا هنوز ثبت نشده است." not in html

    page.council_members = [CouncilMember(name="علی رضایی")]
    page.save_revision().publish()
    html = neighborhood_html(client, tree)
    assert "علی رضایی" in html and "مریم احمدی" not in html


def test_an_organisation_serving_the_neighbourhood_shows_next_request(client, tree):
    from tests.directory_helpers import add_directory, add_organization

    directory = add_directory(tree)
    assert "خیریه امید" not in neighborhood_html(client, tree)
    add_organization(directory, "خیریه امید", [tree.bagh])
    assert "خیریه امید" in neighborhood_html(client, tree)


def programme_status(html, title):
    card = html[: html.index(title)].rsplit('<article class="card program-card">', 1)[-1]
    return card.split('data-status="', 1)[1].split('"', 1)[0]


def test_seats_taken_and_freed_show_on_the_neighbourhood_page_next_request(client, tree):
    from programmes.models import Registration
    from programmes.seats import Signup, cancel, register
    from tests.conftest import add_program

    program = add_program(tree.bagh, capacity=1)
    assert programme_status(neighborhood_html(client, tree), "دوره آموزش خیاطی") == "open"
    # A sign-up changes no page: the seats are read live. Only the programme becoming full (shown on its
    # cards) counts as a change, as a publish would.
    version = scopes.versions(invalidation.scopes_for(program))
    register(program, Signup(name="ساکن محله", mobile="09123456789", people=1))
    assert scopes.versions(invalidation.scopes_for(program)) != version
    assert programme_status(neighborhood_html(client, tree), "دوره آموزش خیاطی") == "full"
    cancel(Registration.objects.get())
    assert programme_status(neighborhood_html(client, tree), "دوره آموزش خیاطی") == "open"


def test_a_programme_added_or_cancelled_shows_on_the_neighbourhood_page_next_request(client, tree):
    from tests.conftest import add_program

    assert "برنامه‌ای برای روزهای پیش رو ثبت نشده است." in neighborhood_html(client, tree)
    program = add_program(tree.bagh)
    assert "دوره آموزش خیاطی" in neighborhood_html(client, tree)
    program.cancelled = True
    program.save_revision().publish()
    assert "دوره آموزش خیاطی" not in neighborhood_html(client, tree)


def test_the_neighbourhood_fragments_follow_the_language(client, tree):
    from django.utils import translation

    persian = neighborhood_html(client, tree)
    assert "شورای پیشرفت محله" in persian
    with translation.override("en"):
        key_en = store._key("neighborhood-section", ["council", None, tree.bagh.pk])
    with translation.override("fa"):
        key_fa = store._key("neighborhood-section", ["council", None, tree.bagh.pk])
    assert key_en != key_fa


def test_a_news_item_and_its_neighbourhood_edited_show_on_the_news_page_next_request(client, tree):
    from tests.conftest import add_news

    news = add_news(tree.bagh.news_index_page, 1)[0]
    url = news.url + "?fresh"
    assert "متن خبر." in client.get(url).content.decode()
    news.body = "<p>متن تازه خبر.</p>"
    news.tags.add("آب")
    news.save_revision().publish()
    html = client.get(url).content.decode()
    assert "متن تازه خبر." in html and "?tag=%D8%A2%D8%A8" in html
    tree.bagh.title = "باغ خلج نو"
    tree.bagh.save_revision().publish()
    assert "باغ خلج نو</a>" in client.get(url).content.decode()


def test_without_a_reachable_cache_fragments_are_rendered_every_time(client, tree, settings):
    from neighborhoods.models.council import CouncilMember

    # A cache that keeps nothing stands for Redis being away: no version can be read or replaced, so no
    # fragment may be kept in the process either, or an edit would never show.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert "فهرست اعضای شورا هنوز ثبت نشده است." in neighborhood_html(client, tree)
    tree.bagh.council_members = [CouncilMember(name="مریم احمدی")]
    tree.bagh.save_revision().publish()
    assert "مریم احمدی" in neighborhood_html(client, tree)


def test_news_listings_show_a_new_item_and_keep_each_querys_links(client, tree, settings):
    from tests.conftest import add_news

    settings.NEWS_PER_PAGE = 2
    add_news(tree.bagh.news_index_page, 3)
    url = tree.bagh.news_index_page.url
    first = client.get(url).content.decode()
    assert "خبر شماره 4" not in first and 'href="?page=2"' in first
    # Another query string: its own links, not the ones kept for the plain URL.
    tagged = client.get(url + "?from=feed").content.decode()
    assert 'href="?from=feed&amp;page=2"' in tagged
    assert 'href="?page=2"' in client.get(url).content.decode()

    add_news(tree.bagh.news_index_page, 1, start=datetime.date(2026, 1, 1))
    after = client.get(url).content.decode()
    assert "خبر شماره 4" in after
    assert "۱۴۰۴" in after and "دی ۱۴۰۴" in after  # the archive counts the new month


def test_the_directory_listing_shows_a_new_organisation_and_keeps_filters_apart(client, tree):
    from tests.directory_helpers import add_directory, add_organization, service

    directory = add_directory(tree)
    add_organization(directory, "خیریه امید", [tree.bagh], [service()])
    assert "خیریه امید" in client.get(directory.url).content.decode()
    filtered = client.get(directory.url + f"?neighborhood={tree.esmaeil.pk}").content.decode()
    assert "خیریه امید" not in filtered

    add_organization(directory, "انجمن همیاری", [tree.esmaeil], [service()])
    assert "انجمن همیاری" in client.get(directory.url).content.decode()
    assert "انجمن همیاری" in client.get(directory.url + f"?neighborhood={tree.esmaeil.pk}").content.decode()
