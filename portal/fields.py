"""Form fields that accept Persian input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import jalali
from .widgets import JalaliDateInput


class JalaliDateField(forms.DateField):
    """Accepts a Jalali date typed in Persian, Arabic or Latin digits; cleans to a Gregorian date."""

    widget = JalaliDateInput
    default_error_messages = {"invalid": _("تاریخ واردشده معتبر نیست.")}

    def __init__(self, *, input_formats=None, **kwargs):
        # input_formats belong to Gregorian parsing, which this field never does.
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "year"):
            return value
        try:
            return jalali.parse_date(str(value))
        except jalali.JalaliParseError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
