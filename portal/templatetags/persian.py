"""Template filters for dates and digits in the page's language.

Persian pages get Jalali dates and Persian digits, Arabic pages Hijri or Gregorian dates (ARABIC_CALENDAR)
and Arabic-Indic digits, English pages Gregorian dates and Latin digits (portal/dates.py, portal/digits.py).
Loaded as a template builtin (see TEMPLATES in settings), so every template can use them.
"""

from django import template
from django.utils import translation

from portal import dates, digits, jalali

register = template.Library()


def _language():
    return translation.get_language() or "fa"


@register.filter
def jdate(value):
    """«۱۹ اسفند ۱۴۰۳» on Persian pages; «١٩ رمضان ١٤٤٦ هـ» on Arabic, «19 March 2025» on English."""
    return dates.format_date(value, _language())


@register.filter
def jdatetime(value):
    """The date and the time, in Tehran time: «۱۹ اسفند ۱۴۰۳، ساعت ۱۴:۰۵»."""
    return dates.format_datetime(value, _language())


@register.filter
def jmonth(month):
    """The Persian name of a Jalali month number."""
    return jalali.month_name(month)


@register.filter
def fa_digits(value):
    """The value with the page language's digits (Persian, Arabic-Indic or Latin)."""
    if value is None:
        return ""
    return digits.to_digits(value, _language())


@register.filter
def fa_number(value):
    """An integer with the page language's digits and thousands separators."""
    if value in (None, ""):
        return ""
    return digits.format_number(value, _language())


@register.filter
def fa_decimal(value):
    """A decimal number with the page language's digits and decimal separator («۳٫۵»)."""
    if value in (None, ""):
        return ""
    return digits.format_decimal(value, _language())
