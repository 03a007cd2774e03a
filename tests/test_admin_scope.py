"""The admin's page lists outside one's own pages: staff of one neighbourhood and NGO accounts never read the
titles of another neighbourhood's drafts, unpublished changes or restricted pages — in the page chooser (browse
and search), the explorer and its menu, or the page-types report — and still see their own."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from directory.accounts import ensure_organization_account
from neighborhoods.permissions import staff_group_name
from news.models import NewsPage
from tests.conftest import add_news

pytestmark = pytest.mark.django_db

DRAFT = "پیش‌نویس انتشارنیافته اسماعیل‌آباد"
PENDING = "عنوان تازه‌ای که هنوز منتشر نشده"
RESTRICTED = "خبر رمزدار اسماعیل‌آباد"
OWN_DRAFT = "پیش‌نویس خود باغ خلج"
SECRETS = (DRAFT, PENDING, RESTRICTED)


def draft(index, title, slug):
    page = NewsPage(title=title, slug=slug, date=datetime.date(2025, 11, 1), lead="لید", body="<p>متن</p>", live=False)
    index.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def world(tree):
    index = tree.esmaeil.news_index_page
    pending = add_news(index, 1)[0]
    pending.title = PENDING
    pending.save_revision()
    restricted = add_news(index, 1)[0]
    restricted.title = RESTRICTED
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="رمز")
    public = add_news(index, 1)[0]
    public.title = "خبر عمومی اسماعیل‌آباد"
    public.save_revision().publish()
    draft(tree.bagh.news_index_page, OWN_DRAFT, "own-draft")
    draft(index, DRAFT, "draft")  # the news page edited last: the page-types report would name it
    staff = get_user_model().objects.create_user("staff_a", password="x")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    from directory.models import DirectoryIndexPage

    directory = tree.home.add_child(instance=DirectoryIndexPage(title="سمن‌ها", slug="directory"))
    ngo, _password = ensure_organization_account(directory, "ngo", password="x")
    superuser = get_user_model().objects.create_superuser("boss", password="x")
    return tree, index, staff, ngo, superuser


def lists(tree, index):
    return [
        f"/admin/choose-page/{index.pk}/",
        f"/admin/choose-page/{tree.bagh.news_index_page.pk}/",
        "/admin/choose-page/search/?q=اسماعیل",
        "/admin/choose-page/search/?q=خبر",
        f"/admin/pages/{index.pk}/",
        f"/admin/api/main/pages/?child_of={index.pk}&for_explorer=1",
        "/admin/pages/search/?q=اسماعیل",
        "/admin/reports/page-types-usage/",
        "/admin/reports/page-types-usage/results/",
    ]


def read(user, url):
    client = Client()
    client.force_login(user)
    response = client.get(url)
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)  # Persian as it is, not as \u escapes
    return response.status_code, body


@pytest.mark.parametrize("who", ["staff", "ngo"])
def test_titles_of_another_neighbourhoods_drafts_and_restricted_pages_stay_out_of_admin_lists(world, who):
    tree, index, staff, ngo, _superuser = world
    user = {"staff": staff, "ngo": ngo}[who]
    answered = 0
    for url in lists(tree, index):
        status, body = read(user, url)
        assert status < 500, (url, status)
        answered += status == 200
        assert not [secret for secret in SECRETS if secret in body], (who, url)
    assert answered >= 5
    # What any reader sees stays choosable (a link to another neighbourhood's published news).
    assert "خبر عمومی اسماعیل‌آباد" in read(user, f"/admin/choose-page/{index.pk}/")[1]


def test_staff_see_their_own_drafts_and_superusers_everything(world):
    tree, index, staff, _ngo, superuser = world
    assert OWN_DRAFT in read(staff, f"/admin/choose-page/{tree.bagh.news_index_page.pk}/")[1]
    assert OWN_DRAFT in read(staff, f"/admin/pages/{tree.bagh.news_index_page.pk}/")[1]
    everything = read(superuser, f"/admin/choose-page/{index.pk}/")[1]
    assert DRAFT in everything and PENDING in everything and RESTRICTED in everything
    report = read(superuser, "/admin/reports/page-types-usage/")[1]
    assert DRAFT in report
