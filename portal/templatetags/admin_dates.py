"""Jalali dates in Wagtail's own admin listings (page explorer «updated», history, dashboard)."""

import datetime

from django import template
from django.utils import timezone
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from .persian import fa_digits, jdate, jdatetime

register = template.Library()

# Within a day Wagtail's relative form («۵ دقیقه پیش») reads best; past that, «۱۹ اسفند ۱۴۰۳».
RELATIVE_FOR = datetime.timedelta(days=1)


@register.filter
def jalali_since(value):
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        now = timezone.now() if timezone.is_aware(value) else datetime.datetime.now()
        if datetime.timedelta(0) <= now - value < RELATIVE_FOR:
            return fa_digits(timesince_simple(value))
    return jdate(value)


@register.filter
def jalali_full(value):
    """The tooltip: the day and, for datetimes, the Tehran time."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        return jdatetime(value)
    return jdate(value)
