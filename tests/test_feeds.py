import datetime

import feedparser
import pytest

from tests.conftest import add_news

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


def test_neighborhood_rss_feed(client, tree):
    add_news(tree.bagh.news_index_page, 3, start=datetime.date(2025, 3, 19))
    add_news(tree.esmaeil.news_index_page, 1)
    response, feed = parse(client, tree.bagh.news_index_page.url + "feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == "fa"
    assert [entry.title for entry in feed.entries] == ["خبر شماره 3", "خبر شماره 2", "خبر شماره 1"]
    newest = feed.entries[0]
    assert newest.link.endswith(tree.bagh.news_index_page.url + "news-%d-3/" % tree.bagh.news_index_page.pk)
    # RFC 822 date; noon in Tehran keeps the day the same everywhere.
    assert newest.published.endswith("+0330")
    assert newest.published_parsed[:3] == (2025, 3, 21)
    assert newest.tags[0].term == "باغ خلج"


def test_portal_atom_feed_covers_every_neighborhood(client, tree):
    add_news(tree.bagh.news_index_page, 2)
    add_news(tree.esmaeil.news_index_page, 2)
    response, feed = parse(client, tree.portal_news.url + "feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert len(feed.entries) == 4
    assert {entry.tags[0].term for entry in feed.entries} == {"باغ خلج", "اسماعیل‌آباد"}
