"""The default workflow Wagtail's migration creates is named in Persian (home 0004), reversibly."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Task, Workflow

MIGRATION = ("home", "0004_default_workflow_persian_name")
PREVIOUS = ("home", "0003_page_depth_path_index")


# serialized_rollback: the migrations' rows (the workflow among them) are there even after a flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_default_workflow_and_task_are_renamed_and_back():
    assert Workflow.objects.filter(name="تأیید ناظران").exists()
    assert Task.objects.filter(name="تأیید ناظران").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    custom = Workflow.objects.create(name="بازبینی دفتر")

    executor = MigrationExecutor(connection)
    try:
        executor.migrate([PREVIOUS])
        assert Workflow.objects.filter(name="Moderators approval").exists()
        assert Task.objects.filter(name="Moderators approval").exists()

        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([MIGRATION])
        assert Workflow.objects.filter(name="تأیید ناظران").exists()
        assert Workflow.objects.get(pk=custom.pk).name == "بازبینی دفتر"
    finally:
        # Back to the latest schema: going below 0003 dropped the tables of home's later migrations, which
        # the tests after this one in the same database need.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
