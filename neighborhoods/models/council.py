"""The neighbourhood progress council: its members and its specialised committees.

Both are translatable (wagtail-localize): a translation of the neighbourhood page carries its own copy of
each row, tied to the Persian row by ``translation_key``, so the translator writes the members' names,
their organisations and the committees' names, chairs and duties beside the Persian. Roles, affiliations
and committee areas are choices: they are copied as they are and shown through the catalogues.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

from ..choices import Affiliation, CommitteeScope, MemberRole


class CouncilMember(TranslatableMixin, Orderable):
    page = ParentalKey("neighborhoods.NeighborhoodPage", on_delete=models.CASCADE, related_name="council_members")
    name = models.CharField("نام", max_length=120)
    role = models.CharField("نقش در شورا", max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    affiliation = models.CharField("از میان", max_length=20, choices=Affiliation.choices)
    organization = models.CharField(
        "نهاد یا سازمان", max_length=160, blank=True, help_text="مثلاً نام خیریه، مسجد یا مدرسه"
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("affiliation"), FieldPanel("organization")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "عضو شورا"
        verbose_name_plural = "اعضای شورا"

    def __str__(self):
        return self.name


class Committee(TranslatableMixin, Orderable):
    page = ParentalKey("neighborhoods.NeighborhoodPage", on_delete=models.CASCADE, related_name="committees")
    name = models.CharField("نام کمیته", max_length=120)
    scope = models.CharField("حوزه", max_length=20, choices=CommitteeScope.choices)
    chair = models.CharField("رئیس کمیته", max_length=120, blank=True)
    description = models.TextField("شرح وظایف", blank=True)

    panels = [FieldPanel("name"), FieldPanel("scope"), FieldPanel("chair"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "کمیته تخصصی"
        verbose_name_plural = "کمیته‌های تخصصی"

    def __str__(self):
        return self.name
