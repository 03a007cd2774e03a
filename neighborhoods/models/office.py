"""The facilitation office's opening hours, one row per weekday."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from ..choices import Weekday


class OfficeHours(Orderable):
    page = ParentalKey("neighborhoods.NeighborhoodPage", on_delete=models.CASCADE, related_name="office_hours")
    weekday = models.PositiveSmallIntegerField("روز", choices=Weekday.choices)
    opens = models.TimeField("از ساعت")
    closes = models.TimeField("تا ساعت")

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = "ساعت کار دفتر"
        verbose_name_plural = "ساعات کار دفتر"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "ساعت پایان باید بعد از ساعت شروع باشد."})

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
