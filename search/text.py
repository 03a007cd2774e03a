"""What goes into the search index and what a query becomes: one normalisation for both sides.

PostgreSQL has no Persian text-search configuration, so the index holds text already folded by
`portal.text.normalize` (ي/ك → ی/ک, no tatweel or diacritics, Latin digits) and tokenised with the
"simple" configuration; queries are folded the same way before they reach the backend.

ZWNJ (نیم‌فاصله): people write «می‌خواهیم», «می خواهیم» and «میخواهیم» for one word. The index holds
the split form (ZWNJ as a space) and, for every word that had a ZWNJ, the joined form too; a query
word with a ZWNJ asks for either form. So «می‌خواهیم» in a page is found by all three spellings. A
page that writes the word joined («میخواهیم») is found by the joined and the ZWNJ spelling, not by
the one with a plain space (the index cannot know where a joined word would split).
"""

import re

from wagtail.rich_text import get_text_for_indexing

from portal.text import ZWNJ, normalize

# Words are runs of letters and digits; everything else (punctuation, hyphens, «/» in dates) separates.
_WORD = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


def _joined_words(text):
    """Each ZWNJ compound of `text`, normalised and written without the ZWNJ."""
    return [normalize(word.replace(ZWNJ, "")) for word in str(text).split() if ZWNJ in word]


def index_text(*parts):
    """The normalised text of `parts` for the index (rich text is reduced to its words first)."""
    texts = [get_text_for_indexing(str(part)) if "<" in str(part) else str(part) for part in parts if part]
    text = " ".join(texts)
    words = " ".join(normalize(text).lower().split() + _joined_words(text))
    return words


def words(text):
    return [word.lower() for word in _WORD.findall(text)]


class Query:
    """A visitor's query, bounded and folded.

    `terms` are the words with ZWNJ read as a space, `joined_terms` the same with ZWNJ removed (equal
    to `terms` when the query had none); a page matches when it has every word of either list.
    """

    def __init__(self, raw):
        self.raw = (raw or "").strip()
        self.too_long = len(self.raw) > MAX_QUERY_LENGTH
        text = self.raw[:MAX_QUERY_LENGTH]
        self.terms = words(normalize(text))[:MAX_TERMS]
        self.joined_terms = words(normalize(text.replace(ZWNJ, "")))[:MAX_TERMS]

    def __bool__(self):
        return bool(self.terms) and not self.too_long

    @property
    def alternatives(self):
        """One or two lists of words; a match has every word of one of them."""
        if self.joined_terms == self.terms:
            return [self.terms]
        return [self.terms, self.joined_terms]

    @property
    def highlight_terms(self):
        return sorted({*self.terms, *self.joined_terms}, key=len, reverse=True)
