"""Finding one's neighbourhood among thousands (issue: browsing by province and city, the finder): each level of the
way down is a short list with counts, the front page no longer sends every office, and the finder answers by the
names people use, one letter off, with the portal's Persian normalisation, without a database query once built.

The offices' map, "near me" and the pinned neighbourhood are in tests/test_offices_feed.py and
tests/browser/test_finding_map.py; the phone walk-through in tests/browser/test_finding.py.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from neighborhoods.finder import one_letter_off, words
from neighborhoods.models import NeighborhoodPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def counts_of(page_soup):
    """{place name: count} of a place_counts list, the count read back from Persian digits."""
    rows = {}
    for link in page_soup.select(".place-counts a"):
        number = link.select_one(".place-counts__count").get_text()
        rows[link.select_one(".place-counts__name").get_text()] = int(re.sub(r"\D", "", number.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))))
    return rows


@pytest.fixture
def cities(tree):
    """Markazi: Arak with Bagh-e Khalaj and three more, Saveh with two; Qom: Esmaeilabad alone. One Arak
    neighbourhood is a draft and one is behind a password: neither is counted nor found."""
    tree.bagh.other_names = "کوی امام سجاد\nباغ‌خلج قدیم"
    tree.bagh.landmarks = "از میدان ولیعصر تا بلوار جهاد، پشت پارک ملت"
    tree.bagh.district = "ناحیه ۳"
    tree.bagh.save_revision().publish()
    for title, slug in (("حصار", "hesar"), ("کرهرود", "karahroud"), ("شهرک صنعتی", "shahrak")):
        tree.add_neighborhood(tree.markazi, title, slug, "اراک")
    for title, slug in (("کوی فرهنگیان", "farhangian"), ("بازار", "bazar")):
        tree.add_neighborhood(tree.markazi, title, slug, "ساوه")
    draft = tree.add_neighborhood(tree.markazi, "پیش‌نویس", "draft", "اراک")
    draft.unpublish()
    secret = tree.add_neighborhood(tree.markazi, "رمزدار", "secret", "اراک")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    cache.clear()
    return tree


# --- browsing ---------------------------------------------------------------------------------------------


def test_the_index_lists_provinces_with_their_counts(client, cities):
    page = soup(client.get(cities.index.url))
    assert counts_of(page) == {"مرکزی": 6, "قم": 1}
    assert page.select_one("form.finder-box input[name=q]")["data-suggest-url"] == cities.index.url + "find/suggest/"
    # No neighbourhood is listed on the index itself: a level at a time.
    assert not page.find("a", string="حصار")


def test_a_province_lists_its_cities_and_a_city_its_neighbourhoods(client, cities):
    page = soup(client.get(cities.markazi.url))
    assert counts_of(page) == {"اراک": 4, "ساوه": 2}
    arak = page.find("a", href=re.compile("city/"))
    city = soup(client.get(arak["href"]))
    listed = [link.get_text() for link in city.select(".neighborhood-list .card__title a")]
    assert listed == sorted(["باغ خلج", "حصار", "کرهرود", "شهرک صنعتی"])
    assert city.select_one("h1").get_text() == "محله‌های اراک"
    crumbs = [item.get_text(strip=True) for item in city.select(".breadcrumbs li")]
    assert crumbs[-2:] == ["مرکزی", "اراک"]


def test_a_province_of_one_city_shows_its_neighbourhoods_at_once(client, cities):
    page = soup(client.get(cities.qom.url))
    assert [link.get_text() for link in page.select(".neighborhood-list .card__title a")] == ["اسماعیل‌آباد"]


def test_a_city_is_paged_and_a_wrong_city_or_page_is_a_persian_404(client, cities, settings):
    settings.NEIGHBORHOODS_PER_PAGE = 3
    url = cities.markazi.url + "city/اراک/"
    first = soup(client.get(url))
    assert len(first.select(".neighborhood-list li")) == 3
    assert first.select_one(".pagination a[rel=next]")
    second = soup(client.get(url + "?page=2"))
    assert len(second.select(".neighborhood-list li")) == 1
    assert client.get(url + "?page=9").status_code == 404
    unknown = client.get(cities.markazi.url + "city/تهران/")
    assert unknown.status_code == 404 and 'lang="fa"' in unknown.content.decode()
    # Only the draft or the restricted neighbourhood's city: nothing to list, the same 404.
    assert client.get(cities.markazi.url + "city/نیست/").status_code == 404


def test_the_front_page_shows_provinces_not_every_office(client, cities):
    for number in range(40):
        cities.add_neighborhood(cities.qom, f"محله نمونه {number}", f"sample-{number}", "قم")
    cache.clear()
    page = soup(client.get("/"))
    assert counts_of(page) == {"مرکزی": 6, "قم": 41}
    neighborhood_links = [a for a in page.find_all("a") if "/neighborhoods/qom/sample-" in a.get("href", "")]
    assert neighborhood_links == []
    assert page.select_one("form.finder-box")


def test_browsing_costs_the_same_for_ten_or_fifty_neighbourhoods(client, cities, django_assert_max_num_queries):
    def cold(url):
        cache.clear()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = [cold(url) for url in (cities.index.url, cities.markazi.url, cities.markazi.url + "city/اراک/")]
    for number in range(40):
        cities.add_neighborhood(cities.markazi, f"محله نمونه {number}", f"sample-{number}", "اراک" if number % 2 else f"شهر {number}")
    after = [cold(url) for url in (cities.index.url, cities.markazi.url, cities.markazi.url + "city/اراک/")]
    assert after == before


# --- the finder ---------------------------------------------------------------------------------------------


def suggestions(client, index, query):
    response = client.get(index.url + "find/suggest/", {"q": query})
    assert response.status_code == 200
    return [(item["title"], item["detail"], item["url"]) for item in response.json()["suggestions"]]


@pytest.mark.parametrize(
    "query",
    [
        "باغ خلج",  # the official name
        "کوی امام سجاد",  # the name people use
        "امام سجاد",
        "کوي امام سجاد",  # Arabic ye
        "باغ خلح",  # one letter wrong
        "باغ خج",  # one letter missing
        "باغ خللج",  # one letter extra
        "باغ لخج",  # two letters swapped
        "بلوار جهاد",  # a landmark
        "باغ",  # the start of a word, while typing
        "محله باغ خلج",  # a word that says nothing
    ],
)
def test_the_finder_answers_by_the_names_people_use_one_letter_off(client, cities, query):
    found = suggestions(client, cities.index, query)
    assert found and found[0][0] == "باغ خلج", found
    assert found[0][2] == cities.bagh.url
    assert "اراک" in found[0][1] and "کوی امام سجاد" in found[0][1]


def test_a_city_is_an_answer_and_the_draft_and_restricted_never_are(client, cities):
    titles = [title for title, _detail, _url in suggestions(client, cities.index, "اراک")]
    assert titles[0] == "شهر اراک"
    assert set(titles[1:]) == {"باغ خلج", "حصار", "کرهرود", "شهرک صنعتی"}
    assert suggestions(client, cities.index, "پیش‌نویس") == []
    assert suggestions(client, cities.index, "رمزدار") == []


def test_the_finder_page_works_without_javascript(client, cities):
    page = soup(client.get(cities.index.url + "find/", {"q": "امام سجاد"}))
    results = page.select(".finder-results a")
    assert results[0]["href"] == cities.bagh.url
    assert page.select_one("#finder-q")["value"] == "امام سجاد"
    nothing = soup(client.get(cities.index.url + "find/", {"q": "زززززز"}))
    assert "محله‌ای پیدا نشد" in nothing.get_text() and not nothing.select(".finder-results a")
    # Long or odd input is cut and answered, never a 500.
    assert client.get(cities.index.url + "find/", {"q": "ب" * 5000}).status_code == 200
    assert client.get(cities.index.url + "find/suggest/", {"q": "<script>"}).json() == {"suggestions": []}


def test_a_common_name_added_in_the_admin_is_found_at_once(client, cities, admin_client):
    assert not suggestions(client, cities.index, "چهارراه شهدا")
    esmaeil = NeighborhoodPage.objects.get(pk=cities.esmaeil.pk)
    esmaeil.other_names = "چهارراه شهدا"
    esmaeil.save_revision().publish()
    found = suggestions(client, cities.index, "چهارراه شهدا")
    assert found[0][0] == "اسماعیل‌آباد"


def test_a_query_reads_no_neighbourhood_from_the_database_once_the_index_is_built(client, cities):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    suggestions(client, cities.index, "باغ")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(cities.index.url + "find/suggest/", {"q": "کرهرود"})
    assert response.json()["suggestions"][0]["title"] == "کرهرود"
    # What is left is finding the index page itself (Wagtail's routing of a sub-route): nothing that grows.
    assert len(queries) <= 2
    assert not [query for query in queries if "neighborhoodpage" in query["sql"] or "provincepage" in query["sql"]]


def test_one_letter_off_and_words():
    assert one_letter_off("خلج", "خلح") and one_letter_off("خلج", "خج") and one_letter_off("خلج", "خللج")
    assert one_letter_off("سجاد", "سجدا") and not one_letter_off("سجاد", "سجاد") and not one_letter_off("خلج", "لخجا")
    assert words("كوي\u200cامام  سجاد ۳") == ["کوی", "امام", "سجاد", "3"]


def test_the_neighbourhood_page_says_its_other_names_and_bounds(client, cities):
    page = soup(client.get(cities.bagh.url))
    header = page.select_one(".page-header").get_text(" ", strip=True)
    assert "کوی امام سجاد" in header
    assert "از میدان ولیعصر تا بلوار جهاد" in page.get_text()


def form_as_sent(html, form_id="page-edit-form"):
    """What the browser would send for the admin form as it is drawn: every named field with its value."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id) or BeautifulSoup(html, "html.parser").find("form", attrs={"method": "post"})
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file") or field.has_attr("disabled"):
            continue
        if field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.get("value", "")
    return data


def test_staff_write_a_common_name_and_landmarks_in_the_admin_and_the_finder_has_them(client, cities):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from neighborhoods.permissions import staff_group_name

    staff = get_user_model().objects.create_user("staff-esmaeil", password="x")
    staff.groups.add(Group.objects.get(name=staff_group_name(cities.esmaeil)))
    editor = type(client)()
    editor.force_login(staff)
    edit_url = f"/admin/pages/{cities.esmaeil.pk}/edit/"
    html = editor.get(edit_url).content.decode()
    assert "نام‌های دیگر" in html and "محدوده و نشانه‌ها" in html
    data = form_as_sent(html)
    # The stream editor writes its fields from script; this neighbourhood has no introduction to send.
    assert not cities.esmaeil.introduction
    data["introduction-count"] = "0"
    data.update(other_names="کوی شهید بهشتی\nاسماعیل آباد قدیم", landmarks="پشت پایانه مسافربری", **{"action-publish": "action-publish"})
    response = editor.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert [title for title, _d, _u in suggestions(client, cities.index, "بهشتی")] == ["اسماعیل‌آباد"]
    assert [title for title, _d, _u in suggestions(client, cities.index, "پایانه مسافربری")] == ["اسماعیل‌آباد"]
    page = soup(client.get(cities.esmaeil.url)).get_text()
    assert "کوی شهید بهشتی، اسماعیل آباد قدیم" in page and "پشت پایانه مسافربری" in page
