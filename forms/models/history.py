from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionEvent(models.Model):
    """Who did what to a submission, and when: changes, replies, and every time resident data was
    viewed or exported."""

    class Action(models.TextChoices):
        CREATED = "created", _("ثبت")
        CHANGED = "changed", _("تغییر")
        REPLIED = "replied", _("پاسخ")
        VIEWED = "viewed", _("مشاهده")
        EXPORTED = "exported", _("خروجی")
        NOTIFIED = "notified", _("اطلاع‌رسانی")
        ANONYMISED = "anonymised", _("بی‌نام‌سازی")

    submission = models.ForeignKey("participation.Submission", on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("کار"), max_length=20, choices=Action.choices)
    # {"field": [before, after], …} for changes; free details for other actions.
    changes = models.JSONField(_("جزئیات"), default=dict, blank=True)
    created_at = models.DateTimeField(_("زمان"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("رویداد پرونده")
        verbose_name_plural = _("تاریخچه پرونده‌ها")

    def __str__(self):
        return f"{self.get_action_display()} — {self.submission_id}"
