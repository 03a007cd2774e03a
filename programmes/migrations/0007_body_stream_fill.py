from django.db import migrations

from content.conversion import backward, forward


class Migration(migrations.Migration):
    dependencies = [("programmes", "0006_body_stream")]

    operations = [
        migrations.RunPython(
            forward("programmes", "programpage", "body", "body_stream"),
            backward("programmes", "programpage", "body", "body_stream"),
            elidable=False,
        ),
    ]
