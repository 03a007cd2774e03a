"""SQL queries per public page type: a budget with every cache empty (cold) and once the page has been
served (warm), and the same count whatever the number of items listed.

Warm: the site, the menu, the route to a page, its languages, breadcrumbs and the fragments kept under
the page's scopes (portal/caching/) come from the cache, as they do for every reader after the first;
what is read live is what changes without a page changing (seats taken, the calendar's month of
sessions, search results). Cold: every cache emptied before the request (the shared cache and the
worker's copies), as after a flush -- what a page costs in an ordinary Wagtail site, bounded here too.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.caching import store
from tests.conftest import add_form_page, add_news, add_program, make_image
from tests.directory_helpers import add_asset, add_directory, add_organization, service

pytestmark = pytest.mark.django_db

# page type: (cold, warm). Cold is at most 16 but for the directory (its filters' thousand
# neighbourhoods, the count, the application form's link) and the neighbourhood page, whose frame
# (site, route, languages, menu, restrictions, urgent notices: 11 on every page) carries eight sections
# (the council's decisions counted in one query, their latest read only when there are any).
BUDGETS = {
    "home": (16, 1),  # warm: the seats taken of the upcoming programmes
    "neighbourhood index": (13, 0),
    "province": (15, 1),  # cold: its cities counted; a province of one city lists its neighbourhoods, counted for paging
    "neighbourhood": (22, 1),  # warm: seats taken
    "news index": (16, 0),
    "portal news": (15, 0),
    "news page": (14, 0),
    "programme": (15, 3),  # warm: seats, sessions, partners (its sign-up form is rendered each time)
    "calendar": (15, 4),  # warm: the month's sessions, the page of programmes, their count, seats
    "asset": (15, 3),
    "assets listing": (16, 6),  # warm: a sub-route, routed each time; its types, count, page, map
    "organisation": (16, 4),
    "directory": (17, 1),
    "form": (14, 1),  # cold: the office's point its location map opens on (kept while the neighbourhood stands)
}


def queries(client, url, cold):
    # A query string: the page is rendered, not served from the page cache.
    url += "?budget"
    client.get(url)  # what the first reader leaves: in the caches, and the images' renditions made
    if cold:
        cache.clear()
        store._local.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_items(tree, world, count):
    """``count`` more of everything the pages list."""
    image = world["image"]
    added = add_news(tree.bagh.news_index_page, count, image=image, start=datetime.date(2025, 3, 1))
    world["news"] = world.get("news") or added[0]
    for number in range(count):
        slug = f"p{len(world['programmes'])}"
        world["programmes"].append(add_program(tree.bagh, slug=slug, title=f"برنامه {slug}", days_ahead=3 + number % 20))
        add_asset(tree.bagh, f"ظرفیت {slug}", slug=f"asset-{slug}")
        add_organization(world["directory"], f"سازمان {slug}", [tree.bagh], [service()], slug=f"org-{slug}")


@pytest.fixture
def world(tree, calendar_page, settings):
    settings.NEWS_PER_PAGE = settings.HOME_LATEST_NEWS = settings.NEIGHBORHOOD_LATEST_NEWS = 50
    settings.PROGRAMMES_PER_PAGE = settings.DIRECTORY_PER_PAGE = settings.ASSETS_PER_PAGE = 50
    image = make_image()
    tree.bagh.image = image  # the neighbourhood's own picture is part of the budget
    tree.bagh.save_revision().publish()
    world = {"image": image, "programmes": [], "directory": add_directory(tree), "calendar": calendar_page}
    world["form"] = add_form_page(tree.bagh)
    add_items(tree, world, 3)
    world["asset"] = add_asset(tree.bagh, "مسجد جامع", slug="mosque")
    world["organisation"] = add_organization(world["directory"], "خیریه امید", [tree.bagh], [service()], slug="omid")
    world["programmes"][0].partner_links.create(organization=world["organisation"])
    yield world
    cache.clear()


def urls(tree, world):
    return {
        "home": "/",
        "neighbourhood index": tree.index.url,
        "province": tree.markazi.url,
        "neighbourhood": tree.bagh.url,
        "news index": tree.bagh.news_index_page.url,
        "portal news": tree.portal_news.url,
        "news page": world["news"].url,
        "programme": world["programmes"][0].url,
        "calendar": world["calendar"].url,
        "asset": world["asset"].url,
        "assets listing": tree.bagh.url + "assets/",
        "organisation": world["organisation"].url,
        "directory": world["directory"].url,
        "form": world["form"].url,
    }


@pytest.mark.parametrize("cold", [True, False], ids=["cold", "warm"])
@pytest.mark.parametrize("page", list(BUDGETS))
def test_queries_are_within_budget_and_do_not_grow_with_the_items(client, tree, world, page, cold):
    url = urls(tree, world)[page]
    with_few = queries(client, url, cold)
    add_items(tree, world, 12)
    with_more = queries(client, url, cold)
    budget = BUDGETS[page][0 if cold else 1]
    print(f"\n{page} {'cold' if cold else 'warm'}: {with_few} queries")
    assert with_few <= budget, f"{page}: {with_few} queries, budget {budget}"
    assert with_more == with_few, f"{page}: {with_few} queries with 3 items of each kind, {with_more} with 15"
