"""Front caches (nginx, Varnish, a CDN) are purged through wagtail.contrib.frontend_cache of exactly the
URLs they may hold that show what changed: the real HTTP purge backend against a local server that
records PURGE requests. What is purged follows from the scopes each page was served under and what
each app declares it lists (portal/caching/); nothing here lists URLs per page type."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail import hooks
from wagtail.models import Locale

from neighborhoods.scopes import area
from neighborhoods.sections import HOOK, Section
from news.models import NewsIndexPage, NewsPage
from portal import jalali
from portal.caching.invalidation import Lists
from tests.conftest import add_form_page, add_program
from tests.directory_helpers import add_asset, add_directory, add_organization
from tests.purge_recorder import PurgeRecorder

pytestmark = pytest.mark.django_db

BAGH = "/neighborhoods/markazi/bagh-khalaj/"
ESMAEIL = "/neighborhoods/qom/esmaeilabad/"


@pytest.fixture
def recorder(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    with PurgeRecorder() as recorder:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": recorder.url},
        }
        yield recorder
    cache.clear()


def served(*urls):
    """Readers fetch ``urls``: what a front cache would now hold."""
    reader = Client()
    for url in urls:
        assert reader.get(url).status_code == 200, url


def publish_news(index, slug, date):
    news = NewsPage(title="خبر تازه", slug=slug, date=date, lead="لید", body="<p>متن</p>")
    index.add_child(instance=news)
    news.save_revision().publish()
    return news


def month(date):
    jalali_date = jalali.to_jalali_date(date)
    return f"{jalali_date.year}/{jalali_date.month}/"


def test_publishing_news_purges_every_listing_that_showed_it_and_nothing_elsewhere(
    tree, recorder, django_capture_on_commit_callbacks
):
    esfand = month(datetime.date(2025, 3, 1))
    listings = {BAGH, f"{BAGH}news/", f"{BAGH}news/feed/", f"{BAGH}news/{esfand}", "/news/", "/news/feed/atom/", "/"}
    served(*listings, ESMAEIL, f"{ESMAEIL}news/", "/neighborhoods/")
    with django_capture_on_commit_callbacks(execute=True):
        publish_news(tree.bagh.news_index_page, "lights", datetime.date(2025, 3, 1))
    assert listings <= recorder.paths
    # Another neighbourhood, and the list of neighbourhoods, show nothing of it.
    assert not any(path.startswith(ESMAEIL) for path in recorder.paths)
    assert "/neighborhoods/" not in recorder.paths


def test_a_changed_date_purges_the_archive_month_the_news_leaves_and_the_one_it_joins(
    tree, recorder, django_capture_on_commit_callbacks
):
    news = publish_news(tree.bagh.news_index_page, "lights", datetime.date(2025, 3, 1))  # Esfand 1403
    months = [f"{index}{name}" for index in (f"{BAGH}news/", "/news/") for name in ("1403/12/", "1404/1/")]
    served(*months)
    news = NewsPage.objects.get(pk=news.pk)
    news.date = datetime.date(2025, 3, 25)  # 5 Farvardin 1404
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    assert set(months) <= recorder.paths


def test_unpublishing_and_deleting_purge_the_page_and_its_listings(tree, recorder, django_capture_on_commit_callbacks):
    news = publish_news(tree.bagh.news_index_page, "gone", datetime.date(2025, 3, 1))
    shown = {f"{BAGH}news/gone/", f"{BAGH}news/1403/12/", "/news/1403/12/", BAGH, "/", "/sitemap.xml"}
    served(*shown)
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    assert shown <= recorder.paths

    news.save_revision().publish()
    served(*shown)
    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        NewsPage.objects.get(pk=news.pk).delete()
    assert shown <= recorder.paths


def test_moving_news_purges_the_old_and_the_new_neighbourhood(tree, recorder, django_capture_on_commit_callbacks):
    news = publish_news(tree.bagh.news_index_page, "moved", datetime.date(2025, 3, 1))
    shown = {f"{BAGH}news/moved/", f"{BAGH}news/", BAGH, f"{ESMAEIL}news/", ESMAEIL, "/news/", "/"}
    served(*shown)
    with django_capture_on_commit_callbacks(execute=True):
        news.move(tree.esmaeil.news_index_page, pos="last-child")
    assert shown <= recorder.paths


def test_publishing_a_neighbourhood_purges_the_lists_of_neighbourhoods_but_not_the_others(
    tree, recorder, django_capture_on_commit_callbacks
):
    lists = {BAGH, f"{BAGH}news/", "/neighborhoods/markazi/", "/neighborhoods/", "/", "/offices/", "/sitemap.xml"}
    served(*lists, ESMAEIL, f"{ESMAEIL}news/")
    with django_capture_on_commit_callbacks(execute=True):
        tree.bagh.save_revision().publish()
    assert lists <= recorder.paths
    assert not any(path.startswith(ESMAEIL) for path in recorder.paths)


def test_a_new_form_purges_its_neighbourhood(tree, recorder, django_capture_on_commit_callbacks):
    served(BAGH, ESMAEIL)
    with django_capture_on_commit_callbacks(execute=True):
        add_form_page(tree.bagh)
    assert BAGH in recorder.paths and ESMAEIL not in recorder.paths


def test_every_language_that_showed_it_is_purged(tree, recorder, settings, django_capture_on_commit_callbacks):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("fa", "فارسی"), ("en", "English")]
    english = Locale.objects.get(language_code="en")
    tree.home.copy_for_translation(english).save_revision().publish()
    tree.portal_news.copy_for_translation(english).save_revision().publish()
    served("/news/", "/en/news/", "/en/news/feed/", "/", "/en/")
    with django_capture_on_commit_callbacks(execute=True):
        publish_news(tree.bagh.news_index_page, "lights", datetime.date(2025, 3, 1))
    assert {"/news/", "/en/news/", "/en/news/feed/", "/", "/en/"} <= recorder.paths
    # No language is invented: the neighbourhood has no English page, so no /en/ URL of it is purged.
    assert not any(path.startswith("/en/neighborhoods/") for path in recorder.paths)


def test_publishing_an_organisation_purges_every_page_that_lists_it(tree, recorder, django_capture_on_commit_callbacks):
    directory = add_directory(tree)
    org = add_organization(directory, "خیریه امید", [tree.bagh], latitude="34.091", longitude="49.689")
    shown = {org.url, directory.url, BAGH, f"{BAGH}assets/", "/sitemap.xml"}
    served(*shown, ESMAEIL)
    with django_capture_on_commit_callbacks(execute=True):
        org.save_revision().publish()
    assert shown <= recorder.paths
    assert ESMAEIL not in recorder.paths

    # It now serves Esmaeil-abad instead: both neighbourhoods' pages change.
    served(BAGH, ESMAEIL)
    recorder.requests.clear()
    org.neighborhoods = [tree.esmaeil]
    with django_capture_on_commit_callbacks(execute=True):
        org.save_revision().publish()
    assert {BAGH, ESMAEIL} <= recorder.paths


def test_publishing_an_asset_purges_its_neighbourhood_and_the_assets_listing(
    tree, recorder, django_capture_on_commit_callbacks
):
    asset = add_asset(tree.bagh, "مسجد جامع")
    shown = {asset.url, BAGH, f"{BAGH}assets/", f"{BAGH}assets/csv/"}
    served(*shown, f"{ESMAEIL}assets/")
    with django_capture_on_commit_callbacks(execute=True):
        asset.save_revision().publish()
    assert shown <= recorder.paths
    assert f"{ESMAEIL}assets/" not in recorder.paths


def test_publishing_a_programme_purges_the_calendar_its_feeds_and_the_pages_showing_it(
    tree, calendar_page, recorder, django_capture_on_commit_callbacks
):
    today = jalali.to_jalali_date(datetime.date.today())
    shown = {"/programmes/", "/programmes/ical/", f"/programmes/{today.year}/{today.month}/", BAGH, "/"}
    served(*shown, ESMAEIL)
    with django_capture_on_commit_callbacks(execute=True):
        add_program(tree.bagh, slug="course", days_ahead=0, sessions=1)
    assert shown <= recorder.paths
    assert ESMAEIL not in recorder.paths


def test_a_programme_becoming_full_or_free_again_purges_its_listings(
    tree, calendar_page, recorder, django_capture_on_commit_callbacks
):
    from programmes.seats import Signup, cancel, register

    program = add_program(tree.bagh, slug="small", capacity=2, waitlist_capacity=2)
    served("/programmes/", BAGH, "/")
    with django_capture_on_commit_callbacks(execute=True):
        first = register(program, Signup(name="یکم", mobile="09120000001"))
    assert recorder.requests == []  # one seat still free: the listings say «open» as before
    with django_capture_on_commit_callbacks(execute=True):
        register(program, Signup(name="دوم", mobile="09120000002"))
    assert {"/programmes/", BAGH, "/"} <= recorder.paths  # now «full»
    served("/programmes/", BAGH, "/")
    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        register(program, Signup(name="سوم", mobile="09120000003"))  # waits
    assert recorder.requests == []
    with django_capture_on_commit_callbacks(execute=True):
        cancel(first)  # the one waiting takes the seat: still full
    assert recorder.requests == []


def test_a_draft_purges_nothing(tree, recorder, django_capture_on_commit_callbacks):
    news = publish_news(tree.bagh.news_index_page, "draft", datetime.date(2025, 3, 1))
    served(news.url, BAGH, "/news/", "/")
    news.title = "پیش‌نویس"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision()
    assert recorder.requests == []


def test_a_new_section_gets_its_purges_from_what_it_declares(tree, recorder, django_capture_on_commit_callbacks):
    """A section that shows the province's own news on each of its neighbourhoods' pages: declaring it
    is all it takes for a province news item to purge (and expire) those pages."""
    province_news = tree.markazi.add_child(instance=NewsIndexPage(title="خبرهای استان", slug="news"))
    province_news.save_revision().publish()

    def neighborhoods_of_its_province(news):
        if news.depth != province_news.depth + 1:
            return []
        province = news.get_parent().get_parent()
        return [area(page) for page in province.get_children().filter(depth=news.depth - 1)]

    section = Section(
        name="province-news",
        order=15,
        template="news/includes/neighborhood_news.html",
        context=lambda neighborhood, request: {
            "latest_news": NewsPage.objects.for_listing().child_of(province_news)[:3],
            "news_index": None,
        },
        lists=(Lists(NewsPage, neighborhoods_of_its_province, "the province's news on each neighbourhood"),),
    )
    reader = Client()
    with hooks.register_temporarily(HOOK, lambda: section):
        served(BAGH, ESMAEIL)
        assert reader.get(BAGH)["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            publish_news(province_news, "water", datetime.date(2025, 3, 1))
        assert BAGH in recorder.paths and ESMAEIL not in recorder.paths
        response = reader.get(BAGH)
        assert response["X-Page-Cache"] == "miss" and "خبر تازه" in response.content.decode()
        assert reader.get(ESMAEIL)["X-Page-Cache"] == "hit"
