"""Languages: Persian unprefixed, English and Arabic under /en/ and /ar/, a page only where it is translated."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from portal.languages import translations

pytestmark = pytest.mark.django_db

PERSIAN_LETTERS = re.compile(r"[\u0600-\u06ff]")


def translate(page, language, title, **fields):
    """An English (or Arabic) copy of ``page`` with its own title, published."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language))
    copy.title = title
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy.specific


@pytest.fixture
def english(tree):
    """The home page, the neighbourhood index, Markazi and Bagh-e Khalaj in English; Qom is Persian only."""
    home = translate(tree.home, "en", "Mahalle", tagline="Portal of the neighbourhood offices")
    index = translate(tree.index, "en", "Neighbourhoods")
    markazi = translate(tree.markazi, "en", "Markazi")
    bagh = translate(
        tree.bagh, "en", "Bagh-e Khalaj", city="Arak", summary="A neighbourhood on the edge of Arak."
    )
    return {"home": home, "index": index, "markazi": markazi, "bagh": bagh}


def html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


def test_every_language_of_the_setting_has_a_locale():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"fa", "en", "ar"}


def test_english_page_is_english_and_left_to_right(client, tree, english):
    response = client.get("/en/neighborhoods/markazi/bagh-khalaj/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_tag(html) == '<html lang="en" dir="ltr">'
    assert "Bagh-e Khalaj" in html and "A neighbourhood on the edge of Arak." in html
    # The Persian page's own text never appears under the English URL.
    assert tree.bagh.title not in html
    assert "<title>Bagh-e Khalaj |" in html


def test_persian_page_stays_persian_and_right_to_left(client, tree, english):
    html = client.get(tree.bagh.url).content.decode()
    assert html_tag(html) == '<html lang="fa" dir="rtl">'
    assert tree.bagh.title in html


def test_page_not_translated_is_404_in_that_language(client, tree, english):
    # Qom and Esmaeilabad exist only in Persian: under /en/ they are missing, not Persian text.
    assert client.get("/neighborhoods/qom/esmaeilabad/").status_code == 200
    for path in ("/en/neighborhoods/qom/", "/en/neighborhoods/qom/esmaeilabad/", "/en/news/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert tree.esmaeil.title not in response.content.decode()


def test_language_without_a_home_page_is_404(client, tree, english):
    # No Arabic page at all: Wagtail would route /ar/ from the Persian home page.
    for path in ("/ar/", "/ar/neighborhoods/markazi/bagh-khalaj/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert tree.bagh.title not in response.content.decode()


def test_aliases_of_untranslated_parents_are_404(client, tree, english):
    # Translating a page whose parents are not translated makes the parents aliases of the Persian
    # pages (wagtail-localize does the same); they hold Persian text, so they are not English pages.
    news = tree.esmaeil.news_index_page
    copy = news.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    copy.title = "Neighbourhood news"
    copy.save_revision().publish()
    assert client.get("/en/neighborhoods/qom/esmaeilabad/news/").status_code == 200
    for path in ("/en/neighborhoods/qom/", "/en/neighborhoods/qom/esmaeilabad/"):
        assert client.get(path).status_code == 404, path
    assert [code for code, _ in translations(tree.esmaeil)] == ["fa"]


def switcher(html):
    match = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return match.group(0) if match else ""


def test_switcher_lists_only_existing_translations(client, tree, english):
    persian = switcher(client.get(tree.bagh.url).content.decode())
    assert 'href="/en/neighborhoods/markazi/bagh-khalaj/"' in persian and ">English<" in persian
    assert "العربية" not in persian and "/ar/" not in persian
    assert 'aria-current="true" lang="fa" dir="rtl">فارسی<' in persian

    english_html = switcher(client.get("/en/neighborhoods/markazi/bagh-khalaj/").content.decode())
    assert f'href="{tree.bagh.url}"' in english_html and ">فارسی<" in english_html
    assert 'aria-current="true" lang="en" dir="ltr">English<' in english_html

    # A page in one language only has no switcher and no alternates.
    only_persian = client.get(tree.esmaeil.url).content.decode()
    assert switcher(only_persian) == "" and 'hreflang="' not in only_persian


def test_switcher_offers_arabic_once_it_exists(client, tree, english):
    translate(tree.home, "ar", "محله", tagline="بوابة مكاتب الأحياء")
    html = client.get("/en/").content.decode()
    assert 'href="/ar/"' in switcher(html) and "العربية" in switcher(html)
    arabic = client.get("/ar/").content.decode()
    assert html_tag(arabic) == '<html lang="ar" dir="rtl">'
    # The neighbourhood has no Arabic page: its switcher does not offer one.
    assert "/ar/" not in switcher(client.get(tree.bagh.url).content.decode())


def test_hreflang_alternates_with_x_default(client, tree, english):
    html = client.get("/en/neighborhoods/markazi/bagh-khalaj/").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert links == {
        "fa": "http://localhost/neighborhoods/markazi/bagh-khalaj/",
        "en": "http://localhost/en/neighborhoods/markazi/bagh-khalaj/",
        "x-default": "http://localhost/neighborhoods/markazi/bagh-khalaj/",
    }


def test_menu_and_home_link_follow_the_language(client, tree, english):
    html = client.get("/en/neighborhoods/markazi/bagh-khalaj/").content.decode()
    header = re.search(r"<header.*?</header>", html, re.S).group(0)
    assert 'class="site-header__brand" href="/en/"' in header
    assert 'href="/en/"' in header
    # Only the English home's children: the untranslated portal news index is not offered.
    assert 'href="/news/"' not in header and 'href="/en/news/"' not in header


def test_page_cache_keeps_languages_apart(client, tree, english, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    assert client.get(tree.bagh.url)["X-Page-Cache"] == "miss"
    english_page = client.get("/en/neighborhoods/markazi/bagh-khalaj/", HTTP_ACCEPT_LANGUAGE="fa")
    assert english_page["X-Page-Cache"] == "miss" and "Bagh-e Khalaj" in english_page.content.decode()
    persian_again = client.get(tree.bagh.url, HTTP_ACCEPT_LANGUAGE="en")
    assert persian_again["X-Page-Cache"] == "hit"
    assert html_tag(persian_again.content.decode()) == '<html lang="fa" dir="rtl">'
    # A 404 in a language is not cached, and a cached page of another language never stands in for it.
    assert client.get("/en/neighborhoods/qom/esmaeilabad/").status_code == 404


def test_english_page_text_that_we_control_has_no_persian(client, tree, english):
    html = client.get("/en/neighborhoods/markazi/bagh-khalaj/").content.decode()
    head = re.search(r"<head>.*?</head>", html, re.S).group(0)
    title = re.search(r"<title>(.*?)\|", head, re.S).group(1)
    assert not PERSIAN_LETTERS.search(title)
    breadcrumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S)
    if breadcrumbs:
        crumbs = re.findall(r"<a [^>]*>([^<]*)</a>", breadcrumbs.group(0))
        assert all(not PERSIAN_LETTERS.search(text) for text in crumbs), crumbs


def test_sitemap_lists_every_language_with_alternates(client, tree, english):
    import xml.etree.ElementTree as ET

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(response.content)
    entries = {
        url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        for url in root.findall("s:url", ns)
    }
    bagh_fa = "http://localhost/neighborhoods/markazi/bagh-khalaj/"
    bagh_en = "http://localhost/en/neighborhoods/markazi/bagh-khalaj/"
    assert {"http://localhost/", "http://localhost/en/", bagh_fa, bagh_en} <= set(entries)
    assert entries[bagh_fa] == entries[bagh_en] == {"fa": bagh_fa, "en": bagh_en, "x-default": bagh_fa}
    # A page in Persian only is listed once, without alternates; nothing of Qom under /en/.
    assert entries["http://localhost/neighborhoods/qom/esmaeilabad/"] == {}
    assert not any(loc.startswith("http://localhost/en/neighborhoods/qom") for loc in entries)
    assert not any("/ar/" in loc for loc in entries)


def test_responses_do_not_vary_on_accept_language(client, tree, english):
    """The URL decides the language, so shared caches must not keep a copy per Accept-Language value."""
    for url in ("/", tree.bagh.url, "/en/neighborhoods/markazi/bagh-khalaj/", "/search/?q=باغ", "/admin/login/"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert response.status_code == 200, url
        assert "accept-language" not in response.get("Vary", "").lower(), (url, response["Vary"])
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert re.search(r'<html lang="fa" dir="rtl"', html)
