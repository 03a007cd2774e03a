from django.db import models


class Kind(models.TextChoices):
    COURSE = "course", "دوره آموزشی"
    EVENT = "event", "رویداد"
    SERVICE = "service", "خدمت"
    OCCASION = "occasion", "مناسبت"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "همه"
    WOMEN = "women", "زنان"
    YOUTH = "youth", "جوانان"
    CHILDREN = "children", "کودکان"
    TEENS = "teens", "نوجوانان"
    ELDERLY = "elderly", "سالمندان"
    FAMILIES = "families", "خانواده‌ها"
    JOBSEEKERS = "jobseekers", "جویندگان کار"


class NationalCode(models.TextChoices):
    NOT_ASKED = "no", "پرسیده نشود"
    OPTIONAL = "optional", "اختیاری"
    REQUIRED = "required", "الزامی"


class Status(models.TextChoices):
    """What a programme is now; worked out from its dates, seats and flags (see ProgramPage.status)."""

    UPCOMING = "upcoming", "به‌زودی"
    OPEN = "open", "ثبت‌نام باز است"
    FULL = "full", "ظرفیت تکمیل"
    RUNNING = "running", "در حال برگزاری"
    FINISHED = "finished", "برگزار شد"
    CANCELLED = "cancelled", "لغو شد"


class Seat(models.TextChoices):
    CONFIRMED = "confirmed", "قطعی"
    WAITLISTED = "waitlisted", "فهرست انتظار"
    CANCELLED = "cancelled", "لغوشده"
