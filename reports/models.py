from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_lazy as _

from portal import jalali
from portal.digits import to_persian_digits


class MonthlyReport(models.Model):
    """A neighbourhood's report for one Jalali month, kept as it was made.

    The figures are copied in as JSON when the report is made (reports.figures.dashboard plus the
    needs-assessment results), so a report that went to the province stays the same however the
    inbox changes afterwards. Making the month's report again keeps the earlier one too.
    """

    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage", verbose_name=_("محله"), on_delete=models.PROTECT, related_name="monthly_reports"
    )
    year = models.PositiveSmallIntegerField(_("سال"))
    month = models.PositiveSmallIntegerField(_("ماه"))
    figures = models.JSONField(_("آمار"), default=dict)
    highlights = models.TextField(_("نکته‌های برجسته"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("تهیه‌کننده"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("زمان تهیه"), auto_now_add=True)
    # The PDF made from the kept figures (reports/pdf.py), stored under media/private/, which no web
    # server serves: staff download it through the admin's scoped view.
    pdf = models.FileField("PDF", upload_to="private/reports/monthly/%Y/", blank=True)

    class Meta:
        ordering = ["-year", "-month", "-created_at", "-pk"]
        verbose_name = _("گزارش ماهانه")
        verbose_name_plural = _("گزارش‌های ماهانه")
        indexes = [models.Index(fields=["neighborhood", "year", "month"])]

    def __str__(self):
        return gettext("گزارش %(month)s محله %(neighborhood)s") % {"month": self.month_label, "neighborhood": self.neighborhood.title}

    @property
    def month_label(self):
        return to_persian_digits(f"{jalali.month_name(self.month)} {self.year}")
