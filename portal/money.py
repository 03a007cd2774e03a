"""Money: stored as integer rials (the legal unit), shown in toman (what people say and read)."""

from django.conf import settings
from django.utils.translation import gettext, gettext_lazy

from .digits import format_number


def to_display_unit(rials):
    return int(rials) // settings.RIALS_PER_TOMAN if settings.MONEY_DISPLAY_UNIT == "toman" else int(rials)


def unit_name():
    return gettext("تومان") if settings.MONEY_DISPLAY_UNIT == "toman" else gettext("ریال")


def format_money(rials, free_label=gettext_lazy("رایگان")):
    """«۱۵۰٬۰۰۰ تومان» for 1,500,000 rials; the free label for 0 or None."""
    if not rials:
        return str(free_label)
    return f"{format_number(to_display_unit(rials))} {unit_name()}"
