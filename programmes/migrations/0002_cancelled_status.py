from django.db import migrations


def create_status(apps, schema_editor):
    """A closed status for sign-ups their resident (or the office) cancelled, so they leave the open cases."""
    Status = apps.get_model("participation", "Status")
    Status.objects.get_or_create(
        slug="cancelled",
        defaults={"name": "لغوشده", "public_label": "لغو شد", "order": 60, "is_initial": False, "is_closed": True},
    )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial"), ("participation", "0002_default_statuses")]

    operations = [migrations.RunPython(create_status, migrations.RunPython.noop)]
