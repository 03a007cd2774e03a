"""The demo loader (`manage.py load_demo`) and the page factories it shares with the tests."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from demo import content
from demo.factories import (
    CouncilMemberFactory,
    HomePageFactory,
    NeighborhoodIndexPageFactory,
    NeighborhoodPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProvincePageFactory,
)
from demo.images import render
from home.models import HomePage
from neighborhoods.choices import CommitteeScope
from neighborhoods.models import Committee, CouncilMember, NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from news.models import NewsIndexPage, NewsPage

User = get_user_model()


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
        "council members": CouncilMember.objects.count(),
        "committees": Committee.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site, built once for the read-only tests of this module and rolled back after them."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_demo()
            yield
            transaction.set_rollback(True)
    cache.clear()


@pytest.mark.django_db
def test_running_twice_adds_nothing():
    load_demo()
    first = counts()
    output = load_demo()
    assert counts() == first
    assert first["pages"] > 50 and first["images"] > 40


@pytest.mark.django_db
def test_output_lists_the_logins(demo):
    output = load_demo()
    assert "http://127.0.0.1:8000/admin/" in output
    assert content.DEMO_PASSWORD in output
    for username in ["admin", "staff-bagh-khalaj", "coordinator-qom"]:
        assert username in output


@pytest.mark.django_db
def test_welcome_page_is_replaced_by_the_home_page(demo):
    root = Page.get_first_root_node()
    [home] = root.get_children().specific()
    assert isinstance(home, HomePage) and home.live
    assert home.title == "محله" and home.tagline and home.intro
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("localhost", 80, home.pk)
    index = NeighborhoodIndexPage.objects.child_of(home).live().get(slug="neighborhoods")
    assert index.title == "محله‌ها"
    assert NewsIndexPage.objects.child_of(home).live().get(slug="news").title == "خبرها"


@pytest.mark.django_db
def test_neighbourhoods_across_provinces(demo):
    neighborhoods = list(NeighborhoodPage.objects.live())
    assert len(neighborhoods) >= 6
    provinces = {neighborhood.province.pk for neighborhood in neighborhoods}
    assert len(provinces) >= 4
    assert ProvincePage.objects.live().filter(pk__in=provinces).count() == len(provinces)
    for neighborhood in neighborhoods:
        assert neighborhood.city and neighborhood.district and neighborhood.summary and neighborhood.introduction
        assert neighborhood.office_address and neighborhood.office_phone and neighborhood.office_started
        assert neighborhood.has_location and neighborhood.image_id
        assert 5 <= neighborhood.council_members.count() <= 8
        assert 3 <= neighborhood.committees.count() <= 5
        assert {hours.weekday for hours in neighborhood.office_hours.all()} >= {0, 1, 2, 3, 4}
        news_index = neighborhood.news_index()
        assert (news_index.slug, news_index.title) == ("news", "خبرهای محله")


@pytest.mark.django_db
def test_inline_rows_keep_their_order(demo):
    bagh = NeighborhoodPage.objects.get(slug="bagh-khalaj")
    [province] = [p for p in content.PROVINCES if p["slug"] == "markazi"]
    [data] = [n for n in province["neighborhoods"] if n["slug"] == "bagh-khalaj"]
    assert [m.name for m in bagh.council_members.all()] == [m["name"] for m in data["council_members"]]
    assert [c.name for c in bagh.committees.all()] == [c["name"] for c in data["committees"]]


@pytest.mark.django_db
def test_one_province_uses_the_four_dimensions(demo):
    dimensions = {CommitteeScope.SOCIAL, CommitteeScope.ECONOMIC, CommitteeScope.PHYSICAL, CommitteeScope.ENVIRONMENTAL}
    assert any(
        {committee.scope for committee in neighborhood.committees.all()} == dimensions
        for neighborhood in NeighborhoodPage.objects.all()
    )


@pytest.mark.django_db
def test_each_neighbourhood_has_illustrated_news(demo):
    for neighborhood in NeighborhoodPage.objects.live():
        news = list(NewsPage.objects.live().descendant_of(neighborhood))
        assert len(news) >= 5
        for item in news:
            assert item.neighborhood_id == neighborhood.pk
            assert item.image_id and item.lead and item.body.count("<p>") >= 2
            assert 2 <= len(item.tags.names()) <= 3
            assert datetime.date(2026, 1, 1) <= item.date < datetime.date(2026, 11, 21)
            assert item.image.collection.name == neighborhood.title
        assert len({item.date for item in news}) == len(news)


@pytest.mark.django_db
def test_portal_news_index_lists_every_neighbourhood(demo):
    portal = NewsIndexPage.objects.get(depth=3, slug="news")
    assert portal.news().count() == NewsPage.objects.live().count() >= 30


@pytest.mark.django_db
def test_staff_and_coordinators_are_in_their_groups(demo):
    bagh = NeighborhoodPage.objects.get(slug="bagh-khalaj")
    roudaki = NeighborhoodPage.objects.get(slug="roudaki")
    staff = User.objects.get(username="staff-bagh-khalaj")
    groups = set(staff.groups.values_list("name", flat=True))
    assert groups == {staff_group_name(bagh)}
    assert staff_group_name(roudaki) not in groups
    assert staff.check_password(content.DEMO_PASSWORD)

    coordinator = User.objects.get(username="coordinator-markazi")
    assert coordinator.groups.filter(name=coordinator_group_name(bagh.province)).exists()

    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(content.DEMO_PASSWORD)


@pytest.mark.django_db
def test_every_neighbourhood_has_a_staff_login(demo):
    for neighborhood in NeighborhoodPage.objects.all():
        user = User.objects.get(username=content.staff_username(neighborhood.slug))
        assert user.groups.filter(name=staff_group_name(neighborhood)).exists()


@pytest.mark.django_db
def test_edited_demo_content_is_restored_without_duplicates(demo):
    news = NewsPage.objects.get(slug="tree-planting-day")
    news.title = "عنوان ویرایش‌شده"
    news.save_revision().publish()
    User.objects.filter(username="staff-roudaki").update(password="!")
    before = counts()
    load_demo()
    after = counts()
    assert after["revisions"] == before["revisions"] + 1
    assert {key: value for key, value in after.items() if key != "revisions"} == {
        key: value for key, value in before.items() if key != "revisions"
    }
    assert NewsPage.objects.get(pk=news.pk).title == "صد و بیست نهال در حاشیه کوی امام سجاد کاشته شد"
    assert User.objects.get(username="staff-roudaki").check_password(content.DEMO_PASSWORD)


@pytest.mark.django_db
def test_home_page_renders(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "محله" in response.content.decode()


@pytest.mark.django_db
def test_existing_home_page_is_kept():
    root = Page.get_first_root_node()
    for page in root.get_children():
        Site.objects.filter(root_page=page).delete()
        page.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.create(hostname="example.org", port=80, root_page=home, is_default_site=True)
    load_demo()
    assert list(HomePage.objects.values_list("pk", flat=True)) == [home.pk]
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


def test_demo_pictures_are_deterministic_jpegs():
    first = render("news/bagh-khalaj/tree-planting-day")
    assert first[:3] == b"\xff\xd8\xff"
    assert first == render("news/bagh-khalaj/tree-planting-day")
    assert first != render("news/roudaki/childrens-day")
    assert len(first) < 200_000


@pytest.mark.django_db
def test_factories_build_a_published_tree():
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    index = NeighborhoodIndexPageFactory(parent=home)
    province = ProvincePageFactory(parent=index)
    neighborhood = NeighborhoodPageFactory(parent=province)
    news_index = NewsIndexPageFactory(parent=neighborhood)
    news = NewsPageFactory(parent=news_index, tags=["سلامت", "غربالگری"])
    members = NeighborhoodPageFactory(
        parent=province, council_members=[CouncilMemberFactory.build(name=name) for name in ["ب", "الف", "ج"]]
    ).council_members.all()
    assert [member.name for member in members] == ["ب", "الف", "ج"]
    for page in [home, index, province, neighborhood, news_index, news]:
        page.refresh_from_db()
        assert page.live and page.live_revision_id
    assert news.neighborhood_id == neighborhood.pk
    assert set(news.tags.names()) == {"سلامت", "غربالگری"}
    assert Group.objects.filter(name=staff_group_name(neighborhood)).exists()

    draft = NewsPageFactory(parent=news_index, publish=False, live=False)
    assert not draft.live and draft.live_revision_id is None


def test_factories_build_without_the_database():
    news = NewsPageFactory.build(tags=["سلامت"])
    assert news.pk is None and news.title and news.lead
    assert NeighborhoodPageFactory.build(city="قم").city == "قم"
