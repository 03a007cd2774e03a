"""Money: stored as integer rials (the legal unit), shown in toman (what people say and read)."""

from django.conf import settings
from django.utils import translation

from .digits import format_number


def to_display_unit(rials):
    return int(rials) // settings.RIALS_PER_TOMAN if settings.MONEY_DISPLAY_UNIT == "toman" else int(rials)


def unit_name():
    return "تومان" if settings.MONEY_DISPLAY_UNIT == "toman" else "ریال"


def format_money(rials, free_label="رایگان"):
    """«۱۵۰٬۰۰۰ تومان» for 1,500,000 rials; the free label for 0 or None."""
    if not rials:
        return free_label
    # Digits of the page's language (Persian in the admin and on Persian pages).
    return f"{format_number(to_display_unit(rials), translation.get_language() or 'fa')} {unit_name()}"
