from django.db import migrations

IMAGE_TO_DOCUMENT = {"add_image": "add_document", "change_image": "change_document", "choose_image": "choose_document"}


def grant(apps, schema_editor):
    """Every group that may use a collection's images may now use its documents too: a body's documents and
    videos come from the neighbourhood's own collection (neighborhoods.permissions.grant_collection)."""
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    documents = {p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtaildocs", codename__in=IMAGE_TO_DOCUMENT.values())}
    if len(documents) < len(IMAGE_TO_DOCUMENT):
        return  # a new database: the permissions are made after migrating, with the groups that need them
    held = GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="wagtailimages", permission__codename__in=IMAGE_TO_DOCUMENT
    ).values_list("group_id", "collection_id", "permission__codename")
    for group_id, collection_id, codename in held:
        GroupCollectionPermission.objects.get_or_create(
            group_id=group_id, collection_id=collection_id, permission=documents[IMAGE_TO_DOCUMENT[codename]]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
