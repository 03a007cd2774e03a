"""What is public is only what was published: drafts, previews and editors never reach a shared cache.

For every page type that caches anything (whole pages, fragments, routes, values kept under the
content version), a draft saved through Wagtail, previewed and viewed as a draft in the real admin,
must stay out of what an anonymous reader gets -- the page itself, every listing and feed that shows
it, and the page cache -- while the preview shows the draft and never stale live text.
"""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from portal.caching import invalidation, scopes
from tests.conftest import add_form_page, add_news, add_program, body_form
from tests.directory_helpers import add_asset, add_directory, add_organization

pytestmark = pytest.mark.django_db

DRAFT = "عنوان پیش‌نویس منتشرنشده"


def build(kind, tree, calendar_page):
    """The page of ``kind`` and the URLs whose HTML shows its title to readers."""
    bagh = tree.bagh.url
    if kind == "news":
        [page] = add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 3, 9))
        return page, [page.url, bagh, tree.bagh.news_index_page.url, tree.bagh.news_index_page.url + "feed/", "/news/", "/"]
    if kind == "neighbourhood":
        return tree.bagh, [bagh, tree.index.url, tree.markazi.url, "/", "/offices/"]
    if kind == "news index":
        return tree.bagh.news_index_page, [tree.bagh.news_index_page.url, bagh]
    if kind == "home":
        return tree.home, ["/", "/news/"]
    if kind == "province":
        return tree.markazi, [tree.markazi.url, tree.index.url, bagh]
    if kind == "programme":
        page = add_program(tree.bagh)
        return page, [page.url, bagh, calendar_page.url, "/"]
    if kind == "asset":
        page = add_asset(tree.bagh, "مسجد جامع محله")
        return page, [page.url, bagh, bagh + "assets/"]
    if kind == "organisation":
        directory = add_directory(tree)
        page = add_organization(directory, "انجمن مهر بانوان", [tree.bagh], summary="خدمات مشاوره")
        return page, [page.url, directory.url, bagh, bagh + "assets/"]
    if kind == "form":
        page = add_form_page(tree.bagh)
        return page, [page.url, bagh]
    if kind == "notice":
        from alerts.models import NoticePage

        page = NoticePage(title="قطع آب محله", slug="water", message="آب پنجشنبه قطع است.",
                          ends_at=timezone.now() + datetime.timedelta(days=1))
        tree.bagh.add_child(instance=page)
        page.save_revision().publish()
        # Its page, and the neighbourhood's pages that show its banner.
        return page, [page.url, bagh, tree.bagh.news_index_page.url]
    raise AssertionError(kind)


KINDS = ["news", "neighbourhood", "news index", "home", "province", "programme", "asset", "organisation", "form", "notice"]


def anonymous_views(urls):
    """Each URL as a reader gets it from the page cache, and rendered anew with the fragments and
    routes kept under the content version (a query string skips the page cache)."""
    reader = Client()
    return {url: reader.get(url).content.decode() + reader.get(url + "?fresh=1").content.decode() for url in urls}


@pytest.mark.parametrize("kind", KINDS)
def test_a_draft_saved_previewed_and_viewed_never_reaches_readers(kind, tree, calendar_page, admin_client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    page, urls = build(kind, tree, calendar_page)
    live_title = page.title
    before = anonymous_views(urls)
    assert all(DRAFT not in html for html in before.values())
    assert live_title in before[urls[0]]
    version = versions_of(page)

    page = Page.objects.get(pk=page.pk).specific
    page.title = DRAFT
    page.save_revision(user=tree_admin(admin_client))
    # A draft changes nothing readers can see, so it replaces no scope's version either.
    assert versions_of(page) == version

    draft_view = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert draft_view.status_code == 200
    # The preview shows the draft, not the live text kept for readers.
    assert DRAFT in draft_view.content.decode()

    after = anonymous_views(urls)
    for url, html in after.items():
        assert DRAFT not in html, f"the draft reached {url}"
    assert live_title in after[urls[0]]

    # Publishing is what shows it: the same reader sees it on the next request.
    page.get_latest_revision().publish()
    assert DRAFT in anonymous_views(urls[:1])[urls[0]]
    cache.clear()


def versions_of(page):
    """The versions of every scope that shows ``page``, and of ``site``."""
    return scopes.versions(invalidation.scopes_for(page.specific))


def tree_admin(admin_client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="admin")


def news_form(news, **overrides):
    data = {"title": news.title, "slug": news.slug, "date": "۱۴۰۳/۱۲/۱۹", "lead": news.lead, "body": body_form(news.body), "tags": ""}
    data.update(overrides)
    return nested_form_data(data)


def test_the_editors_preview_shows_the_draft_and_leaves_readers_the_live_page(tree, admin_client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    [news] = add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 3, 9))
    urls = [news.url, tree.bagh.url, tree.bagh.news_index_page.url, tree.bagh.news_index_page.url + "feed/"]
    anonymous_views(urls)

    # The real edit screen: save a draft, then preview it (the preview is posted, then fetched).
    assert admin_client.post(f"/admin/pages/{news.pk}/edit/", news_form(news, title=DRAFT)).status_code == 302
    assert admin_client.post(f"/admin/pages/{news.pk}/edit/preview/", news_form(news, title=DRAFT)).json()["is_valid"]
    preview = admin_client.get(f"/admin/pages/{news.pk}/edit/preview/?mode=")
    assert DRAFT in preview.content.decode()
    # The preview is the editor's alone: no shared cache may keep it, nor nginx.
    assert "private" in preview["Cache-Control"]

    for url, html in anonymous_views(urls).items():
        assert DRAFT not in html, f"the preview reached {url}"
    cache.clear()


def test_a_logged_in_editor_neither_reads_nor_fills_the_shared_caches(tree, client, admin_client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    [news] = add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 3, 9))
    page_type = type(news)

    # The editor's visit fills nothing: a change no signal announces (a raw UPDATE) is what the next
    # anonymous reader sees, so that reader rendered the page from the database.
    response = admin_client.get(news.url)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    page_type.objects.filter(pk=news.pk).update(title="عنوان اول بی‌نشان")
    assert "عنوان اول بی‌نشان" in client.get(news.url + "?fresh=1").content.decode()

    # Now the reader's copy is kept; the editor does not read it, and sees the database.
    page_type.objects.filter(pk=news.pk).update(title="عنوان دوم بی‌نشان")
    assert "عنوان اول بی‌نشان" in client.get(news.url + "?fresh=1").content.decode()
    assert "عنوان دوم بی‌نشان" in admin_client.get(news.url + "?fresh=1").content.decode()
    cache.clear()


def test_a_page_in_moderation_previewed_by_its_reviewer_stays_unpublished_for_readers(tree, admin_client, settings):
    from wagtail.models import Workflow

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    [news] = add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 3, 9))
    urls = [news.url, tree.bagh.url, tree.bagh.news_index_page.url]
    anonymous_views(urls)
    version = versions_of(news)

    admin = tree_admin(admin_client)
    news.title = DRAFT
    news.save_revision(user=admin)
    workflow = Workflow.objects.filter(active=True).first()
    state = workflow.start(news, admin)
    task = state.current_task_state.task
    # Submitting and reviewing are workflow steps: nothing public changes.
    assert versions_of(news) == version

    review = admin_client.get(f"/admin/pages/workflow/preview/{news.pk}/{task.pk}/")
    assert review.status_code == 200 and DRAFT in review.content.decode()
    for url, html in anonymous_views(urls).items():
        assert DRAFT not in html, f"the page under review reached {url}"
    cache.clear()
