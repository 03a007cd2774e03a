from django.db import migrations

DEFAULTS = [
    # slug, name, public label, order, initial, closed
    ("new", "تازه", "دریافت شد", 10, True, False),
    ("in_review", "در حال بررسی", "در حال بررسی", 20, False, False),
    ("referred", "ارجاع‌شده", "به دستگاه مسئول ارجاع شد", 30, False, False),
    ("done", "انجام‌شده", "انجام شد", 40, False, True),
    ("rejected", "ردشده", "پذیرفته نشد", 50, False, True),
]


def create_statuses(apps, schema_editor):
    Status = apps.get_model("participation", "Status")
    for slug, name, public_label, order, initial, closed in DEFAULTS:
        Status.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "public_label": public_label, "order": order, "is_initial": initial, "is_closed": closed},
        )


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_initial")]

    operations = [migrations.RunPython(create_statuses, migrations.RunPython.noop)]
