"""Normalisation of Persian text for comparison and search."""

import re
import unicodedata

from .digits import to_latin_digits

ZWNJ = "\u200c"
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا"})
_TATWEEL = "\u0640"
# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef).
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_SPACES = re.compile(r"\s+")


def normalize(text):
    """Fold the spellings a Persian reader treats as the same word into one form.

    Arabic ي/ك become Persian ی/ک, tatweel and diacritics go, every digit becomes Latin, and the
    zero-width non-joiner becomes a space (people type «می‌شود», «می شود» and «میشود»; the search
    layer also indexes the joined form).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    text = text.translate(_LETTERS).replace(_TATWEEL, "")
    text = _DIACRITICS.sub("", text)
    text = to_latin_digits(text).replace(ZWNJ, " ")
    return _SPACES.sub(" ", text).strip()


def field_text(value):
    """A field's words: a body of blocks gives the text of its blocks (paragraphs, captions, alt texts,
    quotes, tables) without rendering them; anything else is returned as it is."""
    if hasattr(value, "stream_block"):
        return " ".join(part for part in value.stream_block.get_searchable_content(value) if part)
    return value
