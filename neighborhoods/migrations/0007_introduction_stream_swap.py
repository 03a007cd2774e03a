from django.db import migrations


class Migration(migrations.Migration):
    """The stream filled by the previous migration takes the rich text's place and name."""

    dependencies = [("neighborhoods", "0006_introduction_stream_fill")]

    operations = [
        migrations.RemoveField("neighborhoodpage", "introduction"),
        migrations.RenameField("neighborhoodpage", "introduction_stream", "introduction"),
    ]
