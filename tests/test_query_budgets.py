"""SQL queries per public page: a budget, and the same count whatever the number of items listed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import add_news, make_image

pytestmark = pytest.mark.django_db

# Counted on the second request: the site, the menu, breadcrumbs and lists kept under the content version
# (portal/content_version.py) come from the cache then, as they do for every reader after the first. The
# route to a page (home/routing.py), the home page in the request's language and the page's languages are
# kept there too, so a page whose whole content is fragments costs no query at all.
# The neighbourhood page keeps its news, council, committees, office hours and directory as fragments
# under the content version, and its upcoming programmes until the first ends; only seats taken are read
# live (one query, when a listed programme has a capacity: none here). A news item's article (its
# neighbourhood link, picture and tags) is a fragment too, and so are a news listing's page of cards and
# its archive.
# The front page's latest news are a fragment, its upcoming programmes are kept like the neighbourhood's.
# A news listing counts nothing and lists from a fragment.
PAGE_BUDGETS = {"home": 0, "neighborhood": 0, "news page": 0, "news index": 0, "portal news": 0}


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def page_urls(tree, news):
    return {
        "home": "/",
        "neighborhood": tree.bagh.url,
        "news index": tree.bagh.news_index_page.url,
        "portal news": tree.portal_news.url,
        "news page": news.url,
    }


@pytest.mark.parametrize("page", ["home", "neighborhood", "news index", "portal news", "news page"])
def test_query_count_is_within_budget_and_flat(client, tree, page, settings):
    settings.NEWS_PER_PAGE = 50
    settings.HOME_LATEST_NEWS = 50
    settings.NEIGHBORHOOD_LATEST_NEWS = 50
    image = make_image()
    tree.bagh.image = image  # the neighbourhood's own picture is part of the budget
    tree.bagh.save_revision().publish()
    first = add_news(tree.bagh.news_index_page, 5, image=image)
    url = page_urls(tree, first[0])[page]
    with_five = count_queries(client, url)
    add_news(tree.bagh.news_index_page, 45, image=make_image(title="دیگر"), start=first[-1].date)
    with_fifty = count_queries(client, url)
    assert with_five <= PAGE_BUDGETS[page]
    assert with_fifty == with_five, f"{page}: {with_five} queries with 5 news, {with_fifty} with 50"
