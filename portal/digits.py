"""Persian, Arabic-Indic and Latin digits.

Python's ``int()`` and regex ``\\d`` accept every Unicode digit, so input is normalised to Latin digits
*before* it is validated, compared or stored; output on Persian pages is converted back.
"""

from django.utils import translation

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)


def to_latin_digits(value):
    """Replace Persian and Arabic-Indic digits with Latin ones; other characters are kept."""
    return str(value).translate(_TO_LATIN)


def to_persian_digits(value):
    """Replace Latin and Arabic-Indic digits with Persian ones; other characters are kept."""
    return str(value).translate(_TO_PERSIAN)


def persian_active():
    """Whether output should carry Persian digits: on Persian pages, and where no language is active
    (commands, exports). Pages in other languages keep Latin digits."""
    language = translation.get_language()
    return language is None or language.startswith("fa")


def for_language(text):
    """Persian digits on Persian pages, the text as it is elsewhere."""
    return to_persian_digits(text) if persian_active() else str(text)


def format_number(value):
    """An integer with Persian digits and the Persian thousands separator (٬) on Persian pages,
    Latin digits and a comma in other languages."""
    if not persian_active():
        return f"{int(value):,}"
    return to_persian_digits(f"{int(value):,}".replace(",", "٬"))
