"""A service an organisation offers residents, kept as an inline row of its page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from forms.fields import NumericTextInput

from ..choices import ServiceCategory, TargetGroup


class OrganizationService(Orderable):
    page = ParentalKey("directory.OrganizationPage", on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("نام خدمت"), max_length=160)
    category = models.CharField(_("دسته"), max_length=20, choices=ServiceCategory.choices)
    target_group = models.CharField(_("گروه هدف"), max_length=20, choices=TargetGroup.choices, default=TargetGroup.EVERYONE)
    description = models.TextField(_("شرح"), blank=True)
    eligibility = models.TextField(_("شرایط استفاده"), blank=True)
    # Money is stored in rials (the legal unit) and shown in toman; empty means free.
    cost_rials = models.PositiveBigIntegerField(
        _("هزینه (ریال)"), null=True, blank=True, help_text=_("به ریال؛ برای خدمت رایگان خالی بگذارید.")
    )
    how_to_apply = models.TextField(_("راه استفاده از خدمت"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("target_group")]),
        FieldPanel("description"),
        FieldPanel("eligibility"),
        FieldPanel("cost_rials", widget=NumericTextInput),
        FieldPanel("how_to_apply"),
    ]
    api_fields = [
        APIField("name"),
        APIField("category"),
        APIField("target_group"),
        APIField("description"),
        APIField("eligibility"),
        APIField("cost_rials"),
        APIField("is_free"),
        APIField("how_to_apply"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("خدمت")
        verbose_name_plural = _("خدمت‌ها")

    @property
    def is_free(self):
        return not self.cost_rials

    def __str__(self):
        return self.name
