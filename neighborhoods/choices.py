"""Fixed vocabularies of the neighbourhood pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Weekday(models.IntegerChoices):
    # Saturday first: the Iranian week.
    SATURDAY = 0, pgettext_lazy("weekday", "شنبه")
    SUNDAY = 1, pgettext_lazy("weekday", "یکشنبه")
    MONDAY = 2, pgettext_lazy("weekday", "دوشنبه")
    TUESDAY = 3, pgettext_lazy("weekday", "سه‌شنبه")
    WEDNESDAY = 4, pgettext_lazy("weekday", "چهارشنبه")
    THURSDAY = 5, pgettext_lazy("weekday", "پنجشنبه")
    FRIDAY = 6, pgettext_lazy("weekday", "جمعه")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("رئیس شورا")
    DEPUTY = "deputy", _("نایب‌رئیس")
    SECRETARY = "secretary", _("دبیر")
    MEMBER = "member", _("عضو")


class Affiliation(models.TextChoices):
    TRUSTEE = "trustee", _("معتمد محل")
    NGO = "ngo", _("سازمان مردم‌نهاد")
    CHARITY = "charity", _("خیریه")
    INSTITUTION = "institution", _("نهاد محلی")
    EXPERT = "expert", _("کارشناس محلی")


class CommitteeScope(models.TextChoices):
    CIVIL_WORKS = "civil_works", _("عمران")
    HEALTH = "health", _("بهداشت و سلامت")
    SOCIAL_VITALITY = "social_vitality", _("نشاط اجتماعی")
    PUBLIC_SAFETY = "public_safety", _("امنیت عمومی")
    SOCIAL_HARMS = "social_harms", _("آسیب‌های اجتماعی")
    SOCIAL = "social", _("بعد اجتماعی")
    ECONOMIC = "economic", _("بعد اقتصادی")
    PHYSICAL = "physical", _("بعد کالبدی")
    ENVIRONMENTAL = "environmental", _("بعد زیست‌محیطی")
