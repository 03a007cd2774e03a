from django.conf import settings
from django.db import models


class SubmissionEvent(models.Model):
    """Who did what to a submission, and when: changes, replies, and every time resident data was
    viewed or exported."""

    class Action(models.TextChoices):
        CREATED = "created", "ثبت"
        CHANGED = "changed", "تغییر"
        REPLIED = "replied", "پاسخ"
        VIEWED = "viewed", "مشاهده"
        EXPORTED = "exported", "خروجی"
        NOTIFIED = "notified", "اطلاع‌رسانی"
        ANONYMISED = "anonymised", "بی‌نام‌سازی"

    submission = models.ForeignKey("participation.Submission", on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField("کار", max_length=20, choices=Action.choices)
    # {"field": [before, after], …} for changes; free details for other actions.
    changes = models.JSONField("جزئیات", default=dict, blank=True)
    created_at = models.DateTimeField("زمان", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "رویداد پرونده"
        verbose_name_plural = "تاریخچه پرونده‌ها"

    def __str__(self):
        return f"{self.get_action_display()} — {self.submission_id}"
