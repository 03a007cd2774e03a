"""Our form widgets: Jalali date inputs (a text box, so Persian keyboards work, with a calendar picker on
top) and a select whose long list of options is kept under the content version."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .caching.store import cached

from . import jalali

MEDIA_CSS = ["vendor/jalalidatepicker/jalalidatepicker.min.css", "css/jalali-picker.css"]
MEDIA_JS = ["vendor/jalalidatepicker/jalalidatepicker.min.js", "js/jalali-picker.js"]


class JalaliDateInput(forms.TextInput):
    """Shows the stored Gregorian date as ۱۴۰۳/۱۲/۱۹ and opens a Saturday-first Jalali calendar.

    Not ``type="date"``: browsers' date inputs are Gregorian. Not read-only: phones must be able to
    type, and the server normalises whatever digits arrive. The picker runs with times switched on
    (for JalaliDateTimeInput), so a date-only input says so with ``data-jdp-only-date``.
    """

    # «مثلاً …»: an example, so that nobody takes it for a date already filled in.
    placeholder = _("مثلاً ۱۴۰۳/۱۲/۱۹")
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

    placeholder = _("مثلاً ۱۴۰۳/۱۲/۱۹ ۱۴:۳۰")
    picker_attrs = {"data-jdp": ""}
    size = "18"

    def format_jalali(self, value):
        return jalali.format_numeric_datetime(value)


class KeptSelect(forms.Select):
    """A select whose HTML is kept (portal/caching/store.py): a thousand options rendered through Django's
    widget templates cost more than the rest of a page.

    ``keep`` is ``(vary, scopes)``: what the choices depend on besides the pages' titles (the reader's
    scope for staff, hashed), and the scopes those titles belong to; ``staff`` keeps it for the staff
    screens, which never share it with a public page. While ``keep`` is None the select renders as
    usual. Validation is the field's and reads its queryset as always; only the HTML is kept.
    """

    keep = None
    staff = False

    def render(self, name, value, attrs=None, renderer=None):
        if self.keep is None:
            return super().render(name, value, attrs, renderer)
        vary, depends = self.keep
        key = [name, str(value), sorted((attrs or {}).items()), *vary]
        render = lambda: super(KeptSelect, self).render(name, value, attrs, renderer)  # noqa: E731
        return cached(None, "kept-select", key, render, depends, html=True, staff=self.staff)
