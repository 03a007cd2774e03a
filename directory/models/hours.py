"""Opening hours of an asset: one row per weekday, Saturday first, open between two times or closed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from neighborhoods.choices import Weekday


class AssetHours(Orderable):
    page = ParentalKey("directory.AssetPage", on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("روز"), choices=Weekday.choices)
    closed = models.BooleanField(_("تعطیل"), default=False)
    opens = models.TimeField(_("از ساعت"), null=True, blank=True)
    closes = models.TimeField(_("تا ساعت"), null=True, blank=True)

    api_fields = [APIField("weekday"), APIField("closed"), APIField("opens"), APIField("closes")]
    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("closed")]), FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("ساعت کار")
        verbose_name_plural = _("ساعات کار")

    def clean(self):
        if self.closed:
            self.opens = self.closes = None
            return
        if self.opens is None or self.closes is None:
            raise ValidationError({"opens": gettext("ساعت شروع و پایان را بنویسید یا «تعطیل» را بزنید.")})
        if self.closes <= self.opens:
            raise ValidationError({"closes": gettext("ساعت پایان باید بعد از ساعت شروع باشد.")})

    def __str__(self):
        if self.closed:
            return gettext("%(day)s: تعطیل") % {"day": self.get_weekday_display()}
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
