from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COURSE = "course", _("دوره آموزشی")
    EVENT = "event", _("رویداد")
    SERVICE = "service", _("خدمت")
    OCCASION = "occasion", _("مناسبت")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("همه")
    WOMEN = "women", _("زنان")
    YOUTH = "youth", _("جوانان")
    CHILDREN = "children", _("کودکان")
    TEENS = "teens", _("نوجوانان")
    ELDERLY = "elderly", _("سالمندان")
    FAMILIES = "families", _("خانواده‌ها")
    JOBSEEKERS = "jobseekers", _("جویندگان کار")


class NationalCode(models.TextChoices):
    NOT_ASKED = "no", _("پرسیده نشود")
    OPTIONAL = "optional", _("اختیاری")
    REQUIRED = "required", _("الزامی")


class Status(models.TextChoices):
    """What a programme is now; worked out from its dates, seats and flags (see ProgramPage.status)."""

    UPCOMING = "upcoming", _("به‌زودی")
    OPEN = "open", _("ثبت‌نام باز است")
    FULL = "full", _("ظرفیت تکمیل")
    RUNNING = "running", _("در حال برگزاری")
    FINISHED = "finished", _("برگزار شد")
    CANCELLED = "cancelled", _("لغو شد")


class Seat(models.TextChoices):
    CONFIRMED = "confirmed", _("قطعی")
    WAITLISTED = "waitlisted", _("فهرست انتظار")
    CANCELLED = "cancelled", _("لغوشده")
