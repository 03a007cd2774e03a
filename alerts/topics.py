"""What a resident may subscribe to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    NEWS = "news", _("خبرهای تازه")
    PROGRAMMES = "programmes", _("برنامه‌هایی که ثبت‌نامشان باز می‌شود")
    DECISIONS = "decisions", _("مصوبه‌های شورا")
    URGENT = "urgent", _("اطلاعیه‌های فوری")


class Channel(models.TextChoices):
    SMS = "sms", _("پیامک")
    EMAIL = "email", _("رایانامه")
