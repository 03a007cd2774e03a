"""Name Wagtail's default workflow and its task in Persian.

Wagtail's own migration (wagtailcore 0048) creates both as database rows named «Moderators approval»,
which staff then read in the status panel, the workflow menus and the reports; no catalogue reaches a
row. Only rows that still carry that default name are renamed, so a name the office chose is kept,
and going back restores Wagtail's name.
"""

from django.db import migrations

ENGLISH = "Moderators approval"
PERSIAN = "تأیید ناظران"


def rename(apps, old, new):
    for model in ("wagtailcore.Workflow", "wagtailcore.Task"):
        apps.get_model(model).objects.filter(name=old).update(name=new)


def to_persian(apps, schema_editor):
    rename(apps, ENGLISH, PERSIAN)


def to_english(apps, schema_editor):
    rename(apps, PERSIAN, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_page_depth_path_index"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_persian, to_english)]
