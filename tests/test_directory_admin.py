"""The directory in the real Wagtail admin: staff add assets in their own neighbourhood only, numeric inputs are
text with an input mode, asset types are editable, and another neighbourhood's assets never show."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import AssetPage, AssetType
from neighborhoods.permissions import staff_group_name
from tests.directory_helpers import add_asset, add_directory

pytestmark = pytest.mark.django_db


def staff(tree, neighborhood, username):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=staff_group_name(neighborhood)))
    return user


def asset_form(**overrides):
    data = {
        "title": "کتابخانه مسجد",
        "slug": "mosque-library",
        "asset_type": str(AssetType.objects.get(slug="library").pk),
        "ownership": "religious",
        "summary": "",
        "description": rich_text(""),
        "address": "خیابان یاس",
        "phone": "۰۸۶ ۳۳۲۲ ۱۱۰۰",
        "latitude": "۳۴.۰۹۱۷",
        "longitude": "49.6892",
        "capacity": "۴۰",
        "facilities": "قفسه کتاب",
        "accessibility": "",
        "opening_hours": inline_formset(
            [{"weekday": "0", "closed": "", "opens": "08:00", "closes": "12:00"},
             {"weekday": "6", "closed": "on", "opens": "", "closes": ""}]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_staff_add_an_asset_in_their_neighborhood_with_persian_digits(client, tree):
    client.force_login(staff(tree, tree.bagh, "bagh"))
    form = client.get(f"/admin/pages/add/directory/assetpage/{tree.bagh.pk}/").content.decode()
    assert 'type="number"' not in form and 'inputmode="numeric"' in form
    response = client.post(f"/admin/pages/add/directory/assetpage/{tree.bagh.pk}/", asset_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    asset = AssetPage.objects.get(slug="mosque-library")
    assert asset.phone == "086-3322-1100" and asset.capacity == 40 and str(asset.latitude) == "34.091700"
    assert [(h.weekday, h.closed) for h in asset.sorted_hours()] == [(0, False), (6, True)]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"latitude": "95"}, "عرض جغرافیایی باید میان"),
        ({"latitude": ""}, "عرض و طول جغرافیایی را با هم بنویسید"),
        ({"phone": "شماره ندارد"}, "شماره تلفن"),
        (
            {"opening_hours": inline_formset([{"weekday": "0", "closed": "", "opens": "12:00", "closes": "08:00"}])},
            "ساعت پایان باید بعد از ساعت شروع باشد",
        ),
    ],
)
def test_bad_asset_values_are_refused_in_persian(client, tree, overrides, message):
    client.force_login(staff(tree, tree.bagh, "bagh"))
    response = client.post(f"/admin/pages/add/directory/assetpage/{tree.bagh.pk}/", asset_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AssetPage.objects.filter(slug="mosque-library").exists()


def test_staff_cannot_add_or_see_assets_of_another_neighborhood(client, tree):
    secret = add_asset(tree.esmaeil, "کارگاه محرمانه اسماعیل‌آباد", kind="workshop")
    client.force_login(staff(tree, tree.bagh, "bagh"))
    for response in (
        client.get(f"/admin/pages/{secret.pk}/edit/", follow=True),
        client.get(f"/admin/pages/{tree.esmaeil.pk}/", follow=True),
        client.post(f"/admin/pages/add/directory/assetpage/{tree.esmaeil.pk}/", asset_form(), follow=True),
    ):
        assert "کارگاه محرمانه اسماعیل‌آباد" not in response.content.decode()
    assert not AssetPage.objects.filter(slug="mosque-library").exists()


def test_assets_go_under_neighborhoods_only(tree):
    from home.models import HomePage

    assert AssetPage.can_create_at(tree.bagh)
    assert not AssetPage.can_create_at(tree.home) and not AssetPage.can_create_at(tree.markazi)
    assert "directory.AssetPage" not in HomePage.subpage_types


def test_asset_types_are_an_editable_snippet(admin_client):
    response = admin_client.post(
        "/admin/snippets/directory/assettype/add/", {"name": "گرمابه", "slug": "bathhouse", "order": "20"}
    )
    assert response.status_code == 302
    assert AssetType.objects.filter(slug="bathhouse").exists()


def test_new_neighborhood_staff_may_draft_in_the_directory(tree):
    directory = add_directory(tree)
    newcomer = tree.add_neighborhood(tree.markazi, "رودکی", "roudaki", "اراک")
    group = Group.objects.get(name=staff_group_name(newcomer))
    perms = set(group.page_permissions.values_list("page_id", "permission__codename"))
    assert (directory.pk, "add_page") in perms
    assert (directory.pk, "change_page") not in perms and (directory.pk, "publish_page") not in perms


@pytest.mark.parametrize("latitude", ["۳۴٫۰۹۱۷", "٣٤٫٠٩١٧", "34.0917", "۳۴/۰۹۱۷"])
def test_a_map_point_is_typed_and_shown_in_persian_digits(client, tree, latitude):
    """The Persian decimal separator «٫» (or «/», as it is often typed) and Persian or Arabic-Indic digits are read;
    the edit form shows the stored point in Persian digits and saves it back unchanged."""
    client.force_login(staff(tree, tree.bagh, "bagh"))
    response = client.post(f"/admin/pages/add/directory/assetpage/{tree.bagh.pk}/", asset_form(latitude=latitude, longitude="۴۹٫۶۸۹۲"))
    assert response.status_code == 302, response.content.decode()[:2000]
    asset = AssetPage.objects.get(slug="mosque-library")
    assert (str(asset.latitude), str(asset.longitude)) == ("34.091700", "49.689200")
    edit = client.get(f"/admin/pages/{asset.pk}/edit/").content.decode()
    assert 'value="۳۴٫۰۹۱۷"' in edit and 'value="۴۹٫۶۸۹۲"' in edit
    assert "مانند ۳۴٫۰۹۱۷" in edit and "34.0917" not in edit


def test_a_map_point_that_is_not_a_number_is_refused_in_persian(client, tree):
    client.force_login(staff(tree, tree.bagh, "bagh"))
    response = client.post(f"/admin/pages/add/directory/assetpage/{tree.bagh.pk}/", asset_form(latitude="سی و چهار"))
    assert response.status_code == 200
    assert "یک عدد وارد کنید" in response.content.decode()
    assert not AssetPage.objects.filter(slug="mosque-library").exists()
