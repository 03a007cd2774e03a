"""Dates shown in the calendar and digits of the page's language.

Persian pages: Jalali with Persian digits («۱۹ اسفند ۱۴۰۳», portal/jalali.py). Arabic pages: the Hijri
(Umm al-Qura, through hijridate) or the Gregorian calendar, as ``settings.ARABIC_CALENDAR`` says, with
Arabic-Indic digits («١٩ رمضان ١٤٤٦ هـ»). English (and any other language): Gregorian with Latin digits
(«19 March 2025»). Datetimes are taken in Tehran time first, whatever the calendar.
"""

import datetime

from django.conf import settings
from django.utils import dateformat, timezone, translation
from hijridate import Gregorian

from . import jalali
from .digits import digits_for, to_digits


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return value.astimezone(jalali.tehran_tz())
    return value


def _day(value):
    value = _local(value)
    return value.date() if isinstance(value, datetime.datetime) else value


def calendar_for(language):
    kind = digits_for(language)
    if kind == "fa":
        return "jalali"
    if kind == "ar":
        return "hijri" if settings.ARABIC_CALENDAR == "hijri" else "gregorian"
    return "gregorian"


def _gregorian(day, language):
    # Django's own catalogues name the months («March», «مارس»).
    with translation.override(language):
        return dateformat.format(day, "j F Y")


def _hijri(day):
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        # Umm al-Qura covers 1343–1500 AH (1924–2077); outside it the Gregorian date is shown.
        return _gregorian(day, "ar")
    return f"{hijri.day} {hijri.month_name('ar')} {hijri.year} {hijri.notation('ar')}"


def format_date(value, language=None):
    """The date in the language's calendar and digits; '' for None."""
    if value in (None, ""):
        return ""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    calendar = calendar_for(language)
    if calendar == "jalali":
        return jalali.format_date(value, digits="fa")
    day = _day(value)
    text = _hijri(day) if calendar == "hijri" else _gregorian(day, language)
    return to_digits(text, language)


TIME_WORDS = {"fa": "، ساعت ", "ar": "، الساعة "}


def format_datetime(value, language=None):
    """The date and the Tehran time («۱۹ اسفند ۱۴۰۳، ساعت ۱۴:۰۵», «19 March 2025, 14:05»)."""
    if value in (None, ""):
        return ""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if calendar_for(language) == "jalali":
        return jalali.format_datetime(value, digits="fa")
    local = _local(value)
    words = TIME_WORDS.get(digits_for(language), ", ")
    return format_date(local, language) + to_digits(f"{words}{local:%H:%M}", language)
