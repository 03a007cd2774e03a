"""Publishing purges the page and every listing that shows it, through wagtail.contrib.frontend_cache:
the real HTTP purge backend against a local server that records PURGE requests, and our page cache."""

import datetime

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from news.models import NewsPage
from tests.conftest import add_form_page
from tests.purge_recorder import PurgeRecorder

pytestmark = pytest.mark.django_db

BAGH = "/neighborhoods/markazi/bagh-khalaj/"


@pytest.fixture
def recorder(settings):
    with PurgeRecorder() as recorder:
        settings.WAGTAILFRONTENDCACHE = {
            "pagecache": {"BACKEND": "portal.page_cache.PageCacheBackend"},
            "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": recorder.url},
        }
        yield recorder


def publish_news(index, slug, date):
    news = NewsPage(title="خبر تازه", slug=slug, date=date, lead="لید", body="<p>متن</p>")
    index.add_child(instance=news)
    news.save_revision().publish()
    return news


def news_listing_urls(index_path, month):
    return {index_path, f"{index_path}feed/", f"{index_path}feed/atom/", f"{index_path}{month}"}


def test_publishing_news_purges_every_listing_that_shows_it(tree, recorder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_news(tree.bagh.news_index_page, "lights", datetime.date(2025, 3, 1))  # 11 Esfand 1403

    expected = {
        f"{BAGH}news/lights/",
        *news_listing_urls(f"{BAGH}news/", "1403/12/"),  # the neighbourhood's news and its archive month
        *news_listing_urls("/news/", "1403/12/"),  # the portal's news
        BAGH,  # the neighbourhood page shows its latest news
        "/neighborhoods/markazi/",
        "/neighborhoods/",
        "/",  # the home page shows the portal's latest news
        "/sitemap.xml",
    }
    assert expected <= recorder.paths
    assert {host for host, _path in recorder.requests} == {"localhost"}
    # Nothing of the other province is touched.
    assert not any("qom" in path for path in recorder.paths)


def test_a_changed_date_purges_the_archive_month_the_news_leaves(
    tree, recorder, django_capture_on_commit_callbacks
):
    news = publish_news(tree.bagh.news_index_page, "lights", datetime.date(2025, 3, 1))  # Esfand 1403
    recorder.requests.clear()
    news = NewsPage.objects.get(pk=news.pk)
    news.date = datetime.date(2025, 3, 25)  # 5 Farvardin 1404
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()

    for index_path in (f"{BAGH}news/", "/news/"):
        assert {f"{index_path}1403/12/", f"{index_path}1404/1/"} <= recorder.paths


def test_unpublishing_and_deleting_purge_the_same_listings(tree, recorder, django_capture_on_commit_callbacks):
    news = publish_news(tree.bagh.news_index_page, "gone", datetime.date(2025, 3, 1))
    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    assert {f"{BAGH}news/gone/", f"{BAGH}news/1403/12/", "/news/1403/12/", BAGH, "/"} <= recorder.paths

    news.save_revision().publish()
    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        NewsPage.objects.get(pk=news.pk).delete()
    assert {f"{BAGH}news/gone/", f"{BAGH}news/feed/", "/news/feed/atom/", BAGH, "/", "/sitemap.xml"} <= recorder.paths


def test_moving_news_purges_the_old_and_the_new_neighbourhood(tree, recorder, django_capture_on_commit_callbacks):
    news = publish_news(tree.bagh.news_index_page, "moved", datetime.date(2025, 3, 1))
    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        news.move(tree.esmaeil.news_index_page, pos="last-child")
    esmaeil = "/neighborhoods/qom/esmaeilabad/"
    assert {f"{BAGH}news/moved/", f"{BAGH}news/", BAGH} <= recorder.paths
    assert {f"{esmaeil}news/moved/", f"{esmaeil}news/", esmaeil, "/news/", "/"} <= recorder.paths


def test_publishing_a_neighbourhood_or_a_form_purges_the_pages_listing_them(
    tree, recorder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tree.bagh.save_revision().publish()
    assert {BAGH, "/neighborhoods/markazi/", "/neighborhoods/", "/", "/sitemap.xml"} <= recorder.paths

    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        add_form_page(tree.bagh)
    assert {f"{BAGH}problem/", BAGH, "/sitemap.xml"} <= recorder.paths

    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tree.portal_news.save_revision().publish()
    assert {"/news/", "/news/feed/", "/news/feed/atom/", "/"} <= recorder.paths


def test_every_language_the_page_exists_in_is_purged(tree, recorder, settings, django_capture_on_commit_callbacks):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("fa", "فارسی"), ("en", "English")]
    english = Locale.objects.get(language_code="en")
    home_en = tree.home.copy_for_translation(english)
    home_en.save_revision().publish()
    news_en = tree.portal_news.copy_for_translation(english)
    news_en.save_revision().publish()
    recorder.requests.clear()

    with django_capture_on_commit_callbacks(execute=True):
        publish_news(tree.bagh.news_index_page, "lights", datetime.date(2025, 3, 1))
    assert {"/news/", "/en/news/", "/en/news/feed/", "/en/news/1403/12/", "/", "/en/"} <= recorder.paths
    # No language is invented: the neighbourhood has no English page, so no /en/ URL of it is purged.
    assert not any(path.startswith("/en/neighborhoods/") for path in recorder.paths)


def test_purge_drops_the_page_cache_entries(tree, settings, client, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    assert client.get(BAGH)["X-Page-Cache"] == "miss"
    assert client.get(BAGH)["X-Page-Cache"] == "hit"
    assert client.get("/news/")["X-Page-Cache"] == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        publish_news(tree.bagh.news_index_page, "fresh", datetime.date(2025, 3, 2))

    response = client.get(BAGH)
    assert response["X-Page-Cache"] == "miss" and "خبر تازه" in response.content.decode()
    assert "خبر تازه" in client.get("/news/").content.decode()
    cache.clear()


def test_publishing_a_programme_purges_the_calendar_months_and_feeds(
    tree, calendar_page, recorder, django_capture_on_commit_callbacks
):
    from tests.conftest import add_program

    with django_capture_on_commit_callbacks(execute=True):
        program = add_program(tree.bagh, slug="course", days_ahead=0, sessions=1)
    from portal import jalali

    month = jalali.to_jalali_date(program.sorted_sessions()[0].date)
    expected = {
        f"{BAGH}course/",
        f"{BAGH}course/ical/",
        "/programmes/",
        "/programmes/ical/",
        f"/programmes/{month.year}/{month.month}/",
        BAGH,  # upcoming programmes of the neighbourhood
        "/",  # and of the portal
        "/sitemap.xml",
    }
    assert expected <= recorder.paths
    assert not any("qom" in path for path in recorder.paths)


def test_a_programme_becoming_full_or_free_again_purges_its_listings(
    tree, calendar_page, recorder, django_capture_on_commit_callbacks
):
    from programmes.seats import Signup, cancel, register
    from tests.conftest import add_program

    program = add_program(tree.bagh, slug="small", capacity=2, waitlist_capacity=2)
    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = register(program, Signup(name="یکم", mobile="09120000001"))
    assert recorder.requests == []  # one seat still free: the listings say «open» as before
    with django_capture_on_commit_callbacks(execute=True):
        register(program, Signup(name="دوم", mobile="09120000002"))
    assert {"/programmes/", BAGH, "/"} <= recorder.paths  # now «full»
    recorder.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        register(program, Signup(name="سوم", mobile="09120000003"))  # waits
    assert recorder.requests == []
    with django_capture_on_commit_callbacks(execute=True):
        cancel(first)  # the one waiting takes the seat: still full
    assert recorder.requests == []
