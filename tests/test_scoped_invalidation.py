"""Invalidation scoped to what changed: a publish in one neighbourhood leaves every other neighbourhood's
kept pages, fragments and routes valid, and the portal-wide lists follow only what they show."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.caching import store
from tests.conftest import add_news

pytestmark = pytest.mark.django_db

BAGH = "/neighborhoods/markazi/bagh-khalaj/"
ESMAEIL = "/neighborhoods/qom/esmaeilabad/"


@pytest.fixture
def cached_site(tree, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    store._local.clear()
    add_news(tree.bagh.news_index_page, 2, start=datetime.date(2025, 3, 1))
    add_news(tree.esmaeil.news_index_page, 2, start=datetime.date(2025, 3, 1))
    yield tree
    cache.clear()


def page_cache_states(reader, *urls):
    return {url: reader.get(url).get("X-Page-Cache") for url in urls}


def rendered_queries(reader, url):
    """Queries to render ``url`` anew (a query string skips the page cache) with what is kept."""
    with CaptureQueriesContext(connection) as captured:
        assert reader.get(url + "?again").status_code == 200
    return len(captured)


def test_a_publish_in_one_neighbourhood_leaves_the_others_kept(cached_site):
    tree, reader = cached_site, Client()
    urls = [BAGH, f"{BAGH}news/", ESMAEIL, f"{ESMAEIL}news/", "/neighborhoods/qom/", "/"]
    page_cache_states(reader, *urls)
    for url in (BAGH, ESMAEIL):
        reader.get(url + "?again")
    esmaeil_before = rendered_queries(reader, ESMAEIL)

    news = add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 4, 1))[0]

    states = page_cache_states(reader, *urls)
    # Bagh-e Khalaj's pages and the front page (its latest news) are rendered again, with the news...
    assert states[BAGH] == states[f"{BAGH}news/"] == states["/"] == "miss"
    assert news.title in reader.get(f"{BAGH}news/").content.decode()
    # ... Esmaeil-abad's pages and the province that lists it are still what was kept.
    assert states[ESMAEIL] == states[f"{ESMAEIL}news/"] == states["/neighborhoods/qom/"] == "hit"
    # Rendered anew, Esmaeil-abad's page finds its route, family and sections kept: no query more.
    assert rendered_queries(reader, ESMAEIL) == esmaeil_before


def test_drafts_locks_and_workflow_steps_leave_everything_kept(cached_site, admin_user):
    tree, reader = cached_site, Client()
    page_cache_states(reader, BAGH, f"{BAGH}news/", "/")
    news = tree.bagh.news_index_page.get_children().first().specific
    news.title = "پیش‌نویس"
    news.save_revision(user=admin_user)
    news.locked, news.locked_by = True, admin_user
    news.save(update_fields=["locked", "locked_by", "locked_at"])
    assert set(page_cache_states(reader, BAGH, f"{BAGH}news/", "/").values()) == {"hit"}


def test_renaming_a_province_reaches_its_neighbourhoods_only(cached_site):
    tree, reader = cached_site, Client()
    page_cache_states(reader, BAGH, ESMAEIL, "/neighborhoods/")
    tree.markazi.title = "استان مرکزی"
    tree.markazi.save_revision().publish()
    states = page_cache_states(reader, BAGH, ESMAEIL, "/neighborhoods/")
    assert states == {BAGH: "miss", ESMAEIL: "hit", "/neighborhoods/": "miss"}
    assert "استان مرکزی" in reader.get(BAGH + "?again").content.decode()


def test_an_english_translation_published_shows_in_the_persian_pages_switcher(cached_site, settings):
    from tests.test_languages import translate

    tree, reader = cached_site, Client()
    translate(tree.home, "en", "Mahalle")
    translate(tree.index, "en", "Neighbourhoods")
    translate(tree.markazi, "en", "Markazi")
    page_cache_states(reader, BAGH, ESMAEIL)
    translate(tree.bagh, "en", "Bagh-e Khalaj", city="Arak")
    states = page_cache_states(reader, BAGH, ESMAEIL)
    assert states == {BAGH: "miss", ESMAEIL: "hit"}
    assert 'hreflang="en"' in reader.get(BAGH).content.decode()


def test_a_page_copied_and_published_shows_where_it_lands(cached_site):
    tree, reader = cached_site, Client()
    page_cache_states(reader, BAGH, ESMAEIL)
    news = tree.bagh.news_index_page.get_children().first().specific
    news.copy(to=tree.esmaeil.news_index_page, update_attrs={"slug": "copied", "title": "خبر رونوشت"}, keep_live=True)
    assert page_cache_states(reader, BAGH, ESMAEIL) == {BAGH: "hit", ESMAEIL: "miss"}
    assert "خبر رونوشت" in reader.get(ESMAEIL).content.decode()
