"""Form fields that accept Persian input."""

import datetime

from django import forms
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import jalali
from .digits import for_language, persian_active, to_latin_digits
from .widgets import JalaliDateInput, JalaliDateTimeInput


def jalali_widget(widget, jalali_class):
    """Our Jalali input in place of a Gregorian date input handed to the field.

    Wagtail builds some inputs itself: the publishing panel passes its own AdminDateTimeInput for
    go_live_at and expire_at, with the attributes that reset the schedule dialog. A Gregorian picker
    on a field that parses Jalali would write dates the field cannot read, so it is replaced here,
    keeping those attributes; other widgets (hidden inputs, our own) are left alone.
    """
    if isinstance(widget, type):
        if not issubclass(widget, (forms.DateInput, forms.DateTimeInput)) or issubclass(widget, jalali_class):
            return widget
        return jalali_class
    if isinstance(widget, (forms.DateInput, forms.DateTimeInput)) and not isinstance(widget, JalaliDateInput):
        attrs = {key: value for key, value in widget.attrs.items() if key != "autocomplete"}
        return jalali_class(attrs=attrs)
    return widget


class JalaliDateField(forms.DateField):
    """Accepts a Jalali date typed in Persian, Arabic or Latin digits; cleans to a Gregorian date."""

    widget = JalaliDateInput
    default_error_messages = {"invalid": _("تاریخ واردشده معتبر نیست.")}

    def __init__(self, *, input_formats=None, widget=None, **kwargs):
        # input_formats belong to Gregorian parsing, which this field never does.
        super().__init__(widget=jalali_widget(widget, JalaliDateInput), **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "year"):
            return value
        try:
            return jalali.parse_date(str(value))
        except jalali.JalaliParseError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class JalaliDateTimeField(forms.DateTimeField):
    """A Jalali day and a time typed in Tehran (any digits); cleans to an aware datetime (UTC in the DB).

    Not django-jalali's jDateTimeField: it reads only Latin digits with «-» between the parts, and
    builds jdatetime objects without an explicit locale (see portal/jalali.py for why that matters).
    """

    widget = JalaliDateTimeInput
    default_error_messages = {"invalid": _("تاریخ و زمان واردشده معتبر نیست.")}

    def __init__(self, *, input_formats=None, widget=None, **kwargs):
        super().__init__(widget=jalali_widget(widget, JalaliDateTimeInput), **kwargs)

    def prepare_value(self, value):
        # Django turns an aware value into the current time zone's naive wall clock here; the widget
        # moves aware values to Tehran itself, so they pass through unchanged.
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "hour"):
            return self._in_tehran(value)
        if hasattr(value, "year"):
            return self._in_tehran(datetime.datetime.combine(value, datetime.time()))
        try:
            naive = jalali.parse_datetime(str(value))
        except jalali.JalaliParseError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
        return self._in_tehran(naive)

    @staticmethod
    def _in_tehran(naive):
        # Typed and shown in Tehran time whatever time zone a user chose in their admin account, so the box
        # reads back what was typed: 23:30 on the last day of a Jalali month is 20:00 UTC that day.
        with timezone.override(jalali.tehran_tz()):
            return from_current_timezone(naive)


class PersianDecimalInput(forms.TextInput):
    """A decimal typed as people in Iran type it: a browser's number input takes Latin digits only and
    silently empties «۳۴٫۰۹»; a text box with the decimal keypad takes either, and shows the value in the
    page's digits."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "dir": "ltr", **(attrs or {})})

    def format_value(self, value):
        value = super().format_value(value)
        return for_language(value).replace(".", "٫") if value and persian_active() else value


class PersianDecimalField(forms.DecimalField):
    """Reads Persian and Arabic-Indic digits and the Persian decimal separator («٫», also «/» as it is often
    typed) before Django's own checks, so «۳۴٫۰۹۱۷» is 34.0917."""

    widget = PersianDecimalInput

    def to_python(self, value):
        if isinstance(value, str):
            value = to_latin_digits(value).strip().replace("٫", ".").replace("/", ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # Django's step/min/max attributes are for a number input; the validators still hold them.
        attrs = super().widget_attrs(widget)
        for key in ("step", "min", "max"):
            attrs.pop(key, None)
        return attrs
