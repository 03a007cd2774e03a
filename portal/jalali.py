"""Jalali (Solar Hijri) display and parsing at the edges of the portal.

Dates are stored Gregorian. Datetimes are converted to Tehran time *before* they become Jalali,
because after 20:30 UTC it is already the next day in Tehran. jdatetime keeps its locale per thread
id, which leaks between requests, so every call here passes ``locale`` explicitly.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import jdatetime
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy

from .digits import for_language, to_latin_digits, to_persian_digits

# Lazy, so pages in other languages show the month and day names of the active language.
MONTHS = (
    pgettext_lazy("Jalali month", "فروردین"),
    pgettext_lazy("Jalali month", "اردیبهشت"),
    pgettext_lazy("Jalali month", "خرداد"),
    pgettext_lazy("Jalali month", "تیر"),
    pgettext_lazy("Jalali month", "مرداد"),
    pgettext_lazy("Jalali month", "شهریور"),
    pgettext_lazy("Jalali month", "مهر"),
    pgettext_lazy("Jalali month", "آبان"),
    pgettext_lazy("Jalali month", "آذر"),
    pgettext_lazy("Jalali month", "دی"),
    pgettext_lazy("Jalali month", "بهمن"),
    pgettext_lazy("Jalali month", "اسفند"),
)
# Saturday first, as the Iranian week runs.
WEEKDAYS = (
    pgettext_lazy("weekday", "شنبه"),
    pgettext_lazy("weekday", "یکشنبه"),
    pgettext_lazy("weekday", "دوشنبه"),
    pgettext_lazy("weekday", "سه‌شنبه"),
    pgettext_lazy("weekday", "چهارشنبه"),
    pgettext_lazy("weekday", "پنجشنبه"),
    pgettext_lazy("weekday", "جمعه"),
)
LOCALE = "fa_IR"


def tehran_tz():
    return ZoneInfo(settings.TIME_ZONE)


def to_jalali_date(value):
    """A jdatetime.date for a date or datetime (aware datetimes are taken in Tehran time)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(tehran_tz())
        value = value.date()
    return jdatetime.date.fromgregorian(date=value, locale=LOCALE)


def _with_digits(text, digits):
    """digits: "fa" for Persian, "latin" for Latin, None for those of the active language."""
    if digits is None:
        return for_language(text)
    return to_persian_digits(text) if digits == "fa" else text


def format_date(value, digits=None):
    """«۱۹ اسفند ۱۴۰۳» for a date or datetime; '' for None."""
    if value in (None, ""):
        return ""
    j = to_jalali_date(value)
    return _with_digits(f"{j.day} {MONTHS[j.month - 1]} {j.year}", digits)


def format_datetime(value, digits=None):
    """«۱۹ اسفند ۱۴۰۳، ساعت ۱۴:۰۵» in Tehran time."""
    if value in (None, ""):
        return ""
    if timezone.is_aware(value):
        value = value.astimezone(tehran_tz())
    text = gettext("%(date)s، ساعت %(time)s") % {"date": format_date(value, digits="latin"), "time": f"{value:%H:%M}"}
    return _with_digits(text, digits)


def format_numeric(value):
    """۱۴۰۳/۱۲/۱۹ — the form staff type and the picker fills in."""
    if value in (None, ""):
        return ""
    j = to_jalali_date(value)
    return for_language(f"{j.year:04d}/{j.month:02d}/{j.day:02d}")


def format_numeric_datetime(value):
    """۱۴۰۳/۱۲/۱۹ ۲۳:۳۰ in Tehran time — what the admin's date-and-time inputs show and accept."""
    if value in (None, ""):
        return ""
    if timezone.is_aware(value):
        value = value.astimezone(tehran_tz())
    return f"{format_numeric(value)} {to_persian_digits(f'{value:%H:%M}')}"


def month_name(month):
    return MONTHS[int(month) - 1]


def month_range(year, month):
    """The Gregorian [first, last] dates of a Jalali month."""
    first = jdatetime.date(year, month, 1, locale=LOCALE).togregorian()
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    following = jdatetime.date(next_year, next_month, 1, locale=LOCALE).togregorian()
    return first, following - datetime.timedelta(days=1)


class JalaliParseError(ValueError):
    """Raised with a Persian message that can be shown to the person who typed the date."""


_DATE_RE = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def parse_date(text):
    """Parse a typed Jalali date (any digits, / - or . between parts) into a Gregorian date."""
    text = to_latin_digits(text or "")
    match = _DATE_RE.match(text)
    if not match:
        raise JalaliParseError(gettext("تاریخ را به شکل سال/ماه/روز بنویسید، مانند ۱۴۰۳/۱۲/۱۹."))
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise JalaliParseError(gettext("ماه باید عددی از ۱ تا ۱۲ باشد."))
    try:
        return jdatetime.date(year, month, day, locale=LOCALE).togregorian()
    except ValueError:
        raise JalaliParseError(
            gettext("%(date)s در تقویم وجود ندارد.")
            % {"date": for_language(f"{day} {MONTHS[month - 1]} {year}")}
        ) from None


_TIME_RE = re.compile(r"^\s*(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?\s*$")


def parse_datetime(text):
    """Parse «۱۴۰۳/۱۲/۱۹ ۲۳:۳۰» (any digits; seconds optional; no time means midnight) into a naive
    Gregorian datetime on the wall clock it was typed in; the caller makes it aware in Tehran time."""
    text = to_latin_digits(text or "").strip()
    date_part, _, time_part = text.partition(" ")
    day = parse_date(date_part)
    if not time_part.strip():
        return datetime.datetime.combine(day, datetime.time())
    match = _TIME_RE.match(time_part)
    if not match:
        raise JalaliParseError(gettext("زمان را به شکل ساعت:دقیقه بنویسید، مانند ۱۴:۳۰."))
    hour, minute, second = (int(part or 0) for part in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        raise JalaliParseError(gettext("ساعت باید از ۰ تا ۲۳ و دقیقه از ۰ تا ۵۹ باشد."))
    return datetime.datetime.combine(day, datetime.time(hour, minute, second))
