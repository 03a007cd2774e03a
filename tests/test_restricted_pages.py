"""A page behind a view restriction (password, login, groups) is announced nowhere public.

Its own URL keeps Wagtail's restriction; every listing, feed, calendar, iCal feed, map, search and
suggestion, sitemap, API endpoint, the front page and the neighbourhood's sections leave it out, and
so do they for everything below a restricted page.
"""

import datetime
import json
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal import jalali
from tests.conftest import add_form_page, add_news, add_program
from tests.directory_helpers import add_asset, add_directory, add_organization

pytestmark = pytest.mark.django_db

SECRET = "محرمانه"


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="گذرواژه" if kind == PageViewRestriction.PASSWORD else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name="اعضای شورای محله"))
    return restriction


@pytest.fixture
def restricted(tree, calendar_page):
    """A public and a restricted page of each kind in Bagh-e Khalaj, and a whole restricted neighbourhood."""
    directory = add_directory(tree)
    news_index = tree.bagh.news_index_page
    public_news, secret_news = add_news(news_index, 2, start=datetime.date(2025, 3, 9))
    secret_news.title = f"خبر {SECRET} جلسه"
    secret_news.save_revision().publish()
    pages = {
        "news": secret_news,
        "programme": add_program(tree.bagh, slug="secret-course", title=f"دوره {SECRET} درمان", days_ahead=3),
        "asset": add_asset(tree.bagh, f"خانه امن {SECRET}"),
        "organisation": add_organization(directory, f"انجمن {SECRET} یاوران", [tree.bagh], summary="خدمات"),
        "form": add_form_page(tree.bagh, slug="secret-form", title=f"فرم {SECRET} مشاوره"),
    }
    add_program(tree.bagh, slug="open-course", title="دوره آزاد خیاطی", days_ahead=4)
    restrict(pages["news"], PageViewRestriction.PASSWORD)
    restrict(pages["programme"], PageViewRestriction.LOGIN)
    restrict(pages["asset"], PageViewRestriction.GROUPS)
    restrict(pages["organisation"], PageViewRestriction.PASSWORD)
    restrict(pages["form"], PageViewRestriction.LOGIN)

    # A restricted neighbourhood: it and everything below it.
    hidden = tree.add_neighborhood(tree.qom, f"محله {SECRET} نو", "hidden-hood", "قم")
    hidden.latitude, hidden.longitude = Decimal("34.640000"), Decimal("50.870000")
    hidden.save_revision().publish()
    add_news(hidden.news_index_page, 1, start=datetime.date(2025, 3, 20))[0]
    add_program(hidden, slug="hidden-course", title=f"برنامه {SECRET} محله", days_ahead=5)
    restrict(hidden, PageViewRestriction.PASSWORD)
    pages["neighbourhood"] = hidden
    tree.directory = directory
    return pages


def public_urls(tree, calendar_page):
    bagh, news_index = tree.bagh.url, tree.bagh.news_index_page.url
    today = jalali.to_jalali_date(timezone.localdate())
    return [
        "/", "/offices/", "/news/", "/news/feed/", "/news/feed/atom/", "/news/1403/12/", "/news/1404/01/",
        bagh, news_index, news_index + "feed/", news_index + "feed/atom/", news_index + "1403/12/",
        bagh + "assets/", bagh + "assets/csv/", tree.index.url, tree.markazi.url, tree.qom.url,
        calendar_page.url, calendar_page.url + "ical/", calendar_page.url + f"ical/?neighborhood={tree.bagh.pk}",
        tree.directory.url, tree.directory.url + "csv/", tree.directory.url + f"?neighborhood={tree.bagh.pk}",
        "/sitemap.xml", "/api/v2/pages/?limit=20", "/api/v2/organizations/", "/api/v2/assets/",
        f"/search/?q={SECRET}", f"/search/suggest/?q={SECRET}", "/search/?q=خبر", "/safety-map/",
        f"{calendar_page.url}{today.year}/{today.month}/",
    ]


def test_restricted_pages_are_in_no_public_list_feed_calendar_map_search_or_api(tree, calendar_page, restricted, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    reader = Client()
    titles = [page.title for page in restricted.values()] + [f"برنامه {SECRET} محله"]
    for url in public_urls(tree, calendar_page):
        # Twice: from the page cache (or filling it), then rendered anew with the fragments kept.
        for attempt in [url] if "?" in url or "/api/" in url else [url, url + "?again=1"]:
            response = reader.get(attempt)
            assert response.status_code == 200, (attempt, response.status_code)
            body = response.content.decode()
            # The search page repeats the query itself; a title is what must not show.
            for title in titles:
                assert title not in body and json.dumps(title)[1:-1] not in body, f"«{title}» is announced on {attempt}"
    cache.clear()


def test_the_public_pages_beside_them_are_still_listed(tree, calendar_page, restricted):
    reader = Client()
    assert "لید کوتاه خبر برای فهرست‌ها." in reader.get(tree.bagh.url).content.decode()
    assert "دوره آزاد خیاطی" in reader.get(calendar_page.url + "ical/").content.decode()
    assert tree.bagh.title in reader.get("/").content.decode()
    assert "esmaeilabad" in reader.get("/sitemap.xml").content.decode()


def test_a_restricted_page_keeps_wagtails_restriction_and_is_never_page_cached(tree, calendar_page, restricted, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    reader = Client()
    for kind in ("news", "organisation", "neighbourhood"):
        page = restricted[kind]
        response = reader.get(page.url)
        assert response.status_code == 200 and 'name="password"' in response.content.decode()
        assert SECRET not in response.content.decode().split("<main", 1)[-1]
        assert reader.get(page.url).get("X-Page-Cache") != "hit"
    for kind in ("programme", "form"):
        response = reader.get(restricted[kind].url)
        assert response.status_code == 302 and "login" in response["Location"]
    # The password lets the reader in, who then has a session: what is shown to them is kept nowhere.
    page = restricted["news"]
    form = reader.get(page.url).content.decode()
    action = form.split('action="', 1)[1].split('"', 1)[0]
    response = reader.post(action, {"password": "گذرواژه", "return_url": page.url}, follow=True)
    assert SECRET in response.content.decode()
    assert "X-Page-Cache" not in reader.get(page.url)
    assert SECRET not in Client().get(page.url).content.decode().split("<main", 1)[-1]
    cache.clear()
