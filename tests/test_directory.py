"""The public directory: asset pages, a neighbourhood's assets, organisations, filters, search, CSV, API."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from directory.models import AssetPage, OrganizationPage
from directory.templatetags.directory_tags import toman
from tests.directory_helpers import add_asset, add_directory, add_organization, service

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(tree):
    return add_directory(tree)


def test_default_asset_types_come_from_the_data_migration():
    from directory.models import AssetType

    slugs = set(AssetType.objects.values_list("slug", flat=True))
    assert {"mosque", "tekyeh", "school", "park", "health_centre", "neighbourhood_house", "basij_base"} <= slugs


def test_asset_page_shows_details_hours_and_map_list(client, tree):
    asset = add_asset(
        tree.bagh, "مسجد جامع باغ خلج", capacity=1200, phone="۰۸۶-۳۳۲۲-۱۱۰۰", facilities="سالن اجتماعات\nآشپزخانه",
        can_host_programmes=True,
    )
    response = client.get(asset.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "مسجد جامع باغ خلج" in html
    assert "۱٬۲۰۰ نفر" in html
    assert "سالن اجتماعات" in html
    assert "شنبه" in html and "تعطیل" in html  # Saturday open, Friday closed
    assert "directions?to=34.0917" in html and "مسیریابی" in html  # the way there, not two numbers
    assert 'data-map-places="asset-map-data"' in html
    assert 'data-tile-url=""' in html
    assert "style=" not in html.split("<main", 1)[1]
    assert "<script>" not in html


def test_asset_phone_is_normalised_and_bad_values_refused(tree):
    asset = add_asset(tree.bagh, "بوستان", kind="park")
    asset.phone = "۰۸۶ ۳۳۲۲ ۱۱۰۰"
    asset.full_clean()
    assert asset.phone == "086-3322-1100"
    asset.phone = "تلفن ندارد"
    with pytest.raises(ValidationError) as error:
        asset.full_clean()
    assert "شماره تلفن" in str(error.value)
    asset.phone = ""
    asset.latitude = 123
    with pytest.raises(ValidationError) as error:
        asset.full_clean()
    assert "عرض جغرافیایی" in str(error.value)


def test_opening_hours_need_both_times_unless_closed(tree):
    import datetime

    from directory.models import AssetHours

    with pytest.raises(ValidationError):
        AssetHours(weekday=0, opens=datetime.time(10)).clean()
    with pytest.raises(ValidationError):
        AssetHours(weekday=0, opens=datetime.time(10), closes=datetime.time(9)).clean()
    AssetHours(weekday=6, closed=True).clean()


def test_assets_list_filters_by_type_and_pages(client, tree, settings):
    settings.ASSETS_PER_PAGE = 2
    add_asset(tree.bagh, "مسجد الف")
    add_asset(tree.bagh, "مسجد ب")
    add_asset(tree.bagh, "بوستان شقایق", kind="park", latitude="34.1", longitude="49.7")
    add_asset(tree.esmaeil, "مسجد محله دیگر")
    url = tree.bagh.url + "assets/"
    first = client.get(url).content.decode()
    assert "صفحه ۱ از ۲" in first
    assert "مسجد محله دیگر" not in first
    parks = client.get(url + "?type=park").content.decode()
    assert "بوستان شقایق" in parks and "مسجد الف" not in parks
    assert client.get(url + "?page=9").status_code == 404
    assert client.get(url + "?type=nonsense").status_code == 200


def test_assets_list_shows_markers_and_the_same_places_as_text(client, tree):
    add_asset(tree.bagh, "مسجد الف", latitude="34.0917", longitude="49.6892")
    add_asset(tree.bagh, "بی‌نشان", latitude="", longitude="", kind="park")
    html = client.get(tree.bagh.url + "assets/").content.decode()
    assert 'id="assets-map-data"' in html
    assert '"lat": 34.0917' in html
    # Residents get a way there, not two numbers.
    assert "directions?to=34.0917%2C49.6892" in html and "مسیریابی" in html
    assert "عرض ۳۴" not in html and "34.0917،" not in html
    # Leaflet is named for the loader, fetched when the map nears the screen, never a blocking script.
    canvas = re.search(r'<div class="place-map__canvas"[^>]*>', html).group(0)
    assert "vendor/leaflet/leaflet.js" in canvas and "js/place-map.js" in canvas
    assert not re.search(r'<script src="[^"]*leaflet\.js"', html)
    assert re.search(r'<script src="[^"]*js/map-loader\.js" defer>', html)


def test_assets_csv_has_bom_and_rows(client, tree):
    add_asset(tree.bagh, "مسجد الف", capacity=300)
    response = client.get(tree.bagh.url + "assets/csv/")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][0] == "asset"
    assert rows[1][0] == "مسجد الف" and rows[1][7] == "300"


def test_toman_shows_rials_in_toman_with_persian_digits():
    assert toman(1_500_000) == "۱۵۰٬۰۰۰ تومان"
    assert toman(None) == "رایگان"
    assert toman(0) == "رایگان"


def test_organization_page_shows_services_badge_and_neighborhoods(client, tree, directory):
    import datetime

    org = add_organization(
        directory,
        "خیریه مهر باغ خلج",
        [tree.bagh, tree.esmaeil],
        services=[service("کلاس خیاطی", "livelihood", "women_heads", cost_rials=500_000), service()],
        kind="charity",
        verified=True,
        verified_on=datetime.date(2025, 3, 9),
        phone="086-3322-1100",
    )
    html = client.get(org.url).content.decode()
    assert "کلاس خیاطی" in html and "۵۰٬۰۰۰ تومان" in html and "رایگان" in html
    assert "۱۹ اسفند ۱۴۰۳" in html
    assert "اسماعیل‌آباد" in html


def test_verified_needs_a_date(tree, directory):
    org = add_organization(directory, "سمن", [tree.bagh])
    org.verified = True
    with pytest.raises(ValidationError):
        org.full_clean()


def test_directory_filters_by_neighborhood_category_target_and_kind(client, tree, directory):
    add_organization(directory, "سمن سلامت", [tree.bagh], services=[service("غربالگری", "health", "elderly")])
    add_organization(
        directory, "خیریه اشتغال", [tree.esmaeil], services=[service("وام خرد", "livelihood", "women_heads")], kind="charity"
    )
    add_organization(
        directory, "سمن دوگانه", [tree.bagh],
        services=[service("غربالگری کودک", "health", "children"), service("سالمندان", "culture", "elderly")],
    )
    add_organization(directory, "پیش‌نویس", [tree.bagh], publish=False)

    def names(query):
        html = client.get(directory.url + query).content.decode()
        return {name for name in ("سمن سلامت", "خیریه اشتغال", "سمن دوگانه", "پیش‌نویس") if name in html}

    assert names("") == {"سمن سلامت", "خیریه اشتغال", "سمن دوگانه"}
    assert names(f"?neighborhood={tree.esmaeil.pk}") == {"خیریه اشتغال"}
    assert names("?kind=charity") == {"خیریه اشتغال"}
    # Category and target group must hold for the same service.
    assert names("?category=health&target=elderly") == {"سمن سلامت"}
    assert names("?neighborhood=999999&kind=bogus") == {"سمن سلامت", "خیریه اشتغال", "سمن دوگانه"}


@pytest.mark.parametrize(
    "query",
    ["مشاوره", "مشاوره‌ي", "مشاوره ی", "مشاورهی", "كودك", "۱۴۰۳", "١٤٠٣", "مُشاوره"],
)
def test_search_normalises_text_and_query(client, tree, directory, query):
    add_organization(
        directory, "مرکز مشاوره‌ی کودک ۱۴۰۳", [tree.bagh], services=[service("مشاوره")], summary="خدمت به خانواده‌ها"
    )
    add_organization(directory, "خیریه دیگر", [tree.bagh])
    html = client.get(directory.url, {"q": query}).content.decode()
    assert "مرکز مشاوره‌ی کودک" in html
    assert "خیریه دیگر" not in html


def test_directory_pages_and_refuses_a_missing_page(client, tree, directory, settings):
    settings.DIRECTORY_PER_PAGE = 2
    for number in range(3):
        add_organization(directory, f"سمن {number}", [tree.bagh])
    html = client.get(directory.url + "?kind=ngo").content.decode()
    assert "?kind=ngo&amp;page=2" in html
    assert client.get(directory.url + "?page=5").status_code == 404
    assert client.get(directory.url + "?page=abc").status_code == 200


def test_neighborhood_page_lists_organizations_assets_and_links_to_filtered_directory(client, tree, directory):
    add_organization(directory, "سمن محلی", [tree.bagh], latitude="34.09", longitude="49.69")
    add_organization(directory, "سمن شهر دیگر", [tree.esmaeil])
    add_asset(tree.bagh, "سرای محله باغ خلج", kind="neighbourhood_house")
    html = client.get(tree.bagh.url).content.decode()
    assert "سمن محلی" in html and "سمن شهر دیگر" not in html
    assert "سرای محله باغ خلج" in html
    assert f"{directory.url}?neighborhood={tree.bagh.pk}" in html
    assert 'id="neighborhood-map-data"' in html


def test_home_page_offers_every_office_with_a_point_from_its_compact_feed(client, tree):
    tree.bagh.latitude, tree.bagh.longitude = Decimal("34.091700"), Decimal("49.689200")
    tree.bagh.save_revision().publish()
    html = client.get("/").content.decode()
    # No map drawn with the page: "near me" and the map fetch offices/ when a reader asks for them.
    assert 'data-feed-url="/offices/"' in html and 'id="offices-map"' in html
    assert "data-map-scripts" not in html and "data-map-places" not in html
    feed = client.get("/offices/").json()
    # One column per field (directory/maps.py office_feed); the office's URL is its province's and its slug.
    assert feed["provinces"] == [["مرکزی", tree.markazi.url]]
    assert feed["cities"] == [["اراک", 0, 1]]
    assert (feed["names"], feed["lat"], feed["lng"]) == (["باغ خلج"], [340917], [496892])
    assert tree.markazi.url + feed["paths"][0] + "/" == tree.bagh.url


def test_directory_csv(client, tree, directory):
    add_organization(directory, "خیریه مهر", [tree.bagh], services=[service("کلاس", cost_rials=200_000), service("مشاوره")])
    add_organization(directory, "بی‌خدمت", [tree.esmaeil])
    body = client.get(directory.url + "csv/").content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert [row[0] for row in rows[1:]] == ["بی‌خدمت", "خیریه مهر", "خیریه مهر"]
    assert rows[2][12] == "کلاس" and rows[2][16] == "200000"


def test_api_lists_organizations_and_assets_with_public_fields_only(client, tree, directory):
    org = add_organization(
        directory, "خیریه مهر", [tree.bagh], services=[service("کلاس", cost_rials=200_000)], mobile="09121234567"
    )
    add_organization(directory, "پیش‌نویس", [tree.bagh], publish=False)
    add_asset(tree.bagh, "مسجد الف", capacity=300)
    data = client.get("/api/v2/organizations/?fields=*").json()
    assert [item["title"] for item in data["items"]] == ["خیریه مهر"]
    item = data["items"][0]
    assert item["services"][0]["cost_rials"] == 200000
    assert item["neighborhood_ids"] == [tree.bagh.pk]
    assert item["mobile"] == "09121234567"  # the organisation's public mobile, shown on its page too
    assert "search_text" not in item and "application" not in item and "owner" not in item
    assets = client.get("/api/v2/assets/?fields=*").json()["items"]
    assert assets[0]["asset_type_name"] == "مسجد" and assets[0]["capacity"] == 300
    assert assets[0]["opening_hours"][0]["weekday"] == 0
    detail = client.get(f"/api/v2/organizations/{org.pk}/").json()
    assert detail["kind"] == "ngo"
    assert client.get("/api/v2/organizations/?kind=charity").json()["meta"]["total_count"] == 0


def test_csv_text_never_starts_a_formula(client, tree, directory):
    add_organization(directory, "=HYPERLINK(\"http://x\")", [tree.bagh], services=[service("+خدمت")])
    body = client.get(directory.url + "csv/").content.decode("utf-8")
    row = list(csv.reader(io.StringIO(body[1:])))[1]
    assert row[0].startswith("'=") and row[12] == "'+خدمت"
