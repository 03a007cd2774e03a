import functools

from django.core.validators import MaxValueValidator, MinValueValidator
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.visibility import ListablePageManager, is_listable
from search.indexing import NORMALISED_FIELDS, SearchableText

from directory.neighborhood_routes import NeighborhoodDirectoryMixin


class NeighborhoodPage(SearchableText, NeighborhoodDirectoryMixin, Page):
    """One neighbourhood: its facilitation office and its progress council."""

    city = models.CharField("شهر", max_length=80)
    district = models.CharField("منطقه یا ناحیه", max_length=80, blank=True)
    summary = models.CharField("خلاصه", max_length=300, blank=True, help_text="یک یا دو جمله برای فهرست‌ها")
    introduction = RichTextField("معرفی محله", blank=True)
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

    search_text_fields = ("city", "district", "summary", "introduction")
    search_excerpt_fields = ("summary", "introduction")
    search_fields = Page.search_fields + [
        *NORMALISED_FIELDS,
        index.FilterField("city"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("city"), FieldPanel("district")]),
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

    objects = ListablePageManager()

    parent_page_types = ["neighborhoods.ProvincePage"]
    subpage_types = [
        "news.NewsIndexPage",
        "participation.ParticipationFormPage",
        "programmes.ProgramPage",
        "directory.AssetPage",
    ]

    class Meta:
        verbose_name = "محله"
        verbose_name_plural = "محله‌ها"

    @cached_property
    def _family(self):
        """Ancestors (below the tree root) and children, in one query at most: their paths are
        prefixes and extensions of this page's path."""
        from portal.content_version import cached_value

        ancestor_paths = [self.path[: self.steplen * depth] for depth in range(2, self.depth)]

        def fetch():
            return list(
                Page.objects.filter(
                    Q(path__in=ancestor_paths) | Q(depth=self.depth + 1, path__startswith=self.path)
                ).order_by("path")
            )

        # Kept under the content version: any page published, moved or deleted replaces it.
        return cached_value(None, "neighborhood-family", [self.pk, self.path], fetch)

    @property
    def ancestors(self):
        """Home page first; shared by the breadcrumbs and the province line."""
        return [page for page in self._family if page.depth < self.depth]

    @property
    def province(self):
        return self.ancestors[-1] if self.ancestors else None

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def sorted_office_hours(self):
        return sorted(self.office_hours.all(), key=lambda hours: (hours.weekday, hours.opens))

    def news_index(self):
        from news.models import NewsIndexPage

        return next(iter(self.children_of_type(NewsIndexPage)), None)

    def children_of_type(self, model):
        content_type = ContentType.objects.get_for_model(model)
        return [
            page
            for page in self._family
            if page.depth > self.depth and is_listable(page) and page.content_type_id == content_type.pk
        ]

    def participation_forms(self):
        from forms.models import ParticipationFormPage

        return self.children_of_type(ParticipationFormPage)

    def latest_news(self, limit):
        from news.models import NewsPage

        return NewsPage.objects.for_listing().filter(neighborhood=self)[:limit]

    def programme_calendar(self, request):
        """From the menu the header has already fetched: no query of its own."""
        from home.menus import portal_page
        from programmes.models import ProgramCalendarPage

        return portal_page(request, ProgramCalendarPage)

    def upcoming_programmes(self, limit, request=None):
        """The next programmes, with their seats taken read now (programmes/upcoming.py)."""
        from programmes.models import ProgramPage
        from programmes.upcoming import upcoming_with_seats

        return upcoming_with_seats(request, "neighborhood", [self.pk], ProgramPage.objects.listable().filter(neighborhood=self), limit)

    def get_cache_dependent_urls(self):
        # The province page, the index of all neighbourhoods and the home page list it; the front
        # page's map reads its point from the home page's offices/.
        from portal.purge import ancestor_urls, page_urls

        home = self.get_ancestors().filter(depth=2).first()
        return [*ancestor_urls(self), *(page_urls(home.specific, "offices/") if home else [])]

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings

        context = super().get_context(request, *args, **kwargs)
        # Called by the template inside a cached fragment: on a warm cache not even the query is built.
        context["latest_news"] = functools.partial(self.latest_news, settings.NEIGHBORHOOD_LATEST_NEWS)
        context["news_index"] = self.news_index()
        context["upcoming_programmes"] = self.upcoming_programmes(settings.NEIGHBORHOOD_UPCOMING_PROGRAMMES, request)
        context["programme_calendar"] = self.programme_calendar(request)
        # Called by the template inside a cached fragment: on a warm cache it costs nothing.
        context["directory_context"] = functools.partial(self.directory_context, request)
        return context
