from django.conf import settings
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


class AgencyAccount(models.Model):
    """A login of an agency's contact person: sees the resolutions assigned to the agency in the
    neighbourhoods it serves, adds progress notes and proposes a status that the office confirms."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("کاربر"), on_delete=models.CASCADE, related_name="agency_account"
    )
    agency = models.ForeignKey(Agency, verbose_name=_("دستگاه"), on_delete=models.CASCADE, related_name="accounts")
    neighborhoods = models.ManyToManyField(
        "neighborhoods.NeighborhoodPage", verbose_name=_("محله‌هایی که دستگاه در آن‌ها خدمت می‌کند"), related_name="+"
    )

    class Meta:
        verbose_name = _("حساب دستگاه")
        verbose_name_plural = _("حساب‌های دستگاه‌ها")

    def __str__(self):
        return f"{self.user.get_username()} ({self.agency})"
