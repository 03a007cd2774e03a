from django.db import models


class AssetType(models.Model):
    """A kind of place (mosque, park, neighbourhood house …). A snippet: offices add the kinds they
    meet; the defaults come from a data migration."""

    name = models.CharField("نام", max_length=80, unique=True)
    slug = models.SlugField("شناسه لاتین", max_length=40, unique=True, help_text="در نشانی فیلتر فهرست می‌آید، مانند mosque.")
    order = models.PositiveSmallIntegerField("ترتیب", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "نوع ظرفیت"
        verbose_name_plural = "نوع‌های ظرفیت"

    def __str__(self):
        return self.name
