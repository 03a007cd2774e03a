"""Shared fixtures: a small page tree built with Wagtail's own API."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from django.core.servers.basehttp import WSGIServer
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage
from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
from news.models import NewsIndexPage, NewsPage

# The live server's listening socket keeps 10 connections waiting (Django's default); the concurrency tests
# send 50 residents at the same instant, as gunicorn (backlog 2048) would accept them in production.
WSGIServer.request_queue_size = 128

# Module-scoped fixtures that open the database themselves. A test using one must carry the django_db mark:
# pytest-django runs unmarked tests last, after the transactional tests have flushed the root page away.
DATABASE_MODULE_FIXTURES = {"demo"}


def pytest_collection_modifyitems(items):
    for item in items:
        uses = DATABASE_MODULE_FIXTURES.intersection(item.fixturenames)
        if uses and item.get_closest_marker("django_db") is None:
            raise pytest.UsageError(f"{item.nodeid} uses {', '.join(sorted(uses))} without @pytest.mark.django_db")


def body_form(body):
    """A body as the admin's stream editor posts it: its paragraphs (HTML, or a stream of paragraphs)."""
    from wagtail.test.utils.form_data import rich_text, streamfield

    if not isinstance(body, str):
        body = "".join(block.value.source for block in body if block.block_type == "paragraph")
    return streamfield([("paragraph", rich_text(body))] if body else [])


def make_image(title="تصویر آزمایشی", color=(11, 93, 75), size=(320, 180)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="test.jpg"))


def add_news(index, count, start=datetime.date(2025, 3, 1), image=None):
    pages = []
    existing = index.get_children_count()
    for number in range(existing, existing + count):
        news = NewsPage(
            title=f"خبر شماره {number + 1}",
            slug=f"news-{index.pk}-{number + 1}",
            date=start + datetime.timedelta(days=number),
            lead="لید کوتاه خبر برای فهرست‌ها.",
            body="<p>متن خبر.</p>",
            image=image,
        )
        index.add_child(instance=news)
        news.save_revision().publish()
        pages.append(news)
    return pages


class Tree:
    """Home → neighbourhood index → two provinces → neighbourhoods, each with a news index."""

    def __init__(self):
        root = Page.get_first_root_node()
        Site.objects.all().delete()
        for page in root.get_children():
            page.delete()
        self.home = root.add_child(instance=HomePage(title="محله", slug="home"))
        Site.objects.create(hostname="localhost", port=80, root_page=self.home, is_default_site=True)
        self.portal_news = self.home.add_child(instance=NewsIndexPage(title="خبرها", slug="news"))
        self.index = self.home.add_child(instance=NeighborhoodIndexPage(title="محله‌ها", slug="neighborhoods"))
        self.markazi = self.index.add_child(instance=ProvincePage(title="مرکزی", slug="markazi"))
        self.qom = self.index.add_child(instance=ProvincePage(title="قم", slug="qom"))
        self.bagh = self.add_neighborhood(self.markazi, "باغ خلج", "bagh-khalaj", "اراک")
        self.esmaeil = self.add_neighborhood(self.qom, "اسماعیل‌آباد", "esmaeilabad", "قم")

    def add_neighborhood(self, province, title, slug, city):
        page = province.add_child(
            instance=NeighborhoodPage(
                title=title,
                slug=slug,
                city=city,
                office_address="خیابان نمونه، کوچه یکم",
                office_phone="086-0000-0000",
                office_started=datetime.date(2025, 3, 9),
            )
        )
        page.news_index_page = page.add_child(instance=NewsIndexPage(title="خبرهای محله", slug="news"))
        return page


@pytest.fixture
def tree(db):
    return Tree()


def add_form_page(neighborhood, slug="problem", title="گزارش مسئله محله"):
    """A participation form with one field of each kind residents meet most."""
    from forms.models import FormField, ParticipationFormPage

    page = ParticipationFormPage(title=title, slug=slug, kind="problem_report")
    page.form_fields = [
        FormField(label="نام و نام خانوادگی", key="name", field_type="singleline", required=True),
        FormField(label="شماره همراه", key="mobile", field_type="mobile", required=True),
        FormField(label="کد ملی", key="national_code", field_type="national_code", required=False),
        FormField(label="تاریخ رخداد", key="when", field_type="date", required=False),
        FormField(label="شرح مسئله", key="problem", field_type="multiline", required=True),
        FormField(label="تعداد افراد درگیر", key="people", field_type="number", required=False),
        FormField(label="نوع مسئله", key="topic", field_type="dropdown", choices="فضای بی‌دفاع\nروشنایی\nپسماند", required=True),
        FormField(label="عکس", key="photo", field_type="photo", required=False),
        FormField(label="موقعیت", key="location", field_type="location", required=False),
    ]
    neighborhood.add_child(instance=page)
    page.save_revision().publish()
    return page


def problem_answers(**overrides):
    """A complete, valid answer to add_form_page's form, in the mixed digits residents type."""
    data = {
        "name": "مریم احمدی",
        "mobile": "۰۹۱۲۱۲۳۴۵۶۷",
        "national_code": "۰۴۹۹۳۷۰۸۹۹",
        "when": "۱۴۰۴/۰۸/۲۰",
        "problem": "چراغ‌های کوچه سوم خاموش است و شب‌ها کسی از آن رد نمی‌شود.",
        "people": "١٢",
        "topic": "روشنایی",
        "location": "34.0917, 49.6892",
        "website": "",
    }
    data.update(overrides)
    return data


def add_program(neighborhood, slug="course", title="دوره آموزش خیاطی", days_ahead=10, sessions=2, publish=True, **fields):
    """A programme of ``neighborhood`` whose first session is ``days_ahead`` days from today (Tehran),
    one session a week from 16:00 to 18:00; sign-up open from today unless ``fields`` say otherwise."""
    from django.utils import timezone

    from programmes.models import ProgramPage, ProgramSession

    first = timezone.localdate() + datetime.timedelta(days=days_ahead)
    values = {"kind": "course", "audience": "women", "summary": "دوره رایگان مهارت‌آموزی برای زنان محله.", "capacity": 20}
    values.update(fields)
    page = ProgramPage(title=title, slug=slug, **values)
    page.sessions = [
        ProgramSession(date=first + datetime.timedelta(weeks=number), starts=datetime.time(16), ends=datetime.time(18))
        for number in range(sessions)
    ]
    neighborhood.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


@pytest.fixture
def calendar_page(tree):
    from programmes.models import ProgramCalendarPage

    page = tree.home.add_child(
        instance=ProgramCalendarPage(title="تقویم برنامه‌ها", slug="programmes", show_in_menus=True)
    )
    page.save_revision().publish()
    return page


def signup_answers(**overrides):
    data = {"name": "زهرا کریمی", "mobile": "۰۹۱۲۳۴۵۶۷۸۹", "people": "۱", "consent": "on", "website": ""}
    data.update(overrides)
    return data
