"""Council members and committees become translatable (``translation_key``, ``locale``).

The fields are added empty and filled here; 0003 makes them required, in a migration of its own, as
PostgreSQL does not alter a table that has just had rows changed in the same transaction.

- Each row takes its page's locale.
- A row of a translated page was copied from the default-language page's row at the same place, so the
  two share a translation key when the pages have the same rows in the same order (same roles, same
  areas); otherwise the translation's rows get keys of their own, and the next sync of the translation
  replaces them with copies of the Persian rows.
- The pages' revisions hold their rows too: each row in a revision gets the key its row has now (and a
  row since deleted one key across revisions), so opening, publishing or copying an older revision
  keeps the rows tied to their translations.
"""

import uuid
from collections import defaultdict

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion

# (model, relation on the page, fields a row and its copy in a translation have alike)
COUNCIL = (
    ("CouncilMember", "council_members", ("role", "affiliation")),
    ("Committee", "committees", ("scope",)),
)


def _keys(apps, model, alike):
    """{row pk: translation key} for every row of ``model``, and {row pk: locale id}."""
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    rows_by_page = defaultdict(list)
    for row in model.objects.order_by("page_id", "sort_order", "pk"):
        rows_by_page[row.page_id].append(row)
    stored = Page.objects.filter(pk__in=list(rows_by_page)).only("pk", "locale_id", "translation_key")
    pages = {page.pk: page for page in stored}
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    sources = {}
    if default is not None:
        sources = dict(
            Page.objects.filter(locale=default, translation_key__in=[page.translation_key for page in pages.values()])
            .values_list("translation_key", "pk")
        )

    def source_of(page_id):
        source = sources.get(pages[page_id].translation_key)
        return None if source == page_id else source

    keys = {}
    for page_id, rows in rows_by_page.items():
        if source_of(page_id) is None:
            keys.update((row.pk, uuid.uuid4()) for row in rows)
    for page_id, rows in rows_by_page.items():
        source = source_of(page_id)
        if source is None:
            continue
        originals = rows_by_page.get(source, [])
        paired = len(originals) == len(rows) and all(
            getattr(row, name) == getattr(original, name) for row, original in zip(rows, originals) for name in alike
        )
        for row, original in zip(rows, originals if paired else [None] * len(rows)):
            keys[row.pk] = keys[original.pk] if original is not None else uuid.uuid4()
    locales = {row.pk: pages[page_id].locale_id for page_id, rows in rows_by_page.items() for row in rows}
    return keys, locales, rows_by_page


def _revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="neighborhoods", model="neighborhoodpage").first()
    return Revision.objects.filter(content_type=content_type) if content_type else Revision.objects.none()


def fill(apps, schema_editor):
    keys_by_relation = {}
    for model_name, relation, alike in COUNCIL:
        model = apps.get_model("neighborhoods", model_name)
        keys, locales, rows_by_page = _keys(apps, model, alike)
        for rows in rows_by_page.values():
            for row in rows:
                row.translation_key, row.locale_id = keys[row.pk], locales[row.pk]
            model.objects.bulk_update(rows, ["translation_key", "locale"])
        keys_by_relation[relation] = keys

    gone = {}  # (relation, pk) of a row no longer stored: one key in every revision that holds it
    for revision in _revisions(apps).iterator():
        content = revision.content
        changed = False
        for _model_name, relation, _alike in COUNCIL:
            for child in content.get(relation) or []:
                if "translation_key" in child:
                    continue
                pk = child.get("pk")
                if pk in keys_by_relation[relation]:
                    key = keys_by_relation[relation][pk]
                elif pk is not None:
                    key = gone.setdefault((relation, pk), uuid.uuid4())
                else:
                    key = uuid.uuid4()
                child["translation_key"] = str(key)
                child["locale"] = content.get("locale")
                changed = True
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


def empty(apps, schema_editor):
    for revision in _revisions(apps).iterator():
        content = revision.content
        children = [child for _m, relation, _a in COUNCIL for child in content.get(relation) or []]
        if any("translation_key" in child or "locale" in child for child in children):
            for child in children:
                child.pop("translation_key", None)
                child.pop("locale", None)
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("neighborhoods", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="councilmember",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="councilmember",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="committee",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="committee",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill, empty),
    ]
