"""Factories for the portal's pages, shared by the demo loader and the test suite.

Every page factory takes ``parent=`` (a page instance) like wagtail-factories' own, and on
``create`` publishes a first revision, so the page is live exactly as if an editor had published it.
Pass ``publish=False`` to get a saved page without a revision (``live`` is then whatever you pass).
News take ``tags=[…]`` (applied on create); inline rows of a neighbourhood can be passed as lists of unsaved objects
(``council_members=[CouncilMemberFactory.build(), …]``), are numbered in the order given and are
saved with the page. The questions of a participation form go the same way
(``form_fields=[FormFieldFactory.build(), …]``).
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Orderable

from directory.models import AssetPage, AssetType, DirectoryIndexPage, NGOApplicationPage, OrganizationPage
from forms.models import FormField, ParticipationFormPage
from home.models import HomePage, StatementPage
from content.models import ContentPage
from neighborhoods.choices import Affiliation, CommitteeScope, MemberRole, Weekday
from neighborhoods.models import (
    Committee,
    CouncilMember,
    NeighborhoodIndexPage,
    NeighborhoodPage,
    OfficeHours,
    ProvincePage,
)
from news.models import NewsIndexPage, NewsPage
from programmes.models import ProgramCalendarPage, ProgramPage


class PublishedPageFactory(wagtail_factories.PageFactory):
    publish = True

    class Meta:
        abstract = True

    @staticmethod
    def _number_rows(kwargs):
        for value in kwargs.values():
            if isinstance(value, (list, tuple)) and value and all(isinstance(row, Orderable) for row in value):
                for number, row in enumerate(value):
                    if row.sort_order is None:
                        row.sort_order = number

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        cls._number_rows(kwargs)
        # Tags need rows in the database, so they are applied on create only.
        kwargs.pop("publish", None)
        kwargs.pop("tags", None)
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        cls._number_rows(kwargs)
        publish = kwargs.pop("publish", True)
        tags = kwargs.pop("tags", None)
        instance = super()._create(model_class, *args, **kwargs)
        if tags:
            instance.tags.set(tags)
            instance.save()
        if publish:
            instance.save_revision().publish()
        return instance


class HomePageFactory(PublishedPageFactory):
    title = "محله"
    slug = factory.Sequence(lambda n: f"home-{n}")
    tagline = "درگاه دفترهای تسهیلگری و شوراهای پیشرفت محله"
    intro = "<p>خبرها و برنامه‌های محله‌ها.</p>"

    class Meta:
        model = HomePage


class NeighborhoodIndexPageFactory(PublishedPageFactory):
    title = "محله‌ها"
    slug = "neighborhoods"
    intro = ""

    class Meta:
        model = NeighborhoodIndexPage


class ProvincePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"استان نمونه {n}")
    slug = factory.Sequence(lambda n: f"province-{n}")
    intro = ""

    class Meta:
        model = ProvincePage


class NeighborhoodPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"محله نمونه {n}")
    slug = factory.Sequence(lambda n: f"neighborhood-{n}")
    city = "اراک"
    district = "منطقه ۱"
    summary = "محله‌ای با دفتر تسهیلگری و شورای پیشرفت محله."
    introduction = "<p>معرفی کوتاه محله.</p>"
    office_address = "خیابان نمونه، کوچه یکم"
    office_phone = "086-0000-0000"
    office_started = datetime.date(2024, 3, 9)

    class Meta:
        model = NeighborhoodPage


class NewsIndexPageFactory(PublishedPageFactory):
    title = "خبرها"
    slug = "news"
    intro = ""

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"خبر نمونه {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 11, 20) - datetime.timedelta(days=n % 300))
    lead = "لید کوتاه خبر برای فهرست‌ها."
    body = "<p>متن خبر.</p>"
    image = None

    class Meta:
        model = NewsPage


class ContentPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"صفحه نمونه {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "خلاصه صفحه."
    body = "<p>متن صفحه.</p>"

    class Meta:
        model = ContentPage


class CouncilMemberFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"عضو شورا {n}")
    role = MemberRole.MEMBER
    affiliation = Affiliation.TRUSTEE
    organization = ""

    class Meta:
        model = CouncilMember


class CommitteeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"کمیته {n}")
    scope = CommitteeScope.HEALTH
    chair = ""
    description = ""

    class Meta:
        model = Committee


class OfficeHoursFactory(DjangoModelFactory):
    weekday = Weekday.SATURDAY
    opens = datetime.time(8)
    closes = datetime.time(14)

    class Meta:
        model = OfficeHours


class ParticipationFormPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"فرم نمونه {n}")
    slug = factory.Sequence(lambda n: f"form-{n}")
    kind = "other"
    intro = ""
    thank_you_text = ""

    class Meta:
        model = ParticipationFormPage


class FormFieldFactory(DjangoModelFactory):
    label = factory.Sequence(lambda n: f"پرسش {n}")
    key = factory.Sequence(lambda n: f"question_{n}")
    field_type = "singleline"
    required = False

    class Meta:
        model = FormField


class StatementPageFactory(PublishedPageFactory):
    title = "اعلامیه حریم خصوصی"
    slug = "privacy"
    kind = "privacy"
    intro = "خلاصه بیانیه."
    body = "<p>متن بیانیه.</p>"
    reviewed_on = datetime.date(2026, 11, 22)

    class Meta:
        model = StatementPage


class ProgramCalendarPageFactory(PublishedPageFactory):
    title = "برنامه‌ها"
    slug = "programmes"
    intro = ""

    class Meta:
        model = ProgramCalendarPage


class ProgramPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"برنامه نمونه {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    summary = "برنامه نمونه"

    class Meta:
        model = ProgramPage

class DirectoryIndexPageFactory(PublishedPageFactory):
    title = "سمن‌ها و خیریه‌ها"
    slug = "directory"
    intro = ""

    class Meta:
        model = DirectoryIndexPage


class NGOApplicationPageFactory(PublishedPageFactory):
    title = "درخواست ثبت سازمان در فهرست"
    slug = "apply"
    intro = ""
    thank_you_text = ""

    class Meta:
        model = NGOApplicationPage


class OrganizationPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"سازمان نمونه {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = "ngo"

    class Meta:
        model = OrganizationPage


class AssetPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"ظرفیت نمونه {n}")
    slug = factory.Sequence(lambda n: f"asset-{n}")
    asset_type = factory.LazyFunction(lambda: AssetType.objects.order_by("order").first())

    class Meta:
        model = AssetPage
