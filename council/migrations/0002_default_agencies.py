from django.db import migrations

# The bodies the seeds' councils make responsible; offices edit the list in the admin.
AGENCIES = [
    ("municipality", "شهرداری"),
    ("welfare", "بهزیستی"),
    ("relief", "کمیته امداد امام خمینی"),
    ("health", "مرکز بهداشت"),
    ("police", "فرماندهی انتظامی"),
    ("education", "آموزش و پرورش"),
    ("office", "دفتر تسهیلگری محله"),
    ("council", "شورای پیشرفت محله"),
]


def add_agencies(apps, schema_editor):
    Agency = apps.get_model("council", "Agency")
    for order, (slug, name) in enumerate(AGENCIES):
        Agency.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("council", "0001_initial")]

    operations = [migrations.RunPython(add_agencies, migrations.RunPython.noop)]
