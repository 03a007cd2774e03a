"""An NGO, charity, cooperative or agency that serves one or more neighbourhoods."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from search.indexing import NORMALISED_FIELDS, SearchableText

from forms.fields import NumericTextInput
from portal.caching import scopes
from portal.digits import to_latin_digits
from portal.text import ZWNJ, normalize
from portal.validators import normalize_mobile, validate_mobile
from portal.visibility import ListablePageManager, listable_q

from ..choices import OrganizationKind
from ..validators import normalize_phone, validate_phone
from .asset import lines
from .location import MapPoint


def search_text(*parts):
    """Normalised words plus the same words with ZWNJ removed, so «می‌شود», «می شود» and «میشود» all match."""
    text = " ".join(str(part) for part in parts if part)
    return f"{normalize(text)} {normalize(text.replace(ZWNJ, ''))}"


class OrganizationPage(SearchableText, MapPoint, Page):
    kind = models.CharField(_("نوع"), max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.NGO)
    registration_number = models.CharField(
        _("شماره ثبت یا مجوز"), max_length=40, blank=True,
        validators=[RegexValidator(r"^[0-9۰-۹٠-٩/\-\s]+$", _("شماره ثبت فقط رقم، خط تیره یا ممیز دارد."))],
    )
    summary = models.CharField(_("خلاصه"), max_length=300, blank=True, help_text=_("یک جمله برای فهرست"))
    description = RichTextField(_("معرفی"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    fields_of_activity = models.TextField(_("حوزه‌های فعالیت"), blank=True, help_text=_("هر حوزه در یک سطر"))
    neighborhoods = ParentalManyToManyField(
        "neighborhoods.NeighborhoodPage", verbose_name=_("محله‌هایی که پوشش می‌دهد"), blank=True, related_name="organizations"
    )
    address = models.CharField(_("نشانی"), max_length=300, blank=True)
    phone = models.CharField(_("تلفن"), max_length=40, blank=True, validators=[validate_phone])
    mobile = models.CharField(_("همراه"), max_length=20, blank=True, validators=[validate_mobile])
    email = models.EmailField(_("رایانامه"), blank=True)
    website = models.URLField(_("وبگاه"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("نشان"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified = models.BooleanField(_("تأییدشده از سوی دفتر"), default=False)
    verified_on = models.DateField(_("تاریخ تأیید"), null=True, blank=True)
    # The NGO application this listing was made from (one listing per application).
    application = models.OneToOneField(
        "participation.Submission", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="organization"
    )
    search_text = models.TextField(blank=True, editable=False)

    search_text_fields = ("summary", "fields_of_activity", "description")
    search_excerpt_fields = ("summary", "description")
    search_fields = Page.search_fields + [*NORMALISED_FIELDS, index.FilterField("kind")]
    api_fields = [
        APIField("kind"),
        APIField("registration_number"),
        APIField("summary"),
        APIField("description"),
        APIField("activity_list"),
        APIField("neighborhood_ids"),
        APIField("address"),
        APIField("phone"),
        APIField("mobile"),
        APIField("email"),
        APIField("website"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("logo", serializer=ImageRenditionField("max-240x240")),
        APIField("verified"),
        APIField("verified_on"),
        APIField("services"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("registration_number", widget=NumericTextInput)]),
        FieldPanel("summary"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("fields_of_activity"),
        FieldPanel("neighborhoods", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel(
                    [FieldPanel("phone", widget=NumericTextInput(attrs={"inputmode": "tel"})),
                     FieldPanel("mobile", widget=NumericTextInput(attrs={"inputmode": "tel"}))]
                ),
                FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
                FieldRowPanel(
                    [FieldPanel("latitude"),
                     FieldPanel("longitude")]
                ),
            ],
            heading=_("راه‌های تماس"),
        ),
        # An NGO editing its own page must not mark itself verified: only office staff and editors see these.
        MultiFieldPanel(
            [
                FieldPanel("verified", permission="directory.verify_organization"),
                FieldPanel("verified_on", permission="directory.verify_organization"),
            ],
            heading=_("تأیید دفتر"),
        ),
        InlinePanel("services", heading=_("خدمت‌ها"), label=_("خدمت")),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    # Fetched with the page when it is served (home/routing.py).
    route_related = ("logo",)
    objects = ListablePageManager()

    class Meta:
        verbose_name = _("سازمان")
        verbose_name_plural = _("سازمان‌ها")
        permissions = [("verify_organization", _("اعلام تأیید سازمان در فهرست"))]

    @property
    def activity_list(self):
        return lines(self.fields_of_activity)

    @property
    def neighborhood_ids(self):
        return [neighborhood.pk for neighborhood in self.neighborhoods.all()]

    def clean(self):
        super().clean()
        self.clean_map_point()
        self.phone = normalize_phone(self.phone)
        self.mobile = normalize_mobile(self.mobile) if self.mobile else ""
        self.registration_number = to_latin_digits(self.registration_number).strip()
        if self.verified and not self.verified_on:
            raise ValidationError({"verified_on": gettext("تاریخ تأیید را بنویسید.")})

    def refresh_search_text(self):
        services = list(self.services.all())
        # The stored words are Persian whatever language the editor's admin is in: the page's own text
        # is Persian, and the search folds Persian.
        with translation.override(settings.LANGUAGE_CODE):
            self.search_text = search_text(
                self.title,
                self.summary,
                self.fields_of_activity,
                self.get_kind_display(),
                *[f"{s.name} {s.description} {s.get_category_display()} {s.get_target_group_display()}" for s in services],
            )

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = list(self.services.all())
        context["served"] = list(self.neighborhoods.filter(listable_q()).order_by("title"))
        context["map_places"] = [self.map_place()] if self.has_location else []
        context["programmes"] = self.upcoming_programmes()
        return context

    def cache_scopes(self):
        # Its page names the neighbourhoods it serves; the programmes that name it declare themselves
        # (programmes/wagtail_hooks.py).
        return [scopes.page(self.pk), scopes.portal_list("neighborhoods")]

    def upcoming_programmes(self):
        """Programmes it runs or helps with that have not ended. Programmes name organisations (the
        programmes app builds on this one, not the reverse), so their model is reached through that link."""
        ProgramPage = self.programme_links.model.page.field.related_model  # noqa: N806
        return ProgramPage.objects.for_listing().filter(partner_links__organization=self).upcoming().distinct()[:12]

    def map_place(self, url=None):
        return {
            "name": self.title,
            "kind": self.get_kind_display(),
            "lat": float(self.latitude),
            "lng": float(self.longitude),
            "url": url or "",
        }
