"""The offices' compact feed (the front page's offices/, directory/maps.py office_feed), which "near me" and the
map of offices read: what it holds and in which language, how long it is kept, what it costs in queries, and
how many bytes ten thousand offices take on the wire.
"""

import gzip
import json
import random
import re
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.core.cache import cache
from django.db import connection
from django.middleware.gzip import GZipMiddleware
from django.test.utils import CaptureQueriesContext
from django.utils.text import compress_string
from wagtail.models import PageViewRestriction

from directory.maps import office_feed, office_rows, slug_from_title
from neighborhoods.models import NeighborhoodPage, ProvincePage
from neighborhoods.models.grouping import provinces_with_neighborhoods
from portal.caching import store
from tests.conftest import add_news
from tests.test_languages import translate

pytestmark = pytest.mark.django_db

PERSIAN_LETTERS = re.compile(r"[\u0600-\u06ff]")
# What the feed may weigh, gzipped as the portal sends it, for ten thousand offices.
BUDGET_BYTES = 100_000


def decode(feed):
    """The feed as static/js/finder-tools.js reads it: (name, city, province, lat, lng, url) per office."""
    assert feed["v"] == 1
    offices, at = [], 0
    for city, province, count in feed["cities"]:
        province_title, province_url = feed["provinces"][province]
        lat = lng = 0
        for number in range(count):
            lat = lat + feed["lat"][at] if number else feed["lat"][at]
            lng = lng + feed["lng"][at] if number else feed["lng"][at]
            name, path = feed["names"][at], feed["paths"][at]
            whole = re.match(r"^(/|[a-z][a-z0-9+.-]*:)", path, re.I)
            url = path if whole else province_url + (path or slug_from_title(name)) + "/"
            offices.append((name, city, province_title, lat / 10_000, lng / 10_000, url))
            at += 1
    return offices


def place(page, lat, lng):
    page.latitude, page.longitude = Decimal(lat), Decimal(lng)
    page.save_revision().publish()
    return page


@pytest.fixture
def offices(tree):
    place(tree.bagh, "34.091712", "49.689249")
    place(tree.esmaeil, "34.640000", "50.870000")
    return tree


def test_the_feed_lists_every_listable_office_with_a_point(client, offices):
    tree = offices
    # Persian slugs, as the admin makes them from the title: left out of the feed, made again by the reader's browser.
    beheshti = tree.add_neighborhood(tree.markazi, "کوی شهید بهشتی", "کوی-شهید-بهشتی", "اراک")
    place(beheshti, "34.080000", "49.700000")
    # The admin's slug with a number after it (another page had it): sent as it is.
    other = place(tree.add_neighborhood(tree.markazi, "اسماعیل‌آباد", "اسماعیلآباد-۲", "اراک"), "34.085", "49.65")
    # Never in the feed: no point, a draft never published, unpublished, restricted.
    tree.add_neighborhood(tree.markazi, "بی‌نشانی", "no-point", "اراک")
    draft = tree.qom.add_child(
        instance=NeighborhoodPage(
            title="محله پیش‌نویس", slug="draft", city="قم", latitude=Decimal("34.6"), longitude=Decimal("50.8"), live=False
        )
    )
    draft.save_revision()
    gone = place(tree.add_neighborhood(tree.qom, "محله برداشته", "gone", "قم"), "34.61", "50.81")
    gone.unpublish()
    secret = place(tree.add_neighborhood(tree.qom, "محله پنهان", "secret", "قم"), "34.62", "50.82")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="رمز")

    response = client.get("/offices/")
    assert response["Content-Type"] == "application/json"
    feed = response.json()
    assert sorted(decode(feed)) == sorted(
        [
            ("باغ خلج", "اراک", "مرکزی", 34.0917, 49.6892, tree.bagh.url),
            ("کوی شهید بهشتی", "اراک", "مرکزی", 34.08, 49.7, unquote(beheshti.url)),
            ("اسماعیل‌آباد", "اراک", "مرکزی", 34.085, 49.65, unquote(other.url)),
            ("اسماعیل‌آباد", "قم", "قم", 34.64, 50.87, tree.esmaeil.url),
        ]
    )
    # Compact: the province and the city once each, whole numbers, the slug only where it cannot be made again.
    assert feed["provinces"] == [["قم", tree.qom.url], ["مرکزی", tree.markazi.url]]
    assert feed["cities"] == [["قم", 0, 1], ["اراک", 1, 3]]
    assert feed["lat"] == [346400, 340800, 50, 67] and feed["lng"] == [508700, 497000, -500, 392]
    assert feed["paths"] == ["esmaeilabad", "", "اسماعیلآباد-۲", "bagh-khalaj"]
    body = response.content.decode()
    for absent in ("بی‌نشانی", "پیش‌نویس", "برداشته", "پنهان"):
        assert absent not in body


def test_the_english_feed_is_english(client, offices):
    tree = offices
    translate(tree.home, "en", "Mahalle")
    translate(tree.index, "en", "Neighbourhoods")
    translate(tree.markazi, "en", "Markazi")
    translate(tree.bagh, "en", "Bagh-e Khalaj", city="Arak")
    persian = client.get("/offices/").json()
    response = client.get("/en/offices/")
    assert decode(response.json()) == [
        ("Bagh-e Khalaj", "Arak", "Markazi", 34.0917, 49.6892, "/en/neighborhoods/markazi/bagh-khalaj/")
    ]
    # Qom is Persian only: absent, and no Persian letter under the English address.
    assert not PERSIAN_LETTERS.search(response.content.decode())
    assert client.get("/offices/").json() == persian and len(decode(persian)) == 2


def feed_build_queries(client):
    """The feed, rendered anew (a query string skips the page cache), and the queries that read neighbourhoods."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/offices/?again")
    assert response.status_code == 200
    return response.json(), [query["sql"] for query in captured if "neighborhoods_neighborhoodpage" in query["sql"]]


def test_publishing_an_office_renews_the_feed_and_other_publishing_keeps_it(client, offices):
    tree = offices
    feed, built = feed_build_queries(client)
    assert built, "the first reader builds the feed"
    # News of a neighbourhood is not in the feed: the feed kept stands.
    add_news(tree.bagh.news_index_page, 1)
    feed, built = feed_build_queries(client)
    assert built == []
    # The office moved: the feed is built again, with its new point.
    place(tree.bagh, "34.100000", "49.700000")
    feed, built = feed_build_queries(client)
    assert built
    assert ("باغ خلج", "اراک", "مرکزی", 34.1, 49.7, tree.bagh.url) in decode(feed)
    # And the page cache does not keep the old one either.
    assert ("باغ خلج", "اراک", "مرکزی", 34.1, 49.7, tree.bagh.url) in decode(client.get("/offices/").json())


def cold_queries(client):
    cache.clear()
    store._local.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/offices/?budget")
    return len(captured), decode(response.json())


def test_the_feed_costs_the_same_queries_whatever_the_number_of_offices(client, offices):
    tree = offices
    few, listed = cold_queries(client)
    assert len(listed) == 2
    for number in range(10):
        province = tree.markazi if number % 2 else tree.qom
        page = tree.add_neighborhood(province, f"محله {number}", f"hood-{number}", f"شهر {number % 3}")
        place(page, f"34.{number}", f"50.{number}")
    many, listed = cold_queries(client)
    assert len(listed) == 12
    # Site, route, restrictions, the index, provinces and neighbourhoods: no query per office.
    assert many == few <= 11, (few, many)


def test_the_route_serves_the_builders_text_gzipped(client, offices):
    tree = offices
    # Enough offices that gzip always wins over GZipMiddleware's random padding (it sends the shorter).
    for number in range(12):
        place(tree.add_neighborhood(tree.qom, f"محله {number}", f"hood-{number}", "قم"), f"34.6{number:02}", "50.88")
    response = client.get("/offices/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    expected = office_feed(office_rows(provinces_with_neighborhoods(tree.index)))
    assert gzip.decompress(response.content).decode() == expected


# Realistic names of neighbourhoods: people's names with «آباد», martyrs' names after «کوی» or «شهرک»,
# places and landmarks with a word after them, numbered phases; each with the slug an editor would give it.
PEOPLE = {
    "حسن": "hasan", "علی": "ali", "محمد": "mohammad", "جعفر": "jafar", "اسماعیل": "esmaeil", "قاسم": "ghasem",
    "رحیم": "rahim", "کریم": "karim", "عباس": "abbas", "حسین": "hosein", "مهدی": "mahdi", "رضا": "reza",
    "یوسف": "yusef", "نصرت": "nosrat", "دولت": "dowlat", "نظام": "nezam", "امیر": "amir", "سعادت": "saadat",
    "نازی": "nazi", "خلیل": "khalil", "ابراهیم": "ebrahim", "اکبر": "akbar", "صادق": "sadegh", "تقی": "taghi",
    "نعمت": "nemat", "شریف": "sharif", "فتح": "fath", "مجید": "majid", "جلال": "jalal", "کمال": "kamal",
}
MARTYRS = {
    "بهشتی": "beheshti", "رجایی": "rajaei", "باهنر": "bahonar", "مطهری": "motahari", "چمران": "chamran",
    "مدرس": "modarres", "همت": "hemmat", "باکری": "bakeri", "خرازی": "kharrazi", "صیاد": "sayyad",
    "کلاهدوز": "kolahdouz", "بابایی": "babaei", "فهمیده": "fahmideh", "طالقانی": "taleghani",
    "منتظری": "montazeri", "دستغیب": "dastgheib", "مفتح": "mofatteh", "صدوقی": "saduqi", "اشرفی": "ashrafi",
}
PLACES = {
    "باغ": "bagh", "چشمه": "cheshmeh", "تپه": "tappeh", "دره": "darreh", "رود": "rud", "کوه": "kuh",
    "چنار": "chenar", "سرو": "sarv", "گلستان": "golestan", "لاله": "laleh", "نرگس": "narges", "یاس": "yas",
    "بهار": "bahar", "آبشار": "abshar", "دشت": "dasht", "قلعه": "ghaleh", "بازار": "bazar", "مسجد": "masjed",
    "امامزاده": "emamzadeh", "آسیاب": "asiab", "کاروانسرا": "karvansara", "حمام": "hammam", "میدان": "meydan",
    "دروازه": "darvazeh", "برج": "borj", "انار": "anar", "نخل": "nakhl", "زیتون": "zeitun", "سبزه": "sabzeh",
    "ستاره": "setareh",
}
QUALITIES = {
    "نو": "now", "کهنه": "kohneh", "بالا": "bala", "پایین": "paein", "سبز": "sabz", "سفید": "sefid",
    "بزرگ": "bozorg", "کوچک": "kuchak", "شمالی": "shomali", "جنوبی": "jonubi", "شرقی": "sharghi", "غربی": "gharbi",
}
KINDS = {"کوی": "kuy", "شهرک": "shahrak", "محله": "mahalleh", "خیابان": "khiaban", "بلوار": "bolvar", "کوچه": "kucheh"}
PROVINCES = {
    "تهران": "tehran", "اصفهان": "esfahan", "خراسان رضوی": "khorasan-razavi", "فارس": "fars", "خوزستان": "khuzestan",
    "آذربایجان شرقی": "azarbaijan-sharghi", "مازندران": "mazandaran", "کرمان": "kerman", "البرز": "alborz",
    "گیلان": "gilan", "سیستان و بلوچستان": "sistan-baluchestan", "آذربایجان غربی": "azarbaijan-gharbi",
    "کرمانشاه": "kermanshah", "گلستان": "golestan", "هرمزگان": "hormozgan", "لرستان": "lorestan", "همدان": "hamedan",
    "کردستان": "kordestan", "مرکزی": "markazi", "قم": "qom", "قزوین": "qazvin", "اردبیل": "ardabil",
    "بوشهر": "bushehr", "یزد": "yazd", "زنجان": "zanjan", "چهارمحال و بختیاری": "chaharmahal",
    "خراسان شمالی": "khorasan-shomali", "خراسان جنوبی": "khorasan-jonubi", "کهگیلویه و بویراحمد": "kohgiluyeh",
    "سمنان": "semnan", "ایلام": "ilam",
}
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def neighbourhood_name(rnd):
    """(title, Latin slug) of one made-up neighbourhood."""

    def pick(words):
        word = rnd.choice(list(words))
        return word, words[word]

    kind, roll = pick(KINDS), rnd.random()
    if roll < 0.2:
        person = pick(PEOPLE)
        return person[0] + "\u200cآباد", person[1] + "abad"
    if roll < 0.4:
        martyr = pick(MARTYRS)
        return f"{kind[0]} شهید {martyr[0]}", f"{kind[1]}-shahid-{martyr[1]}"
    if roll < 0.6:
        where, quality = pick(PLACES), pick(QUALITIES)
        return f"{where[0]} {quality[0]}", f"{where[1]}-{quality[1]}"
    if roll < 0.75:
        where = pick(PLACES)
        return f"{kind[0]} {where[0]}", f"{kind[1]}-{where[1]}"
    if roll < 0.9:
        where, person = pick(PLACES), pick(PEOPLE)
        return f"{where[0]} {person[0]}", f"{where[1]}-{person[1]}"
    number = rnd.randint(1, 40)
    return f"{kind[0]} {str(number).translate(PERSIAN_DIGITS)}", f"{kind[1]}-{number}"


def ten_thousand_offices(index, persian_slugs):
    """provinces_with_neighborhoods()'s shape for 10,000 offices in some 400 cities, as unsaved pages under
    ``index`` (their url_path set, so that they have their URLs without being saved)."""
    rnd = random.Random(1404)
    provinces, cities = [], []
    for title, slug in PROVINCES.items():
        province = (ProvincePage(title=title, slug=slug, url_path=f"{index.url_path}{slug}/"), [])
        provinces.append(province)
        for _ in range(rnd.randint(5, 20)):
            # A city's offices lie within a few kilometres of its centre (more in a large city).
            centre, spread = (rnd.uniform(26, 39), rnd.uniform(45, 62)), rnd.choice([0.02, 0.04, 0.08, 0.15])
            pages = []
            province[1].append((neighbourhood_name(rnd)[0].split()[0], pages))
            cities.append((province[0], centre, spread, pages))
    for _ in range(10_000):
        province, (lat, lng), spread, pages = rnd.choice(cities)
        title, slug = neighbourhood_name(rnd)
        if persian_slugs:
            slug = slug_from_title(title)
        pages.append(
            NeighborhoodPage(
                title=title,
                slug=slug,
                latitude=Decimal(f"{lat + rnd.uniform(-spread, spread):.6f}"),
                longitude=Decimal(f"{lng + rnd.uniform(-spread, spread):.6f}"),
                url_path=f"{province.url_path}{slug}/",
            )
        )
    return provinces


@pytest.mark.parametrize("persian_slugs", [False, True], ids=["latin slugs", "persian slugs"])
def test_ten_thousand_offices_weigh_at_most_100_kb_gzipped(tree, persian_slugs):
    rows = list(office_rows(ten_thousand_offices(tree.index, persian_slugs)))
    assert len(rows) == 10_000
    body = office_feed(rows).encode()
    assert len(decode(json.loads(body))) == 10_000
    # Gzipped as GZipMiddleware sends it, with the most padding it adds.
    size = len(compress_string(body)) + GZipMiddleware.max_random_bytes
    print(f"\n10,000 offices ({'Persian' if persian_slugs else 'Latin'} slugs): {len(body):,} bytes, {size:,} gzipped")
    assert size <= BUDGET_BYTES, size
