from django.db import migrations


class Migration(migrations.Migration):
    """The stream filled by the previous migration takes the rich text's place and name."""

    dependencies = [("programmes", "0007_body_stream_fill")]

    operations = [
        migrations.RemoveField("programpage", "body"),
        migrations.RenameField("programpage", "body_stream", "body"),
    ]
