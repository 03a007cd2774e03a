"""Fixed vocabularies of the neighbourhood pages."""

from django.db import models


class Weekday(models.IntegerChoices):
    # Saturday first: the Iranian week.
    SATURDAY = 0, "شنبه"
    SUNDAY = 1, "یکشنبه"
    MONDAY = 2, "دوشنبه"
    TUESDAY = 3, "سه‌شنبه"
    WEDNESDAY = 4, "چهارشنبه"
    THURSDAY = 5, "پنجشنبه"
    FRIDAY = 6, "جمعه"


class MemberRole(models.TextChoices):
    CHAIR = "chair", "رئیس شورا"
    DEPUTY = "deputy", "نایب‌رئیس"
    SECRETARY = "secretary", "دبیر"
    MEMBER = "member", "عضو"


class Affiliation(models.TextChoices):
    TRUSTEE = "trustee", "معتمد محل"
    NGO = "ngo", "سازمان مردم‌نهاد"
    CHARITY = "charity", "خیریه"
    INSTITUTION = "institution", "نهاد محلی"
    EXPERT = "expert", "کارشناس محلی"


class CommitteeScope(models.TextChoices):
    CIVIL_WORKS = "civil_works", "عمران"
    HEALTH = "health", "بهداشت و سلامت"
    SOCIAL_VITALITY = "social_vitality", "نشاط اجتماعی"
    PUBLIC_SAFETY = "public_safety", "امنیت عمومی"
    SOCIAL_HARMS = "social_harms", "آسیب‌های اجتماعی"
    SOCIAL = "social", "بعد اجتماعی"
    ECONOMIC = "economic", "بعد اقتصادی"
    PHYSICAL = "physical", "بعد کالبدی"
    ENVIRONMENTAL = "environmental", "بعد زیست‌محیطی"
