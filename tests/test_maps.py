"""The maps residents and staff meet: the location question of participation forms (typed in any digits,
refused in Persian when it is not a point on Earth), the public safety map (only cells of enough confirmed
reports, never a report's point, cells named by their centre) and the staff safety map (points of the
staff member's own neighbourhoods only)."""

import json
import math
import random
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from forms.fields import LocationField
from forms.models import Status, Submission
from neighborhoods.models import NeighborhoodPage
from neighborhoods.permissions import staff_group_name
from portal.digits import to_persian_digits
from reports import safety
from tests.conftest import add_form_page, problem_answers

pytestmark = pytest.mark.django_db

PUBLIC_MAP = "/safety-map/"
STAFF_MAP = "/admin/reports/safety/"
OFFICE = (Decimal("34.104800"), Decimal("49.701500"))
DEFENCELESS = "فضای بی‌دفاع"


@pytest.fixture(autouse=True)
def clear_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(tree):
    return add_form_page(tree.bagh)


def with_office(neighborhood):
    NeighborhoodPage.objects.filter(pk=neighborhood.pk).update(latitude=OFFICE[0], longitude=OFFICE[1])


def post_form(client, page, location):
    html = client.get(page.url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return client.post(page.url, problem_answers(location=location, form_token=token))


# --- the location question ---------------------------------------------------------------------------

MESSAGES = LocationField.default_error_messages


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("34.0917, 49.6892", ("34.091700", "49.689200")),
        ("۳۴٫۰۹۱۷، ۴۹٫۶۸۹۲", ("34.091700", "49.689200")),  # Persian digits, decimal separator and comma
        ("٣٤.٠٩١٧,٤٩.٦٨٩٢", ("34.091700", "49.689200")),  # Arabic-Indic digits
        ("۳۴.۰۹۱۷ ۴۹.۶۸۹۲", ("34.091700", "49.689200")),  # a space between, as map apps copy it
        ("  -33.8688 ,151.2093  ", ("-33.868800", "151.209300")),
        ("\u221233.5, 18.4", ("-33.500000", "18.400000")),  # the minus sign some keyboards type
        ("90, -180", ("90.000000", "-180.000000")),
        ("34.10481234, 49.70151299", ("34.104812", "49.701513")),
    ],
)
def test_the_location_is_read_in_any_digits(typed, expected):
    latitude, longitude = LocationField(required=False).clean(typed)
    assert (str(latitude), str(longitude)) == expected


@pytest.mark.parametrize(
    "typed,code",
    [
        ("not a place", "invalid"),
        ("۳۴٫۰۹۱۷", "invalid"),  # one number
        ("34, 49, 12", "invalid"),  # three
        ("34,", "invalid"),
        ("nan, 49", "invalid"),
        ("inf, 49", "invalid"),
        ("0x22, 49", "invalid"),
        ("۹۱، ۴۹", "out_of_range"),
        ("34, 181", "out_of_range"),
        ("-90.000001, 0", "out_of_range"),
        ("1e999999999, 1", "out_of_range"),
    ],
)
def test_a_location_that_is_not_a_point_is_refused_in_persian(typed, code):
    from django import forms

    with pytest.raises(forms.ValidationError) as refused:
        LocationField(required=False).clean(typed)
    assert refused.value.code == code
    assert refused.value.messages == [str(MESSAGES[code])]


def test_the_form_stores_a_point_typed_in_persian_digits(client, form_page):
    response = post_form(client, form_page, "۳۴٫۱۰۴۸۱، ۴۹٫۷۰۱۵")
    assert response.status_code == 200
    submission = Submission.objects.get()
    assert (submission.latitude, submission.longitude) == (Decimal("34.104810"), Decimal("49.701500"))


@pytest.mark.parametrize(
    "typed,message",
    [
        ("۹۱، ۴۹", "عرض جغرافیایی باید میان ۹۰- و ۹۰ و طول جغرافیایی میان ۱۸۰- و ۱۸۰ باشد"),
        ("۳۴٫۱۰۴۸", "موقعیت را به شکل «عرض، طول» بنویسید"),
    ],
)
def test_the_form_refuses_a_bad_location_with_a_400_and_saves_nothing(client, form_page, typed, message):
    response = post_form(client, form_page, typed)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    # What was typed comes back in the box, to be corrected.
    assert re.search(r'<input[^>]*name="location"[^>]*value="' + re.escape(typed) + '"', html)
    assert Submission.objects.count() == 0


def location_input(html):
    return re.search(r'<input[^>]*name="location"[^>]*>', html).group(0)


def test_the_location_question_is_a_labelled_box_that_the_map_script_opens_on_the_office(client, form_page, tree):
    with_office(tree.bagh)
    html = client.get(form_page.url).content.decode()
    box = location_input(html)
    # The box stays the field: labelled, typed into, read by screen readers.
    assert 'id="id_location"' in box and 'type="text"' in box and "data-location" in box
    assert re.search(r'<label for="id_location">موقعیت', html)
    assert 'data-map-centre="34.104800,49.701500"' in box
    assert 'data-map-label="نقشه برای برگزیدن موقعیت' in box
    for asset in ("vendor/leaflet/leaflet.css", "css/maps.css", "vendor/leaflet/leaflet.js", "js/map-base.js", "js/location-field.js"):
        assert asset in html, asset
    # Tiles only when a tile server is set (none in tests): the map then draws on a plain ground.
    assert "data-tile-url" not in box


def test_without_an_office_point_the_map_has_no_centre(client, form_page):
    assert "data-map-centre" not in location_input(client.get(form_page.url).content.decode())


def test_the_tile_server_is_the_maps_setting(client, form_page, settings):
    settings.MAP_TILE_URL = "https://tiles.example.ir/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "نقشه‌های نمونه"
    box = location_input(client.get(form_page.url).content.decode())
    assert 'data-tile-url="https://tiles.example.ir/{z}/{x}/{y}.png"' in box
    assert 'data-tile-attribution="نقشه‌های نمونه"' in box


# --- the public safety map ---------------------------------------------------------------------------


def report(page, neighborhood, lat, lng, mobile, confirmed=True, **fields):
    return Submission.objects.create(
        page=page,
        neighborhood=neighborhood,
        form_title=page.title,
        data={"topic": DEFENCELESS, "problem": "دیوار فروریخته کوچه هفتم"},
        labels={"topic": "نوع مسئله", "problem": "شرح"},
        types={},
        status=Status.objects.initial(),
        latitude=Decimal(lat),
        longitude=Decimal(lng),
        mobile=mobile,
        confirmed=confirmed,
        **fields,
    )


@pytest.fixture
def scattered(tree, form_page):
    """Seventy defenceless-space reports of Bagh-e Khalaj over a 3 × 3 km area: confirmed or not, a few
    confidential, mobiles often repeated, so some cells pass the threshold and many do not."""
    with_office(tree.bagh)
    rng = random.Random(1404)
    reports = []
    for _ in range(70):
        lat = f"{34.095 + rng.random() * 0.027:.6f}"
        lng = f"{49.690 + rng.random() * 0.033:.6f}"
        reports.append(
            report(
                form_page, tree.bagh, lat, lng, f"0912000{rng.randrange(6):04d}",
                confirmed=rng.random() < 0.8, confidential=rng.random() < 0.05,
            )
        )
    # Five confirmed reports from five mobiles in one cell: always a cell on the map.
    for number in range(5):
        reports.append(report(form_page, tree.bagh, f"34.10{number}111", "49.701111", f"0935000{number:04d}"))
    return reports


def expected_cells(reports):
    """The public cells, counted here from the reports themselves rather than by the database."""
    cells = {}
    for item in reports:
        item.refresh_from_db()
        if not item.confirmed or item.confidential or item.archived:
            continue
        key = (math.floor(float(item.latitude) / safety.CELL_LAT), math.floor(float(item.longitude) / safety.CELL_LNG))
        cells.setdefault(key, []).append(item.mobile)
    return {
        key: len(mobiles)
        for key, mobiles in cells.items()
        if len(mobiles) >= safety.MIN_REPORTS and len(set(mobiles)) >= safety.MIN_REPORTS
    }


def expected_cells_counts(reports):
    """The number of confirmed, placed reports in every cell that has any, shown or not."""
    counts = {}
    for item in reports:
        if item.confirmed and not item.confidential:
            key = (math.floor(float(item.latitude) / safety.CELL_LAT), math.floor(float(item.longitude) / safety.CELL_LNG))
            counts[key] = counts.get(key, 0) + 1
    return counts.values()


def numbers_in(value):
    if isinstance(value, dict):
        return [number for item in value.values() for number in numbers_in(item)]
    if isinstance(value, list):
        return [number for item in value for number in numbers_in(item)]
    return [value] if isinstance(value, float) else []


def test_the_public_map_carries_only_cells_of_enough_reports_and_never_a_point(client, scattered):
    response = client.get(PUBLIC_MAP)
    assert response.status_code == 200
    body = response.content.decode()
    data = json.loads(re.search(r'<script id="safety-map-data" type="application/json">(.*?)</script>', body, re.S).group(1))
    [bagh] = data["neighborhoods"]
    expected = expected_cells(scattered)
    assert len(expected) >= 2 and any(count < safety.MIN_REPORTS for count in expected_cells_counts(scattered))
    drawn = {}
    for cell in bagh["cells"]:
        (south, west), (north, east) = cell["bounds"]
        # On the grid, one cell wide, its centre inside it.
        row, col = round(south / safety.CELL_LAT), round(west / safety.CELL_LNG)
        assert math.isclose(south, row * safety.CELL_LAT) and math.isclose(north, (row + 1) * safety.CELL_LAT)
        assert math.isclose(west, col * safety.CELL_LNG) and math.isclose(east, (col + 1) * safety.CELL_LNG)
        assert south < cell["lat"] < north and west < cell["lng"] < east
        assert cell["count"] >= safety.MIN_REPORTS
        drawn[(row, col)] = cell["count"]
    assert drawn == expected
    # No number of the map's data is a report's coordinate, and no coordinate is anywhere in the page.
    points = {float(value) for item in scattered for value in (item.latitude, item.longitude)}
    assert not points.intersection(numbers_in(data))
    for item in scattered:
        for value in (item.latitude, item.longitude):
            assert str(value) not in body and str(value).rstrip("0") not in body
    assert "دیوار فروریخته کوچه هفتم" not in body and "0912000" not in body


def test_the_public_table_names_each_cell_by_its_centre_with_directions_to_it(client, scattered):
    response = client.get(PUBLIC_MAP)
    body = response.content.decode()
    assert "ردیف" not in body and "ستون" not in body
    [bagh] = response.context["map_data"]["neighborhoods"]
    cells = bagh["cells"]
    rows = re.findall(
        r'<th scope="row">([^<]*) <a class="directions-link" href="https://www.openstreetmap.org/directions\?to=([0-9.]+)%2C([0-9.]+)[^"]*"'
        r' rel="noopener">مسیریابی</a>\s*</th><td class="report-number">(.*?)</td>',
        body,
    )
    assert len(rows) == len(cells) >= 2
    for (label, lat, lng, count), cell in zip(rows, cells):
        assert (float(lat), float(lng)) == (cell["lat"], cell["lng"])
        assert label == f"عرض {to_persian_digits(lat)}، طول {to_persian_digits(lng)}"
        assert count == to_persian_digits(cell["count"])
    # The map beside the table is drawn by a script file from the JSON; the office is there for bearings.
    assert f'data-safety-cells="{bagh["id"]}"' in body
    assert "js/safety-map.js" in body and "vendor/leaflet/leaflet.js" in body
    assert bagh["office"] == [34.1048, 49.7015]


def test_a_neighbourhood_of_too_few_reports_has_no_map(client, tree, form_page):
    for number in range(2):
        report(form_page, tree.bagh, "34.101111", "49.701111", f"0912000000{number}")
    body = client.get(PUBLIC_MAP).content.decode()
    assert "data-safety-cells" not in body and "34.101111" not in body
    assert "هیچ خانه‌ای از نقشه این محله" in body


# --- the staff safety map ----------------------------------------------------------------------------


def test_the_staff_map_places_the_points_of_its_own_neighbourhoods_only(client, tree, form_page):
    mine = report(form_page, tree.bagh, "34.101111", "49.701111", "09120000001", confirmed=False)
    other_page = add_form_page(tree.esmaeil, slug="problem-b")
    theirs = report(other_page, tree.esmaeil, "34.641234", "50.881234", "09120000002")
    staff = get_user_model().objects.create_user("staff_a", password="x")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    client = Client()
    client.force_login(staff)
    response = client.get(STAFF_MAP)
    assert response.status_code == 200
    points = response.context["map_json"]["points"]
    assert [(point["id"], point["lat"], point["lng"]) for point in points] == [(mine.pk, 34.101111, 49.701111)]
    assert points[0]["url"] == f"/admin/inbox/{mine.pk}/" and mine.tracking_display in points[0]["label"]
    body = response.content.decode()
    assert "34.641234" not in body and theirs.tracking_display not in body
    assert 'data-safety-points="safety-points"' in body and "js/safety-map.js" in body
