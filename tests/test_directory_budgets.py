"""SQL queries of the directory's public pages: within a budget, and flat from 5 to 30 items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_image
from tests.directory_helpers import add_asset, add_directory, add_organization, service

pytestmark = pytest.mark.django_db

# Site, locale, routing (3), view restrictions, menu, the page itself, its languages, and for the listing: filter
# choices, count, organisations, logo renditions, services, neighbourhoods, the application page link.
BUDGET = 17


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_organizations(tree, directory, count, logo):
    start = directory.get_children_count()
    for number in range(start, start + count):
        add_organization(
            directory,
            f"سمن شماره {number}",
            [tree.bagh, tree.esmaeil],
            services=[service(f"خدمت {number}"), service("مشاوره", "health", "elderly", cost_rials=100_000)],
            logo=logo,
            latitude="34.09",
            longitude="49.69",
        )


def add_assets(tree, count):
    for number in range(count):
        add_asset(tree.bagh, f"ظرفیت {number}", kind=["mosque", "park", "school"][number % 3])


@pytest.mark.parametrize("page", ["directory", "directory filtered", "organization", "neighborhood"])
def test_directory_pages_are_within_budget_and_flat(client, tree, settings, page):
    settings.DIRECTORY_PER_PAGE = 50
    settings.NEIGHBORHOOD_ORGANIZATIONS = 50
    directory = add_directory(tree)
    add_organizations(tree, directory, 5, make_image())
    first = directory.get_children().type(type(directory).organizations(directory).model).first()
    urls = {
        "directory": directory.url,
        "directory filtered": f"{directory.url}?neighborhood={tree.bagh.pk}&category=health&q=مشاوره",
        "organization": first.url,
        "neighborhood": tree.bagh.url,
    }
    with_five = count_queries(client, urls[page])
    add_organizations(tree, directory, 25, make_image(title="دیگر"))
    with_thirty = count_queries(client, urls[page])
    # The neighbourhood page's own budget is in test_query_budgets.py (it lists news and programmes too).
    assert with_five <= (18 if page == "neighborhood" else BUDGET)
    assert with_thirty == with_five, f"{page}: {with_five} queries with 5 organisations, {with_thirty} with 30"


@pytest.mark.parametrize("page", ["assets", "assets of a type", "asset"])
def test_asset_pages_are_within_budget_and_flat(client, tree, settings, page):
    settings.ASSETS_PER_PAGE = 50
    add_assets(tree, 5)
    directory = add_directory(tree)
    add_organizations(tree, directory, 2, None)
    from directory.models import AssetPage

    first = AssetPage.objects.first()
    urls = {"assets": tree.bagh.url + "assets/", "assets of a type": tree.bagh.url + "assets/?type=park", "asset": first.url}
    with_five = count_queries(client, urls[page])
    add_assets(tree, 25)
    with_thirty = count_queries(client, urls[page])
    assert with_five <= BUDGET
    assert with_thirty == with_five, f"{page}: {with_five} queries with 5 assets, {with_thirty} with 30"


def test_report_query_counts(client, tree, capsys):
    """Prints the measured counts (run with -s); the assertions are in the tests above."""
    directory = add_directory(tree)
    add_organizations(tree, directory, 3, make_image())
    add_assets(tree, 3)
    from directory.models import AssetPage, OrganizationPage

    for name, url in {
        "directory": directory.url,
        "organization": OrganizationPage.objects.first().url,
        "assets": tree.bagh.url + "assets/",
        "asset": AssetPage.objects.first().url,
        "neighborhood": tree.bagh.url,
    }.items():
        print(f"{name}: {count_queries(client, url)} queries")
