"""An urgent notice: a water cut, a changed venue. Staff publish it under their neighbourhood (or, for the
whole portal, under the home page); until it ends it shows as a banner on every page in its scope, and
its publication goes at once to the subscribers of urgent notices.

Its end is its own field, required, and becomes the page's expiry, so Wagtail unpublishes it too; the
banner never waits for that: it asks for notices that have not ended (alerts/banner.py).
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from neighborhoods.scopes import area
from portal.caching import scopes
from portal.visibility import ListablePageManager

# Longer than this is not urgent: it belongs in the news.
LONGEST = timedelta(days=31)


class NoticePage(Page):
    message = models.CharField(
        _("متن اطلاعیه"),
        max_length=200,
        help_text=_("یک یا دو جمله که بالای صفحه‌ها دیده می‌شود، مانند «آب محله پنجشنبه از ۸ تا ۱۴ قطع است.»"),
    )
    details = models.TextField(_("توضیح بیشتر"), blank=True, max_length=2000)
    ends_at = models.DateTimeField(_("پایان نمایش"), help_text=_("پس از این زمان اطلاعیه دیگر نشان داده نمی‌شود."))

    objects = ListablePageManager()

    content_panels = Page.content_panels + [FieldPanel("message"), FieldPanel("ends_at"), FieldPanel("details")]
    parent_page_types = ["home.HomePage", "neighborhoods.NeighborhoodPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("اطلاعیه فوری")
        verbose_name_plural = _("اطلاعیه‌های فوری")

    def clean(self):
        super().clean()
        if self.ends_at:
            if self.ends_at <= timezone.now() and not self.live:
                raise ValidationError({"ends_at": gettext("پایان نمایش باید در آینده باشد.")})
            if self.ends_at - (self.go_live_at or timezone.now()) > LONGEST:
                raise ValidationError({"ends_at": gettext("اطلاعیه فوری حداکثر یک ماه نشان داده می‌شود؛ برای بیشتر، خبر بنویسید.")})
            self.expire_at = self.ends_at

    @property
    def portal_wide(self):
        return area(self) is None

    def cache_scopes(self):
        return [area(self)] if area(self) else [scopes.page(self.pk)]
