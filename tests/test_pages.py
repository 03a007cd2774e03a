import datetime

import pytest

from tests.conftest import add_news, make_image

pytestmark = pytest.mark.django_db


def test_home_lists_provinces_and_latest_news(client, tree):
    add_news(tree.bagh.news_index_page, 2)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert f'href="{tree.markazi.url}"' in html and f'href="{tree.qom.url}"' in html
    assert "باغ خلج" in html  # the news cards name their neighbourhood
    assert "خبر شماره ۲" not in html  # titles keep the editor's digits
    assert "خبر شماره 2" in html
    assert "۲ اسفند ۱۴۰۳" in html  # 2025-03-02 in Jalali with Persian digits


def test_neighborhood_page_shows_office_and_news(client, tree):
    tree.bagh.office_hours.create(weekday=0, opens=datetime.time(8), closes=datetime.time(14))
    tree.bagh.council_members.create(name="زهرا کریمی", role="chair", affiliation="trustee")
    tree.bagh.committees.create(name="کمیته سلامت", scope="health", chair="علی رضایی")
    tree.bagh.save_revision().publish()  # inline rows live in the page's cluster until it is saved
    add_news(tree.bagh.news_index_page, 1)
    html = client.get(tree.bagh.url).content.decode()
    assert "استان مرکزی" in html
    assert "۱۹ اسفند ۱۴۰۳" in html  # office_started 2025-03-09
    assert "شنبه" in html and "۰۸:۰۰ تا ۱۴:۰۰" in html
    assert "زهرا کریمی" in html and "معتمد محل" in html
    assert "کمیته سلامت" in html and "بهداشت و سلامت" in html
    assert "خبر شماره 1" in html


def test_news_page_renders_with_image_and_neighborhood(client, tree):
    [news] = add_news(tree.bagh.news_index_page, 1, image=make_image())
    news.tags.add("درختکاری")
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert news.neighborhood_id == tree.bagh.pk
    assert "۱ اسفند ۱۴۰۳" in html
    assert "درختکاری" in html
    assert "<img" in html


def test_neighborhood_news_index_lists_only_its_own(client, tree):
    add_news(tree.bagh.news_index_page, 2)
    other = add_news(tree.esmaeil.news_index_page, 1, start=datetime.date(2025, 6, 1))[0]
    other.title = "خبر قم"
    other.save_revision().publish()
    html = client.get(tree.bagh.news_index_page.url).content.decode()
    assert "خبر شماره 1" in html and "خبر قم" not in html
    portal = client.get(tree.portal_news.url).content.decode()
    assert "خبر شماره 1" in portal and "خبر قم" in portal


def test_news_paging_and_out_of_range_page(client, tree, settings):
    settings.NEWS_PER_PAGE = 2
    add_news(tree.bagh.news_index_page, 5)
    url = tree.bagh.news_index_page.url
    first = client.get(url).content.decode()
    assert "صفحه ۱ از ۳" in first and "خبر شماره 5" in first and "خبر شماره 1" not in first
    assert "خبر شماره 1" in client.get(url + "?page=3").content.decode()
    assert client.get(url + "?page=9").status_code == 404
    assert client.get(url + "?page=abc").status_code == 200


def test_jalali_month_archive(client, tree):
    # 1403/12/30 is 2025-03-20 (a leap Esfand); 1404/01/01 is 2025-03-21.
    news = add_news(tree.bagh.news_index_page, 2, start=datetime.date(2025, 3, 20))
    url = tree.bagh.news_index_page.url
    esfand = client.get(url + "1403/12/").content.decode()
    farvardin = client.get(url + "1404/1/").content.decode()
    assert news[0].title in esfand and news[1].title not in esfand
    assert news[1].title in farvardin and news[0].title not in farvardin
    assert "اسفند ۱۴۰۳" in esfand
    add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 3, 21))  # same day as news[1]
    assert "(۲ خبر)" in client.get(url).content.decode()  # the archive counts Farvardin 1404 twice
    assert client.get(url + "1404/13/").status_code == 404


def test_tag_filter(client, tree):
    first, second = add_news(tree.bagh.news_index_page, 2)
    first.tags.add("سلامت")
    first.save_revision().publish()
    html = client.get(tree.bagh.news_index_page.url + "?tag=سلامت").content.decode()
    assert first.title in html and second.title not in html


def test_missing_page_is_persian_404(client, tree):
    response = client.get("/no-such-place/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="fa" dir="rtl"' in html and "این صفحه پیدا نشد" in html


def test_server_error_page_is_persian(rf):
    from portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "مشکلی پیش آمد" in response.content.decode()


def test_unpublished_news_is_not_listed(client, tree):
    [news] = add_news(tree.bagh.news_index_page, 1)
    news.unpublish()
    assert news.title not in client.get(tree.bagh.news_index_page.url).content.decode()
    assert client.get(news.url or "/neighborhoods/markazi/bagh-khalaj/news/news-x/").status_code == 404
