from django.db import migrations

from content.conversion import backward, forward


class Migration(migrations.Migration):
    dependencies = [("neighborhoods", "0005_body_stream")]

    operations = [
        migrations.RunPython(
            forward("neighborhoods", "neighborhoodpage", "introduction", "introduction_stream"),
            backward("neighborhoods", "neighborhoodpage", "introduction", "introduction_stream"),
            elidable=False,
        ),
    ]
