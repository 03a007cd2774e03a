"""Blocks of a body in the stored (JSON) form, for content made in code: the demo, tests and benchmarks.

    page.body = [paragraph("<p>…</p>"), gallery("روز درختکاری", [(image, "alt", "caption"), …])]
"""

import uuid


def paragraph(html):
    return {"type": "paragraph", "value": html}


def picture(image, alt, caption=""):
    return {"type": "image", "value": {"image": image.pk, "alt": alt, "caption": caption}}


def gallery(title, pictures):
    """``pictures``: (image, alt, caption) triples."""
    # A list item needs its id to be read as one (Wagtail's ListBlock format).
    items = [{"type": "item", "id": str(uuid.uuid4()), "value": {"image": image.pk, "alt": alt, "caption": caption}} for image, alt, caption in pictures]
    return {"type": "gallery", "value": {"title": title, "images": items}}


def document(doc, title=""):
    return {"type": "document", "value": {"document": doc.pk, "title": title}}


def video(title, transcript, *, aparat_url="", file=None, captions=None, poster=None):
    return {
        "type": "video",
        "value": {
            "title": title,
            "aparat_url": aparat_url,
            "file": file.pk if file else None,
            "captions": captions.pk if captions else None,
            "poster": poster.pk if poster else None,
            "transcript": transcript,
        },
    }


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def invitation(target, text=""):
    return {"type": "call_to_action", "value": {"target": target.pk, "text": text}}


def date_note(label, date):
    return {"type": "date", "value": {"label": label, "date": date.isoformat()}}


def table(caption, headings, rows, first_row_is_header=True):
    columns = [{"type": "text", "heading": heading} for heading in headings]
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "table": {"columns": columns, "rows": [{"values": list(row)} for row in rows]},
            "first_row_is_header": first_row_is_header,
        },
    }


def _without_ids(data):
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    return data


def same_body(current, wanted):
    """Whether the body ``current`` (a stream) holds what ``wanted`` (HTML or blocks in stored form) would
    make of it, block ids aside: a second demo run finds its pages unchanged."""
    block = current.stream_block
    wanted = block.to_python(wanted)
    return _without_ids(block.get_prep_value(current)) == _without_ids(block.get_prep_value(wanted))
