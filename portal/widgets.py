"""Jalali date input: a text box (so Persian keyboards work) with a calendar picker on top."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import jalali


class JalaliDateInput(forms.TextInput):
    """Shows the stored Gregorian date as ۱۴۰۳/۱۲/۱۹ and opens a Saturday-first Jalali calendar.

    Not ``type="date"``: browsers' date inputs are Gregorian. Not read-only: phones must be able to
    type, and the server normalises whatever digits arrive.
    """

    def __init__(self, attrs=None):
        defaults = {
            "data-jdp": "",
            "inputmode": "numeric",
            "autocomplete": "off",
            "placeholder": _("۱۴۰۳/۱۲/۱۹"),
            "dir": "ltr",
            "size": "12",
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            # Re-displaying what the person typed (e.g. after a validation error).
            return value
        return jalali.format_numeric(value)

    class Media:
        css = {"all": ["vendor/jalalidatepicker/jalalidatepicker.min.css", "css/jalali-picker.css"]}
        js = ["vendor/jalalidatepicker/jalalidatepicker.min.js", "js/jalali-picker.js"]
