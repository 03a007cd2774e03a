"""Fixed vocabularies of the directory. Asset types are data (``AssetType``) because offices meet
places no fixed list foresees; these lists change only with the code that reads them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Owner(models.TextChoices):
    PUBLIC = "public", _("دولتی یا عمومی")
    RELIGIOUS = "religious", _("مذهبی")
    PRIVATE = "private", _("خصوصی")
    NGO = "ngo", _("سازمان مردم‌نهاد")


class OrganizationKind(models.TextChoices):
    NGO = "ngo", _("سازمان مردم‌نهاد (سمن)")
    CHARITY = "charity", _("خیریه")
    COOPERATIVE = "cooperative", _("تعاونی")
    AGENCY = "agency", _("دستگاه اجرایی")


class ServiceCategory(models.TextChoices):
    EDUCATION = "education", _("آموزش و مهارت‌آموزی")
    HEALTH = "health", _("بهداشت و سلامت")
    COUNSELLING = "counselling", _("مشاوره و روان‌شناسی")
    LIVELIHOOD = "livelihood", _("معیشت و اشتغال")
    LEGAL = "legal", _("مشاوره حقوقی")
    ADDICTION = "addiction", _("پیشگیری و درمان اعتیاد")
    CULTURE = "culture", _("فرهنگی و ورزشی")
    HOUSING = "housing", _("مسکن و بهسازی")
    ENVIRONMENT = "environment", _("محیط زیست")
    OTHER = "other", _("دیگر")


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("همه اهالی")
    CHILDREN = "children", _("کودکان")
    TEENAGERS = "teenagers", _("نوجوانان و جوانان")
    WOMEN = "women", _("زنان")
    WOMEN_HEADS = "women_heads", _("زنان سرپرست خانوار")
    ELDERLY = "elderly", _("سالمندان")
    DISABLED = "disabled", _("افراد دارای معلولیت")
    UNEMPLOYED = "unemployed", _("جویندگان کار")
    FAMILIES = "families", _("خانواده‌ها")
