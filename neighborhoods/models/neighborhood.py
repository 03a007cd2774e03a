from django.core.validators import MaxValueValidator, MinValueValidator
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index

from content.fields import body_field
from content.renditions import PremadeRenditions
from content.forms import BodyPageForm
from portal.caching.store import cached
from portal.visibility import ListablePageManager, is_listable
from search.indexing import NORMALISED_FIELDS, SearchableText

from ..scopes import area
from ..sections import section_urls, sections


class NeighborhoodPage(PremadeRenditions, SearchableText, RoutablePageMixin, Page):
    """One neighbourhood: its facilitation office and its progress council."""

    city = models.CharField("شهر", max_length=80)
    district = models.CharField("منطقه یا ناحیه", max_length=80, blank=True)
    summary = models.CharField("خلاصه", max_length=300, blank=True, help_text="یک یا دو جمله برای فهرست‌ها")
    # What residents call it and where it ends, in words: the neighbourhood finder searches both
    # (neighborhoods/finder.py), and the page shows them.
    other_names = models.TextField(
        "نام‌های دیگر",
        blank=True,
        help_text="نام‌هایی که مردم محله را با آن می‌شناسند، هر نام در یک سطر؛ مانند نام قدیمی محله یا نام کوی و شهرک",
    )
    landmarks = models.TextField(
        "محدوده و نشانه‌ها",
        blank=True,
        help_text="خیابان‌ها، میدان‌ها و نشانه‌هایی که محله را از همسایه‌هایش جدا می‌کند، به زبان ساده",
    )
    introduction = body_field("معرفی محله")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="تصویر", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    office_address = models.CharField("نشانی دفتر", max_length=300, blank=True)
    office_phone = models.CharField("تلفن دفتر", max_length=40, blank=True)
    office_started = models.DateField("تاریخ آغاز به کار دفتر", null=True, blank=True)
    latitude = models.DecimalField(
        "عرض جغرافیایی",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        "طول جغرافیایی",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    search_text_fields = ("city", "district", "other_names", "landmarks", "summary", "introduction")
    search_excerpt_fields = ("summary", "introduction")
    search_fields = Page.search_fields + [
        *NORMALISED_FIELDS,
        index.FilterField("city"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("city"), FieldPanel("district")]),
        FieldPanel("other_names"),
        FieldPanel("landmarks"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("introduction"),
    ]
    office_panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_address"),
                FieldPanel("office_phone"),
                FieldPanel("office_started"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="دفتر تسهیلگری",
        ),
        InlinePanel("office_hours", heading="ساعات کار (از شنبه)", label="روز کاری"),
    ]
    council_panels = [
        InlinePanel("council_members", heading="اعضای شورای پیشرفت محله", label="عضو"),
        InlinePanel("committees", heading="کمیته‌های تخصصی", label="کمیته"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="محله"),
            ObjectList(office_panels, heading="دفتر"),
            ObjectList(council_panels, heading="شورا"),
            ObjectList(Page.promote_panels, heading="انتشار"),
        ]
    )

    # Fetched with the page when it is served (home/routing.py).
    route_related = ("image",)
    objects = ListablePageManager()

    # The page types that go under a neighbourhood name it in their parent_page_types: this page does not
    # know them, nor what its sections show (neighborhoods/sections.py).
    parent_page_types = ["neighborhoods.ProvincePage"]
    body_fields = ("introduction",)
    base_form_class = BodyPageForm
    cover_templates = ("neighborhoods/includes/hero.html",)

    class Meta:
        verbose_name = "محله"
        verbose_name_plural = "محله‌ها"

    def cache_scopes(self):
        return [area(self)]

    @classmethod
    def get_subpage_urls(cls):
        # The sections' sub-routes (…/assets/) beside the page's own.
        return [*super().get_subpage_urls(), *section_urls()]

    @cached_property
    def _family(self):
        """Ancestors (below the tree root) and children, in one query at most: their paths are
        prefixes and extensions of this page's path. Kept while the neighbourhood's scope stands."""
        ancestor_paths = [self.path[: self.steplen * depth] for depth in range(2, self.depth)]

        def fetch():
            return list(
                Page.objects.filter(
                    Q(path__in=ancestor_paths) | Q(depth=self.depth + 1, path__startswith=self.path)
                ).order_by("path")
            )

        return cached(None, "neighborhood-family", [self.pk, self.path], fetch, self.cache_scopes())

    @property
    def ancestors(self):
        """Home page first; shared by the breadcrumbs and the province line."""
        return [page for page in self._family if page.depth < self.depth]

    @property
    def province(self):
        return self.ancestors[-1] if self.ancestors else None

    @property
    def other_names_list(self):
        return [line.strip() for line in self.other_names.splitlines() if line.strip()]

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def sorted_office_hours(self):
        return sorted(self.office_hours.all(), key=lambda hours: (hours.weekday, hours.opens))

    def children_of_type(self, model):
        """Listable children of ``model``, from the family already fetched: no query."""
        content_type = ContentType.objects.get_for_model(model)
        return [
            page
            for page in self._family
            if page.depth > self.depth and is_listable(page) and page.content_type_id == content_type.pk
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections()
        return context
