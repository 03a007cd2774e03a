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
_TO_ARABIC = str.maketrans(LATIN_DIGITS + PERSIAN_DIGITS, ARABIC_DIGITS * 2)


def to_latin_digits(value):
    """Replace Persian and Arabic-Indic digits with Latin ones; other characters are kept."""
    return str(value).translate(_TO_LATIN)


def to_persian_digits(value):
    """Replace Latin and Arabic-Indic digits with Persian ones; other characters are kept."""
    return str(value).translate(_TO_PERSIAN)


def to_arabic_digits(value):
    """Replace Latin and Persian digits with Arabic-Indic ones (٠١٢…); other characters are kept."""
    return str(value).translate(_TO_ARABIC)


def digits_for(language):
    """Persian digits on Persian pages (and where no language is active: commands, exports),
    Arabic-Indic on Arabic pages, Latin on the rest (English)."""
    language = (language or "fa").split("-")[0]
    return {"fa": "fa", "ar": "ar"}.get(language, "latin")


def to_digits(value, language):
    """``value`` with the digits of ``language`` (fa, ar, en …)."""
    kind = digits_for(language)
    if kind == "fa":
        return to_persian_digits(value)
    if kind == "ar":
        return to_arabic_digits(value)
    return to_latin_digits(value)


def persian_active():
    """Whether output should carry Persian digits: on Persian pages, and where no language is active
    (commands, exports)."""
    return digits_for(translation.get_language()) == "fa"


def for_language(text):
    """The text with the digits of the active language (Persian where none is active)."""
    return to_digits(text, translation.get_language())


def format_number(value, language=None):
    """An integer with the digits and thousands separator of ``language`` (default: the active one):
    ۱۲٬۳۴۵ in Persian, ١٢٬٣٤٥ in Arabic, 12,345 in English."""
    language = language or translation.get_language()
    text = f"{int(value):,}"
    if digits_for(language) == "latin":
        return text
    # U+066C, the Arabic thousands separator, is the one Persian uses too.
    return to_digits(text.replace(",", "٬"), language)


# The decimal separator of Persian and Arabic (U+066B): «۳٫۵», not «۳.۵».
DECIMAL_SEPARATOR = "\u066b"


def format_decimal(value, language=None):
    """A decimal number with the digits and decimal separator of ``language`` (default: the active one):
    ۳٫۵ in Persian, ٣٫٥ in Arabic, 3.5 in English."""
    language = language or translation.get_language()
    text = str(value)
    if digits_for(language) == "latin":
        return text
    return to_digits(text.replace(".", DECIMAL_SEPARATOR), language)
