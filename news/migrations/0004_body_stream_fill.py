from django.db import migrations

from content.conversion import backward, forward


class Migration(migrations.Migration):
    dependencies = [("news", "0003_body_stream")]

    operations = [
        migrations.RunPython(
            forward("news", "newspage", "body", "body_stream"),
            backward("news", "newspage", "body", "body_stream"),
            elidable=False,
        ),
    ]
