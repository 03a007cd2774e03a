"""A capacity or asset of a neighbourhood (ظرفیت و دارایی محله): a mosque, a school, a park …"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from search.indexing import NORMALISED_FIELDS, SearchableText

from forms.fields import NumericTextInput
from neighborhoods.models import NeighborhoodPage
from neighborhoods.scopes import area
from portal.visibility import ListablePageManager

from ..choices import Owner
from ..validators import normalize_phone, validate_phone
from .location import MapPoint


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AssetPage(SearchableText, MapPoint, Page):
    asset_type = models.ForeignKey(
        "directory.AssetType", verbose_name=_("نوع"), on_delete=models.PROTECT, related_name="assets"
    )
    ownership = models.CharField(_("مالکیت"), max_length=20, choices=Owner.choices, default=Owner.PUBLIC)
    summary = models.CharField(_("خلاصه"), max_length=300, blank=True, help_text=_("یک جمله برای فهرست‌ها"))
    description = RichTextField(_("معرفی"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    address = models.CharField(_("نشانی"), max_length=300, blank=True)
    phone = models.CharField(_("تلفن"), max_length=40, blank=True, validators=[validate_phone])
    capacity = models.PositiveIntegerField(_("ظرفیت (نفر)"), null=True, blank=True)
    facilities = models.TextField(_("امکانات"), blank=True, help_text=_("هر امکان در یک سطر، مانند «سالن اجتماعات» یا «آشپزخانه»"))
    accessibility = models.TextField(
        _("دسترسی‌پذیری"), blank=True, help_text=_("برای افراد دارای معلولیت و سالمندان: رمپ، آسانسور، سرویس بهداشتی مناسب …")
    )
    can_host_programmes = models.BooleanField(
        _("میزبان برنامه‌ها"), default=False, help_text=_("دفتر می‌تواند برنامه‌ها و دوره‌های محله را اینجا برگزار کند.")
    )

    search_text_fields = ("summary", "description", "address", "facilities")
    search_excerpt_fields = ("summary", "description")
    search_fields = Page.search_fields + [*NORMALISED_FIELDS, index.FilterField("asset_type_id")]
    api_fields = [
        APIField("asset_type_name"),
        APIField("ownership"),
        APIField("summary"),
        APIField("description"),
        APIField("address"),
        APIField("phone"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("capacity"),
        APIField("facility_list"),
        APIField("accessibility"),
        APIField("can_host_programmes"),
        APIField("opening_hours"),
        APIField("neighborhood_id"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("asset_type"), FieldPanel("ownership")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone", widget=NumericTextInput(attrs={"inputmode": "tel"})),
                FieldRowPanel(
                    [FieldPanel("latitude"),
                     FieldPanel("longitude")]
                ),
            ],
            heading=_("نشانی و موقعیت"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity", widget=NumericTextInput),
                FieldPanel("facilities"),
                FieldPanel("accessibility"),
                FieldPanel("can_host_programmes"),
            ],
            heading=_("امکانات"),
        ),
        InlinePanel("opening_hours", heading=_("ساعات کار (از شنبه)"), label=_("روز")),
    ]

    parent_page_types = ["neighborhoods.NeighborhoodPage"]
    subpage_types = []

    # Fetched with the page when it is served (home/routing.py).
    route_related = ("asset_type",)
    objects = ListablePageManager()

    class Meta:
        verbose_name = _("ظرفیت محله")
        verbose_name_plural = _("ظرفیت‌های محله")

    @property
    def asset_type_name(self):
        return self.asset_type.name

    @property
    def facility_list(self):
        return lines(self.facilities)

    def cache_scopes(self):
        return [area(self)]

    @cached_property
    def neighborhood(self):
        return NeighborhoodPage.objects.filter(path=self.path[: -self.steplen]).first()

    @property
    def neighborhood_id(self):
        return self.neighborhood.pk if self.neighborhood else None

    def upcoming_programmes(self):
        """Live programmes held here that have not ended, soonest first."""
        return self.programmes.for_listing().upcoming()[:12]

    def sorted_hours(self):
        return sorted(self.opening_hours.all(), key=lambda row: row.weekday)

    def clean(self):
        super().clean()
        self.clean_map_point()
        self.phone = normalize_phone(self.phone)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["neighborhood"] = self.neighborhood
        context["map_places"] = [self.map_place()] if self.has_location else []
        return context

    def map_place(self, url=None):
        return {
            "name": self.title,
            "kind": self.asset_type.label,
            "lat": float(self.latitude),
            "lng": float(self.longitude),
            "url": url or "",
        }
