"""The route to a page, the home page in each language and a page's languages are kept under the page's
scopes (home/routing.py, portal/caching/, portal/languages.py): no query once known, and an edit shows
on the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.caching import scopes, store
from tests.conftest import add_news
from tests.test_languages import translate

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_known_page_costs_no_query_and_a_change_routes_again(client, tree):
    url = tree.bagh.url
    assert client.get(url).status_code == 200
    response, count = queries_for(client, url)
    assert response.status_code == 200 and count == 0

    scopes.bump(tree.bagh.cache_scopes())
    response, count = queries_for(client, url)
    # The route, the page's languages and the fragments are read again once.
    assert response.status_code == 200 and count > 0


def test_an_unpublished_page_is_404_on_the_next_request(client, tree):
    url = tree.bagh.url
    assert client.get(url).status_code == 200
    tree.bagh.unpublish()
    assert client.get(url).status_code == 404
    tree.bagh.save_revision().publish()
    assert client.get(url).status_code == 200


def test_a_new_slug_moves_the_page_and_frees_the_old_url(client, tree):
    old_url = tree.bagh.url
    assert client.get(old_url).status_code == 200
    tree.bagh.slug = "bagh-e-khalaj"
    tree.bagh.save_revision().publish()
    tree.bagh.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(tree.bagh.url).status_code == 200


def test_an_edit_shows_on_the_next_request(client, tree):
    assert "باغ خلج" in client.get(tree.bagh.url).content.decode()
    tree.bagh.title = "باغ خلج نو"
    tree.bagh.save_revision().publish()
    assert "باغ خلج نو" in client.get(tree.bagh.url).content.decode()


def test_sub_routes_and_unknown_urls_are_routed_each_time_and_not_kept(client, tree):
    add_news(tree.bagh.news_index_page, 2)
    index_url = tree.bagh.news_index_page.url
    client.get(index_url)
    kept = len(store._local)
    for _ in range(2):
        assert client.get(index_url + "feed/").status_code == 200
        assert client.get(tree.bagh.url + "no-such-page/").status_code == 404
        assert client.get("/nothing/here/at/all/").status_code == 404
    assert len(store._local) == kept


def test_each_language_routes_from_its_own_home(client, tree):
    translate(tree.home, "en", "Mahalle")
    translate(tree.index, "en", "Neighbourhoods")
    translate(tree.markazi, "en", "Markazi")
    translate(tree.bagh, "en", "Bagh-e Khalaj", city="Arak")
    for _ in range(2):  # the second time from what the first kept
        english = client.get("/en/neighborhoods/markazi/bagh-khalaj/")
        persian = client.get("/neighborhoods/markazi/bagh-khalaj/")
        assert english.status_code == 200 and "Bagh-e Khalaj" in english.content.decode()
        assert persian.status_code == 200 and "باغ خلج" in persian.content.decode()
        assert 'lang="en"' in english.content.decode()[:400]
        # Qom is not translated: 404 in English, whatever was kept for Persian.
        assert client.get("/en/neighborhoods/qom/").status_code == 404
        assert client.get("/neighborhoods/qom/").status_code == 200


def test_a_page_served_is_the_requests_own_copy(client, tree):
    """Attributes set on a page while serving it (its languages, say) never reach the next request."""
    client.get(tree.bagh.url)
    first = client.get(tree.bagh.url).wsgi_request
    second = client.get(tree.bagh.url).wsgi_request
    page_one, page_two = first._wagtail_route_for_request[0], second._wagtail_route_for_request[0]
    assert page_one.pk == page_two.pk and page_one is not page_two
