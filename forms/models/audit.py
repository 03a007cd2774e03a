from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessRecord(models.Model):
    """One reading of residents' personal data: a case opened, its photo fetched, a list, an export.

    The audit trail of ``forms.audit``. It points at cases and neighbourhoods by id and copies what it
    must show (the tracking code, the user's name), with no foreign key that would delete it, so it
    outlives the data it refers to: anonymising or deleting a case leaves its records, which hold no
    personal data of their own. A case's history (SubmissionEvent) tells the office what happened to
    the case; this tells its head and coordinators who looked, from where, at what.
    """

    class Action(models.TextChoices):
        CASE = "case", _("دیدن پرونده")
        PHOTO = "photo", _("دیدن عکس پرونده")
        INBOX = "inbox", _("فهرست پرونده‌ها")
        EXPORT = "export", _("خروجی پرونده‌ها")
        REGISTRATIONS = "registrations", _("فهرست ثبت‌نام‌های برنامه")
        REGISTRATIONS_EXPORT = "registrations_export", _("خروجی ثبت‌نام‌های برنامه")
        SAFETY_MAP = "safety_map", _("نقشه فضاهای بی‌دفاع")
        NEEDS = "needs", _("نتایج نیازسنجی")
        RESIDENT = "resident", _("دیدن پرونده به دست خود شهروند")
        DASHBOARD = "dashboard", _("داشبورد")
        REPORT = "report", _("گزارش ماهانه")
        REPORT_PDF = "report_pdf", _("پی‌دی‌اف گزارش ماهانه")

    at = models.DateTimeField(_("زمان"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("کاربر"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user_label = models.CharField(_("نام کاربر"), max_length=300)
    address = models.GenericIPAddressField(_("نشانی اینترنتی"), null=True, blank=True)
    action = models.CharField(_("کار"), max_length=24, choices=Action.choices)
    # The one case read, if one was; otherwise the filter of the list or export.
    submission_id = models.PositiveBigIntegerField(_("شناسه پرونده"), null=True, blank=True, db_index=True)
    tracking_code = models.CharField(_("کد رهگیری"), max_length=16, blank=True)
    query = models.CharField(_("فیلتر"), max_length=500, blank=True)
    rows = models.PositiveIntegerField(_("شمار ردیف‌ها"), null=True, blank=True)
    # The neighbourhood whose data was read, for showing the record to those who oversee it; empty when a
    # coordinator's or a superuser's list spans several (the record then shows to superusers and its reader).
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage",
        verbose_name=_("محله"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="+",
    )
    masked = models.BooleanField(_("با داده‌های محرمانه پوشیده"), default=False)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("سابقه دسترسی")
        verbose_name_plural = _("سوابق دسترسی به داده‌های شخصی")

    def __str__(self):
        return f"{self.user_label} — {self.get_action_display()}"
