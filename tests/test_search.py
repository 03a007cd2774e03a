"""The site search: every Persian spelling variant finds the same pages, on SQLite and on PostgreSQL
(run this file with both); only live, public pages of the active language; filters, paging, escaping,
suggestions and the query budget."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from news.models import NewsPage
from search.text import Query, index_text
from tests.conftest import add_news, add_program

pytestmark = pytest.mark.django_db

ZWNJ = "\u200c"


def add_item(index, title, lead="", body="<p>متن خبر.</p>", slug=None, publish=True):
    page = NewsPage(title=title, slug=slug or f"item-{NewsPage.objects.count() + 1}", date=datetime.date(2025, 4, 1),
                    lead=lead or title, body=body, live=publish)
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def titles(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response, [result["url"] for result in response.context["results"] or []]


@pytest.fixture
def variants(tree):
    """Pages written in the spellings people use: Persian, Arabic letters, ZWNJ, each kind of digit,
    diacritics and tatweel."""
    index = tree.bagh.news_index_page
    return {
        "library": add_item(index, "بازگشایی کتابخانه محله", "کتابخانه سرای محله از شنبه باز است.", slug="library"),
        "arabic": add_item(index, "نشست يك‌روزه كودكان", "كارگاه نقاشي براي كودكان.", slug="arabic"),
        "zwnj": add_item(index, "آنچه می‌خواهیم", f"ما می{ZWNJ}خواهیم پارک محله بازسازی شود.", slug="zwnj"),
        "persian_digits": add_item(index, "برنامه سال ۱۴۰۴", "جشن نوروز ۱۴۰۴ در محله.", slug="fa-digits"),
        "arabic_digits": add_item(index, "گزارش ١٤٠٣", "گزارش سالانه ١٤٠٣ دفتر.", slug="ar-digits"),
        "diacritics": add_item(index, "مُسابقهٔ قرآنی", "مسـابقه حفظ قرآن در مَسجد محله.", slug="diacritics"),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("کتابخانه", "library"),
        ("كتابخانه", "library"),  # Arabic kaf finds the Persian page
        ("كتابخانة", "library"),  # and teh marbuta folds to heh
        ("کودکان", "arabic"),  # Persian letters find the page written with Arabic ي/ك
        ("يک روزه", "arabic"),
        ("یکروزه", "arabic"),
        ("می‌خواهیم", "zwnj"),  # with ZWNJ
        ("می خواهیم", "zwnj"),  # with a space
        ("میخواهیم", "zwnj"),  # joined
        ("ميخواهيم", "zwnj"),  # joined, Arabic yeh
        ("۱۴۰۴", "persian_digits"),
        ("1404", "persian_digits"),
        ("١٤٠٤", "persian_digits"),
        ("۱۴۰۳", "arabic_digits"),
        ("1403", "arabic_digits"),
        ("مسابقه قرآنی", "diacritics"),  # the page has diacritics, the query none
        ("مُسابِقه", "diacritics"),  # the query has diacritics
        ("مسـجد", "diacritics"),  # tatweel in the query
    ],
)
def test_every_spelling_finds_the_same_page(client, variants, query, expected):
    _response, urls = titles(client, query)
    assert urls and urls[0] == variants[expected].url
    assert set(urls) == {variants[expected].url}


def test_index_text_holds_split_and_joined_forms():
    text = index_text("ما مي‌خواهيم ۱۴۰۴", "<p>كِتابـخانه</p>")
    assert text.split() == ["ما", "می", "خواهیم", "1404", "کتابخانه", "میخواهیم"]
    assert Query("می‌خواهیم").alternatives == [["می", "خواهیم"], ["میخواهیم"]]
    assert Query("می خواهیم").alternatives == [["می", "خواهیم"]]


def test_only_live_public_pages_of_the_active_locale(client, tree):
    index = tree.bagh.news_index_page
    live = add_item(index, "جشن درختکاری", slug="live")
    add_item(index, "جشن درختکاری پیش‌نویس", slug="draft", publish=False)
    private = add_item(index, "جشن درختکاری خصوصی", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    english, _created = Locale.objects.get_or_create(language_code="en")
    translated = live.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    _response, urls = titles(client, "درختکاری")
    assert urls == [live.url]


def test_types_and_neighborhoods_filter_and_count(client, tree):
    add_item(tree.bagh.news_index_page, "کارگاه خیاطی باغ", slug="bagh-news")
    add_item(tree.esmaeil.news_index_page, "کارگاه خیاطی اسماعیل", slug="esmaeil-news")
    programme = add_program(tree.bagh, title="کارگاه خیاطی زنان")
    response, urls = titles(client, "خیاطی")
    assert len(urls) == 3
    facets = {facet["key"]: facet["count"] for facet in response.context["type_facets"]}
    assert facets == {"news": 2, "programme": 1}
    places = {facet["page"].pk: facet["count"] for facet in response.context["neighborhood_facets"]}
    assert places == {tree.bagh.pk: 2, tree.esmaeil.pk: 1}

    _response, urls = titles(client, "خیاطی", type="programme")
    assert urls == [programme.url]
    _response, urls = titles(client, "خیاطی", neighborhood=str(tree.bagh.pk))
    assert len(urls) == 2 and all("/bagh-khalaj/" in url for url in urls)
    _response, urls = titles(client, "خیاطی", neighborhood="۹۹۹۹۹", type="nonsense")
    assert len(urls) == 3  # unknown filters are ignored, not errors


def test_paging_uses_persian_digits(client, tree):
    add_news(tree.bagh.news_index_page, 13)  # «خبر شماره …»
    response, urls = titles(client, "شماره")
    assert len(urls) == 10
    html = response.content.decode()
    assert "۱۳ نتیجه" in html and "صفحه ۱ از ۲" in html
    response, urls = titles(client, "شماره", page="۲")
    assert len(urls) == 3
    response, urls = titles(client, "شماره", page="abc")
    assert len(urls) == 10


def test_matches_are_marked_and_the_query_is_escaped(client, variants):
    response, _urls = titles(client, "كتابخانه")
    html = response.content.decode()
    assert "<mark>کتابخانه</mark>" in html
    response = client.get("/search/", {"q": '<script>alert("x")</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<script>alert("x")' not in html and "&lt;script&gt;" in html


def test_empty_and_over_long_queries_get_a_persian_page(client, tree):
    response = client.get("/search/")
    assert response.status_code == 200 and "نام محله، خبر" in response.content.decode()
    response = client.get("/search/", {"q": "   ؟؟ ... "})
    assert response.status_code == 200 and response.context["results"] is None
    response = client.get("/search/", {"q": "کتاب " * 100})
    assert response.status_code == 400
    assert "عبارت جستجو طولانی است" in response.content.decode()


def test_header_has_the_search_box(client, tree):
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html and 'data-suggest-url="/search/suggest/"' in html


def test_suggestions_fold_spellings_are_bounded_and_cached(client, tree):
    cache.clear()
    add_news(tree.bagh.news_index_page, 12)
    library = add_item(tree.bagh.news_index_page, "کتابخانه محله", slug="library")
    response = client.get("/search/suggest/", {"q": "كتاب"})  # a prefix, Arabic kaf
    assert response.status_code == 200
    # The kind of page and its neighbourhood tell like titles apart.
    assert json.loads(response.content)["suggestions"] == [{"title": "کتابخانه محله", "detail": "خبر · باغ خلج", "url": library.url}]
    suggestions = json.loads(client.get("/search/suggest/", {"q": "خبر"}).content)["suggestions"]
    assert len(suggestions) == 8
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/search/suggest/", {"q": "خبر"})
    assert json.loads(again.content)["suggestions"] == suggestions
    assert len(queries) == 0
    assert json.loads(client.get("/search/suggest/", {"q": "ک"}).content) == {"suggestions": []}
    # The neighbourhoods are read in one query however many suggestions there are.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/suggest/", {"q": "خبر"})
    assert len([query for query in queries if "neighborhoodpage" in query["sql"]]) <= 2


def test_query_count_does_not_grow_with_results(client, tree):
    def count(q):
        client.get("/search/", {"q": q})
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": q})
        assert response.status_code == 200
        return len(queries), len(response.context["results"])

    add_news(tree.bagh.news_index_page, 2)
    few, shown = count("شماره")
    assert shown == 2
    add_news(tree.esmaeil.news_index_page, 20)
    many, shown = count("شماره")
    assert shown == 10
    assert few == many
    assert many <= 15


def test_search_pages_are_not_served_from_the_page_cache(client, tree, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    add_item(tree.bagh.news_index_page, "کارگاه سفالگری", slug="pottery")
    first = client.get("/search/", {"q": "سفالگری"})
    add_item(tree.bagh.news_index_page, "نمایشگاه سفالگری", slug="pottery-show")
    second = client.get("/search/", {"q": "سفالگری"})
    assert second.get("X-Page-Cache") != "hit"
    assert len(second.context["results"]) == len(first.context["results"]) + 1


def test_broad_queries_are_counted_up_to_a_bound(client, tree, monkeypatch):
    monkeypatch.setattr("search.query.COUNT_LIMIT", 3)
    add_news(tree.bagh.news_index_page, 5)
    response, urls = titles(client, "شماره")
    assert "بیش از ۳ نتیجه" in response.content.decode()
    assert len(urls) >= 3
