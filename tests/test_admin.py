"""Real Wagtail admin views: Jalali date input and per-neighbourhood permissions."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text

from neighborhoods.permissions import staff_group_name
from news.models import NewsPage
from tests.conftest import add_news

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
        "body": rich_text("<p>متن</p>"),
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
