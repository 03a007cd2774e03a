"""Excerpts with the query's words marked, found through the same folding as the index."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import ZWNJ, normalize

EXCERPT_CHARS = 220
# Enough text for any excerpt; the rest of a long body is never looked at.
SOURCE_CHARS = 5000


def _fold(text):
    """`text` folded like the index, one character at a time, with each folded character's origin."""
    folded, origins = [], []
    for position, char in enumerate(text):
        if char.isspace() or char == ZWNJ:
            out = " "
        else:
            out = normalize(char).lower()
        for piece in out:
            folded.append(piece)
            origins.append(position)
    return "".join(folded), origins


def _matches(text, terms):
    """(start, end) spans of `text` where a whole word equals one of `terms` once folded."""
    if not terms or not text:
        return []
    folded, origins = _fold(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + r")(?!\w)")
    return [(origins[m.start()], origins[m.end() - 1] + 1) for m in pattern.finditer(folded)]


def _marked(text, spans, offset=0):
    out, cursor = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if start < cursor or start < 0 or end > len(text):
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))


def highlight(text, terms):
    """All of `text`, escaped, with the query's words in <mark>."""
    text = str(text or "")
    return _marked(text, _matches(text, terms))


def excerpt(text, terms, length=EXCERPT_CHARS):
    """About `length` characters of `text` around the first match (or its start), escaped and marked."""
    text = " ".join(str(text or "")[:SOURCE_CHARS].split())
    spans = _matches(text, terms)
    start = 0
    if spans and spans[0][0] > length // 3:
        start = spans[0][0] - length // 3
        start = text.rfind(" ", 0, start) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = text[start:end]
    inner = [(s, e) for s, e in spans if s >= start and e <= end]
    body = _marked(piece, inner, offset=start)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))
