"""Index wagtailcore_page on (depth, path): the children of a page (menus, a neighbourhood's family,
child_of) are asked for as "depth = N and path LIKE prefix%". Every page below the home page shares
its path prefix, so without this PostgreSQL scans the whole table (about 30 ms at 80,000 pages; see
bench/run); with it, a fraction of a millisecond."""

from django.db import migrations

NAME = "home_page_depth_path_idx"


def create(apps, schema_editor):
    # varchar_pattern_ops lets PostgreSQL serve LIKE 'prefix%' from the index whatever the collation.
    ops = " varchar_pattern_ops" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page (depth, path{ops})")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_page_url_path_index")]

    operations = [migrations.RunPython(create, drop)]
