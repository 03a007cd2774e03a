from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """A body a resolution can make responsible (municipality, Behzisti, Komiteh Emdad …): an editable list."""

    slug = models.SlugField(_("شناسه"), max_length=40, unique=True)
    name = models.CharField(_("نام"), max_length=120)
    order = models.PositiveSmallIntegerField(_("ترتیب"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("دستگاه مسئول")
        verbose_name_plural = _("دستگاه‌های مسئول")

    def __str__(self):
        return self.name
