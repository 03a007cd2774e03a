"""Our form widgets: Jalali date inputs (a text box, so Persian keyboards work, with a calendar picker on
top) and a select whose long list of options is kept under the content version."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import jalali

MEDIA_CSS = ["vendor/jalalidatepicker/jalalidatepicker.min.css", "css/jalali-picker.css"]
MEDIA_JS = ["vendor/jalalidatepicker/jalalidatepicker.min.js", "js/jalali-picker.js"]


class JalaliDateInput(forms.TextInput):
    """Shows the stored Gregorian date as ۱۴۰۳/۱۲/۱۹ and opens a Saturday-first Jalali calendar.

    Not ``type="date"``: browsers' date inputs are Gregorian. Not read-only: phones must be able to
    type, and the server normalises whatever digits arrive. The picker runs with times switched on
    (for JalaliDateTimeInput), so a date-only input says so with ``data-jdp-only-date``.
    """

    placeholder = _("۱۴۰۳/۱۲/۱۹")
    picker_attrs = {"data-jdp": "", "data-jdp-only-date": ""}
    size = "12"

    def __init__(self, attrs=None):
        defaults = {
            **self.picker_attrs,
            "inputmode": "numeric",
            "autocomplete": "off",
            "placeholder": self.placeholder,
            "dir": "ltr",
            "size": self.size,
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            # Re-displaying what the person typed (e.g. after a validation error).
            return value
        return self.format_jalali(value)

    def format_jalali(self, value):
        return jalali.format_numeric(value)

    class Media:
        css = {"all": MEDIA_CSS}
        js = MEDIA_JS


class JalaliDateTimeInput(JalaliDateInput):
    """A Jalali day and a Tehran wall-clock time, «۱۴۰۳/۱۲/۱۹ ۲۳:۳۰»; the picker shows the month grid
    and hour and minute lists."""

    placeholder = "۱۴۰۳/۱۲/۱۹ ۱۴:۳۰"
    picker_attrs = {"data-jdp": ""}
    size = "18"

    def format_jalali(self, value):
        return jalali.format_numeric_datetime(value)


class VersionedSelect(forms.Select):
    """A select whose HTML is kept under the content version (portal/content_version.py): a thousand
    options rendered through Django's widget templates cost more than the rest of a page.

    ``vary`` names what the choices depend on besides pages (whose titles and existence the version
    covers): nothing for a public list, the reader's scope for staff. While it is None the select renders
    as usual. Validation is the field's and reads its queryset as always; only the HTML is kept.
    """

    vary = None

    def render(self, name, value, attrs=None, renderer=None):
        if self.vary is None:
            return super().render(name, value, attrs, renderer)
        from .content_version import cached_fragment

        key = [name, str(value), sorted((attrs or {}).items()), *self.vary]
        return cached_fragment(
            None, "versioned-select", key, lambda: super(VersionedSelect, self).render(name, value, attrs, renderer)
        )

