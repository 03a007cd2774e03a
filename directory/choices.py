"""Fixed vocabularies of the directory. Asset types are data (``AssetType``) because offices meet
places no fixed list foresees; these lists change only with the code that reads them."""

from django.db import models


class Owner(models.TextChoices):
    PUBLIC = "public", "دولتی یا عمومی"
    RELIGIOUS = "religious", "مذهبی"
    PRIVATE = "private", "خصوصی"
    NGO = "ngo", "سازمان مردم‌نهاد"


class OrganizationKind(models.TextChoices):
    NGO = "ngo", "سازمان مردم‌نهاد (سمن)"
    CHARITY = "charity", "خیریه"
    COOPERATIVE = "cooperative", "تعاونی"
    AGENCY = "agency", "دستگاه اجرایی"


class ServiceCategory(models.TextChoices):
    EDUCATION = "education", "آموزش و مهارت‌آموزی"
    HEALTH = "health", "بهداشت و سلامت"
    COUNSELLING = "counselling", "مشاوره و روان‌شناسی"
    LIVELIHOOD = "livelihood", "معیشت و اشتغال"
    LEGAL = "legal", "مشاوره حقوقی"
    ADDICTION = "addiction", "پیشگیری و درمان اعتیاد"
    CULTURE = "culture", "فرهنگی و ورزشی"
    HOUSING = "housing", "مسکن و بهسازی"
    ENVIRONMENT = "environment", "محیط زیست"
    OTHER = "other", "دیگر"


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", "همه اهالی"
    CHILDREN = "children", "کودکان"
    TEENAGERS = "teenagers", "نوجوانان و جوانان"
    WOMEN = "women", "زنان"
    WOMEN_HEADS = "women_heads", "زنان سرپرست خانوار"
    ELDERLY = "elderly", "سالمندان"
    DISABLED = "disabled", "افراد دارای معلولیت"
    UNEMPLOYED = "unemployed", "جویندگان کار"
    FAMILIES = "families", "خانواده‌ها"
