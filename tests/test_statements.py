"""The privacy notice and the accessibility statement: pages editors keep in the CMS, linked from the footer
of every page and from every public form, whose data notice says what is kept, for how long and who sees it."""


import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from demo.factories import StatementPageFactory
from directory.models import NGOApplicationPage
from home.models import StatementPage
from portal.caching import store
from tests.conftest import add_form_page, add_program
from tests.test_scoped_invalidation import page_cache_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def statements(tree, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    store._local.clear()
    privacy = StatementPageFactory(parent=tree.home, slug="privacy", kind="privacy", title="اعلامیه حریم خصوصی")
    accessibility = StatementPageFactory(
        parent=tree.home, slug="accessibility", kind="accessibility", title="بیانیه دسترس‌پذیری"
    )
    yield tree, privacy, accessibility
    cache.clear()


def test_every_page_links_both_statements_in_its_footer(statements):
    tree, privacy, accessibility = statements
    form = add_form_page(tree.bagh)
    # (Error pages render without the database, so that they work during an outage: no footer links.)
    for url in ("/", tree.bagh.url, tree.bagh.news_index_page.url, form.url, "/track/", "/safety-map/"):
        html = Client().get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">'):]
        assert f'href="{privacy.url}"' in footer and f'href="{accessibility.url}"' in footer, url
    page = Client().get(privacy.url)
    assert page.status_code == 200 and "آخرین بازبینی:" in page.content.decode()


def test_every_public_form_says_what_is_kept_for_how_long_and_who_sees_it(statements):
    tree, privacy, _accessibility = statements
    from directory.models import DirectoryIndexPage

    plain = add_form_page(tree.bagh)
    confidential = add_form_page(tree.bagh, slug="family", title="حمایت از خانواده")
    confidential.sensitive_topic = "family_support"
    confidential.save_revision().publish()
    programme = add_program(tree.bagh)
    directory = tree.home.add_child(instance=DirectoryIndexPage(title="سمن‌ها", slug="directory"))
    apply = directory.add_child(instance=NGOApplicationPage(title="درخواست ثبت سمن", slug="apply"))
    apply.save_revision().publish()
    for page, who in (
        (plain, "کارکنان دفتر تسهیلگری همین محله"),
        (confidential, "فقط در اختیار مددکاران دفتر تسهیلگری همین محله"),
        (programme, "کارکنان دفتر تسهیلگری همین محله"),
        (apply, "ویراستاران فهرست سمن‌ها"),
    ):
        html = Client().get(page.url).content.decode()
        notice = html[html.index('class="form-privacy data-notice"'):]
        notice = notice[: notice.index("</div>")]
        assert "آنچه نگه می‌داریم:" in notice and "۳ سال پس از ارسال" in notice and who in notice, page.url
        assert f'href="{privacy.url}"' in notice, page.url
    assert "فقط در اختیار مددکاران" not in Client().get(plain.url).content.decode()


def test_a_draft_or_restricted_statement_is_never_linked(statements):
    tree, privacy, accessibility = statements
    accessibility.unpublish()
    PageViewRestriction.objects.create(page=privacy, restriction_type=PageViewRestriction.LOGIN)
    html = Client().get("/").content.decode()
    assert privacy.url not in html and accessibility.url not in html


def test_publishing_a_statement_shows_in_the_footer_of_kept_pages(statements):
    tree, privacy, accessibility = statements
    reader = Client()
    accessibility.unpublish()
    assert page_cache_states(reader, "/", tree.bagh.url) == {"/": "miss", tree.bagh.url: "miss"}
    assert page_cache_states(reader, "/", tree.bagh.url) == {"/": "hit", tree.bagh.url: "hit"}
    accessibility.save_revision().publish()
    assert page_cache_states(reader, "/", tree.bagh.url) == {"/": "miss", tree.bagh.url: "miss"}
    assert f'href="{accessibility.url}"' in reader.get(tree.bagh.url).content.decode()


def test_a_second_statement_of_the_same_kind_is_refused_in_the_admin(statements, admin_client):
    tree, _privacy, _accessibility = statements
    data = nested_form_data(
        {
            "title": "اعلامیه دوم",
            "slug": "privacy-2",
            "kind": "privacy",
            "intro": "خلاصه",
            "reviewed_on": "۱۴۰۵/۰۹/۰۱",
            "body": rich_text("<p>متن</p>"),
        }
    )
    response = admin_client.post(f"/admin/pages/add/home/statementpage/{tree.home.pk}/", data)
    assert response.status_code == 200
    assert "این درگاه از پیش بیانیه‌ای از این نوع دارد." in response.content.decode()
    assert StatementPage.objects.filter(kind="privacy").count() == 1
