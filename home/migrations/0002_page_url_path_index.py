"""Index wagtailcore_page.url_path: the home page routes by it (home/routing.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_url_path_idx ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS home_page_url_path_idx",
        )
    ]
