"""Real Wagtail admin views: Jalali date input and per-neighbourhood permissions."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.test.utils.form_data import nested_form_data

from neighborhoods.permissions import coordinator_group_name, own_collection, staff_group_name
from news.models import NewsPage
from tests.conftest import add_news, body_form, make_image

pytestmark = pytest.mark.django_db


def staff_user(page, username):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=staff_group_name(page)))
    return user


def news_form(**overrides):
    data = {
        "title": "خبر تازه",
        "slug": "fresh-news",
        "date": "۱۴۰۳/۱۲/۱۹",
        "lead": "لید",
        "body": body_form("<p>متن</p>"),
        "tags": "",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def bagh_staff(tree, client):
    client.force_login(staff_user(tree.bagh, "bagh"))
    return client


def test_admin_date_input_is_jalali(tree, admin_client):
    [news] = add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 3, 9))
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'value="۱۴۰۳/۱۲/۱۹"' in html
    assert "data-jdp" in html and "jalalidatepicker.min.js" in html


def test_admin_saves_jalali_typed_in_any_digits_as_gregorian(tree, admin_client):
    index = tree.bagh.news_index_page
    response = admin_client.post(f"/admin/pages/add/news/newspage/{index.pk}/", news_form(date="١٤٠٣/12/۱۹"))
    assert response.status_code == 302, response.content.decode()[:2000]
    news = NewsPage.objects.get(slug="fresh-news")
    assert news.date == datetime.date(2025, 3, 9)
    assert news.neighborhood_id == tree.bagh.pk


def test_admin_rejects_impossible_date_in_persian_and_saves_nothing(tree, admin_client):
    index = tree.bagh.news_index_page
    response = admin_client.post(f"/admin/pages/add/news/newspage/{index.pk}/", news_form(date="۱۴۰۴/۱۲/۳۰"))
    assert response.status_code == 200
    assert "۳۰ اسفند ۱۴۰۴ در تقویم وجود ندارد." in response.content.decode()
    assert not NewsPage.objects.filter(slug="fresh-news").exists()


def test_creating_a_neighborhood_creates_its_staff_group(tree):
    group = Group.objects.get(name=staff_group_name(tree.bagh))
    perms = set(group.page_permissions.values_list("page_id", "permission__codename"))
    assert (tree.bagh.pk, "change_page") in perms and (tree.bagh.pk, "publish_page") in perms
    assert {page_id for page_id, _ in perms} == {tree.bagh.pk}
    assert group.collection_permissions.filter(collection__name=tree.bagh.title).exists()


def image_screens(client):
    """The text of Wagtail's image listing and of its chooser (a JSON answer holding the modal's HTML)."""
    listing = client.get("/admin/images/")
    chooser = client.get("/admin/images/chooser/")
    assert listing.status_code == chooser.status_code == 200
    return listing.content.decode() + json.loads(chooser.content)["html"]


@pytest.mark.parametrize("older_group", [False, True], ids=["new-group", "group-made-before"])
def test_a_coordinator_works_with_the_images_of_the_provinces_neighbourhoods(tree, client, older_group):
    """Through Wagtail's own image listing, chooser and edit view: the coordinator of مرکزی sees the photos of
    باغ خلج's collection, never those of اسماعیل‌آباد (قم). A group made before coordinators had them gets them
    from ``manage.py ensure_groups``."""
    bagh_photo, qom_photo = make_image("عکس کوچه باغ خلج"), make_image("عکس کوچه اسماعیل‌آباد")
    Image = bagh_photo.__class__
    Image.objects.filter(pk=bagh_photo.pk).update(collection=own_collection(tree.bagh))
    Image.objects.filter(pk=qom_photo.pk).update(collection=own_collection(tree.esmaeil))
    coordinators = Group.objects.get(name=coordinator_group_name(tree.markazi))
    user = get_user_model().objects.create_user(username="coordinator", password="x")
    user.groups.add(coordinators)
    client.force_login(user)
    if older_group:
        coordinators.collection_permissions.exclude(collection__name=tree.markazi.title).delete()
        assert "عکس کوچه باغ خلج" not in image_screens(client)
        call_command("ensure_groups", stdout=io.StringIO())

    html = image_screens(client)
    assert "عکس کوچه باغ خلج" in html and "عکس کوچه اسماعیل‌آباد" not in html
    assert client.get(f"/admin/images/{bagh_photo.pk}/").status_code == 200
    other = client.get(f"/admin/images/{qom_photo.pk}/", follow=True)
    assert "عکس کوچه اسماعیل‌آباد" not in other.content.decode()


def test_staff_can_edit_and_publish_in_own_neighborhood(tree, bagh_staff):
    index = tree.bagh.news_index_page
    response = bagh_staff.post(
        f"/admin/pages/add/news/newspage/{index.pk}/", news_form(**{"action-publish": "publish"})
    )
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="fresh-news").live
    assert bagh_staff.get(f"/admin/pages/{tree.bagh.pk}/edit/").status_code == 200


def test_staff_cannot_touch_another_neighborhood(tree, bagh_staff):
    [other] = add_news(tree.esmaeil.news_index_page, 1)
    other_index = tree.esmaeil.news_index_page
    denied = [
        bagh_staff.get(f"/admin/pages/{tree.esmaeil.pk}/edit/"),
        bagh_staff.get(f"/admin/pages/{other.pk}/edit/"),
        bagh_staff.get(f"/admin/pages/add/news/newspage/{other_index.pk}/"),
        bagh_staff.post(f"/admin/pages/{other.pk}/edit/", news_form(title="دست‌کاری", slug=other.slug)),
        bagh_staff.post(f"/admin/pages/add/news/newspage/{other_index.pk}/", news_form()),
        bagh_staff.post(f"/admin/pages/{other.pk}/delete/"),
        bagh_staff.post(f"/admin/pages/{other.pk}/unpublish/"),
    ]
    for response in denied:
        # Wagtail answers a denied permission with a redirect, so check the body too.
        assert response.status_code in (302, 403), response.status_code
        assert "خبرهای محله" not in response.content.decode()
    other.refresh_from_db()
    assert other.title == "خبر شماره 1" and other.live
    assert not NewsPage.objects.filter(slug="fresh-news").exists()
    # The explorer of another neighbourhood does not list its pages either.
    listing = bagh_staff.get(f"/admin/pages/{other_index.pk}/", follow=True).content.decode()
    assert other.title not in listing


def test_anonymous_is_sent_to_login(tree, client):
    response = client.get(f"/admin/pages/{tree.bagh.pk}/edit/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
