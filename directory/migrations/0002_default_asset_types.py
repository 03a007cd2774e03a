"""The asset types every office starts with; offices add their own in the admin (snippets)."""

from django.db import migrations

DEFAULTS = [
    ("mosque", "مسجد"),
    ("tekyeh", "تکیه و حسینیه"),
    ("school", "مدرسه"),
    ("park", "بوستان"),
    ("health_centre", "مرکز بهداشت و سلامت"),
    ("neighbourhood_house", "سرای محله"),
    ("library", "کتابخانه"),
    ("sports_ground", "زمین و سالن ورزشی"),
    ("hall", "سالن اجتماعات"),
    ("basij_base", "پایگاه بسیج"),
    ("hangout", "پاتوق محله"),
    ("business", "کسب‌وکار محلی"),
    ("workshop", "کارگاه"),
]


def add_defaults(apps, schema_editor):
    AssetType = apps.get_model("directory", "AssetType")
    for order, (slug, name) in enumerate(DEFAULTS):
        AssetType.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


def remove_unused_defaults(apps, schema_editor):
    AssetType = apps.get_model("directory", "AssetType")
    AssetType.objects.filter(slug__in=[slug for slug, _ in DEFAULTS], assets__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_unused_defaults)]
