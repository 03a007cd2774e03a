"""Jalali days in Wagtail's own listing and report filters.

Site and page history, locked pages, workflow reports, form submissions, search-term reports, the
explorer's «edited» filter and the users listing filter with django-filter's
``DateFromToRangeFilter`` and Wagtail's ``DateRangePickerWidget``; the aging-pages report (and any
filter Wagtail derives from a date field) with ``DateTimeFilter``/``DateFilter`` and
``AdminDateInput``. Each is declared in its own module, but a filter builds its form field from its
class's ``field_class`` every time, so setting that attribute on the three classes gives every such
filter a field that reads Jalali days (any digits) under the picker; the chips above a filtered
listing («تاریخ: ۱ فروردین ۱۴۰۴ - …») go through Wagtail's adapter registry. django-filter serves
nothing else in the portal. install() fails loudly, and tests/test_admin_jalali.py with it, if a
Wagtail or django-filter upgrade renames what is replaced here.
"""

import datetime

import django_filters
from django import forms
from django_filters.fields import DateRangeField
from wagtail.admin import active_filters
from wagtail.admin import filters as wagtail_filters

from . import jalali
from .fields import JalaliDateField, JalaliDateTimeField
from .widgets import JalaliDateInput


class JalaliDateRangeWidget(wagtail_filters.DateRangePickerWidget):
    """Wagtail's «from / to» pair, each a Jalali text input with the picker."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        # Wagtail's placeholders («از تاریخ» / «تا تاریخ») stay; the inputs become ours.
        self.widgets = [JalaliDateInput(attrs={"placeholder": widget.attrs.get("placeholder")}) for widget in self.widgets]


class JalaliDateRangeField(DateRangeField):
    """Two Jalali days; the range runs from the first day's midnight to the last day's end in Tehran,
    whatever time zone the staff member chose in their account (as our other admin inputs do)."""

    widget = JalaliDateRangeWidget

    def __init__(self, *args, widget=None, **kwargs):
        if widget is None or (isinstance(widget, type) and issubclass(widget, wagtail_filters.DateRangePickerWidget)):
            widget = JalaliDateRangeWidget
        # RangeField's own __init__, with our day fields in place of Gregorian ones.
        super(DateRangeField, self).__init__((JalaliDateField(), JalaliDateField()), *args, widget=widget, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        start, stop = data_list
        tehran = jalali.tehran_tz()
        if start:
            start = datetime.datetime.combine(start, datetime.time.min, tzinfo=tehran)
        if stop:
            stop = datetime.datetime.combine(stop, datetime.time.max, tzinfo=tehran)
        return slice(start, stop)


class JalaliDayStartField(JalaliDateTimeField):
    """A Jalali day, meaning its midnight in Tehran («last published before ۱۴۰۴/۰۱/۰۱»). Wagtail gives
    such filters its date-only input, so the picker offers days, not times."""

    def __init__(self, *, widget=None, **kwargs):
        if widget is None or _is_date_only(widget):
            widget = JalaliDateInput
        super().__init__(widget=widget, **kwargs)


def _is_date_only(widget):
    kind = widget if isinstance(widget, type) else type(widget)
    return issubclass(kind, forms.DateInput) and not issubclass(kind, forms.DateTimeInput)


class JalaliDateRangeFilterAdapter(active_filters.DateFromToRangeFilterAdapter):
    def format_value(self, value):
        return jalali.format_date(value) if value is not None else self.empty_value_label


class JalaliDateFilterAdapter(active_filters.BaseFilterAdapter):
    def get_active_filters(self):
        yield active_filters.ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            jalali.format_date(self.value),
            self.get_url_without_filter_param(self.name),
        )


# django-filter's class, the field it builds by default, ours.
REPLACED = (
    (django_filters.DateFromToRangeFilter, DateRangeField, JalaliDateRangeField),
    (django_filters.DateTimeFilter, forms.DateTimeField, JalaliDayStartField),
    (django_filters.DateFilter, forms.DateField, JalaliDateField),
)


def install():
    if not hasattr(wagtail_filters, "DateRangePickerWidget"):
        raise ImportError("wagtail.admin.filters no longer has DateRangePickerWidget; see portal/admin_filters.py")
    if not hasattr(active_filters, "DateFromToRangeFilterAdapter"):
        raise ImportError("wagtail.admin.active_filters changed; see portal/admin_filters.py")
    for filter_class, theirs, ours in REPLACED:
        if filter_class.field_class not in (theirs, ours):
            raise ImportError(f"{filter_class.__name__} no longer builds a {theirs.__name__}; see portal/admin_filters.py")
        filter_class.field_class = ours
    active_filters.register_filter_adapter_class(django_filters.DateFromToRangeFilter, JalaliDateRangeFilterAdapter)
    active_filters.register_filter_adapter_class(django_filters.DateTimeFilter, JalaliDateFilterAdapter)
    active_filters.register_filter_adapter_class(django_filters.DateFilter, JalaliDateFilterAdapter)
