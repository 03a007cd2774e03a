"""Rich text to a body of blocks and back, for the data migrations that made bodies streams.

Going forward, a rich-text body becomes one paragraph block holding the same HTML, so every page reads
exactly as before. The block's id is derived from the page's translation key, so a Persian page and its
translations get the same ids and wagtail-localize keeps pairing their segments. Going back, paragraphs,
quotes, dates and pictures return to rich text; what rich text cannot hold (galleries, videos, documents'
cards, calls to action, tables) is left out.
"""

import uuid

from django.utils.html import escape

BATCH = 2000


def block_id(translation_key, field, index):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mahalle:{translation_key}:{field}:{index}"))


def html_to_blocks(html, translation_key, field):
    if not html or not html.strip():
        return []
    return [{"type": "paragraph", "value": html, "id": block_id(translation_key, field, 0)}]


def blocks_to_html(blocks):
    parts = []
    for block in blocks or []:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(value)
        elif kind == "image" and value.get("image"):
            parts.append(f'<embed alt="{escape(value.get("alt", ""))}" embedtype="image" format="fullwidth" id="{value["image"]}"/>')
        elif kind == "quote":
            who = f" — {escape(value['attribution'])}" if value.get("attribution") else ""
            parts.append(f"<p>«{escape(value.get('text', ''))}»{who}</p>")
        elif kind == "date":
            parts.append(f"<p>{escape(value.get('label', ''))}: {escape(value.get('date') or '')}</p>")
    return "".join(parts)


def _rewrite(model, source, target, convert, with_key):
    """Writes convert(value[, translation_key]) of every row's ``source`` into ``target``, in batches."""
    columns = ["pk", source] + (["translation_key"] if with_key else [])
    pending = []
    for row in model.objects.order_by("pk").values_list(*columns).iterator(chunk_size=BATCH):
        page = model(pk=row[0])
        setattr(page, target, convert(*row[1:]))
        pending.append(page)
        if len(pending) == BATCH:
            model.objects.bulk_update(pending, [target])
            pending = []
    if pending:
        model.objects.bulk_update(pending, [target])


def forward(app_label, model_name, source, target):
    """A RunPython function moving the rich text ``source`` into the stream ``target``."""

    def run(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        _rewrite(model, source, target, lambda html, key: html_to_blocks(html, key, source), with_key=True)

    return run


def backward(app_label, model_name, source, target):
    """The reverse of forward(): the stream ``target`` back into the rich text ``source``."""

    def run(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        _rewrite(model, target, source, lambda stream: blocks_to_html(list(stream.raw_data) if stream else []), with_key=False)

    return run
