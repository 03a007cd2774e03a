"""Readable field keys for form answers, even when the labels are Persian.

Wagtail turns labels into ascii snake case, which for Persian gives nothing readable. Staff may set
a Latin key; otherwise the label is transliterated (anyascii, which Wagtail already depends on).
"""

import re

from anyascii import anyascii

from portal.text import normalize


def field_key(text):
    ascii_text = anyascii(normalize(text)).lower()
    key = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")[:50]
    if not key:
        key = "field"
    if key[0].isdigit():
        key = f"q_{key}"
    return key
