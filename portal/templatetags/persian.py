"""Template filters for Persian pages: Jalali dates and Persian digits.

Loaded as a template builtin (see TEMPLATES in settings), so every template can use them.
"""

from django import template
from django.utils import translation

from portal import digits, jalali

register = template.Library()


def _digits_for_language():
    return "fa" if (translation.get_language() or "fa").startswith("fa") else "latin"


@register.filter
def jdate(value):
    """«۱۹ اسفند ۱۴۰۳»"""
    return jalali.format_date(value, digits=_digits_for_language())


@register.filter
def jdatetime(value):
    """«۱۹ اسفند ۱۴۰۳، ساعت ۱۴:۰۵» in Tehran time."""
    return jalali.format_datetime(value, digits=_digits_for_language())


@register.filter
def jmonth(month):
    """The Persian name of a Jalali month number."""
    return jalali.month_name(month)


@register.filter
def fa_digits(value):
    if value is None:
        return ""
    if _digits_for_language() != "fa":
        return value
    return digits.to_persian_digits(value)


@register.filter
def fa_number(value):
    """An integer with Persian digits and thousands separators."""
    if value in (None, ""):
        return ""
    return digits.format_number(value)
