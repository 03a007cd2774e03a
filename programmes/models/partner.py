from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable


class PartnerRole(models.TextChoices):
    ORGANISER = "organiser", _("برگزارکننده")
    PARTNER = "partner", _("همکار")
    SPONSOR = "sponsor", _("حامی مالی")


class ProgramPartner(Orderable):
    """An organisation of the directory that runs, helps with or pays for a programme. Its page then lists
    the programme, and the programme links to it."""

    page = ParentalKey("programmes.ProgramPage", on_delete=models.CASCADE, related_name="partner_links")
    organization = models.ForeignKey(
        "directory.OrganizationPage", verbose_name=_("سازمان"), on_delete=models.CASCADE, related_name="programme_links"
    )
    role = models.CharField(_("نقش"), max_length=12, choices=PartnerRole.choices, default=PartnerRole.PARTNER)

    panels = [FieldRowPanel([PageChooserPanel("organization", "directory.OrganizationPage"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("سازمان همکار")
        verbose_name_plural = _("سازمان‌های همکار")
        constraints = [models.UniqueConstraint(fields=["page", "organization"], name="one_link_per_organisation")]
