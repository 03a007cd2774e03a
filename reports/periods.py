"""The period a report covers: a Jalali month or a range of Jalali days, in Tehran time.

A day belongs to the Tehran calendar: 23:30 Tehran time on the last day of a month (20:00 UTC) is in
that month, and the next Tehran day starts at 20:30 UTC (Iran keeps no daylight saving since 1401).
Every query takes the period as a half-open range of aware datetimes, [start, end).
"""

import datetime
from dataclasses import dataclass

import jdatetime
from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _

from portal import jalali
from portal.digits import to_latin_digits, to_persian_digits
from portal.fields import JalaliDateField

# A range longer than this is refused: a year and a little, enough to compare two Nowruz seasons.
MAX_DAYS = 370


@dataclass(frozen=True)
class Period:
    first: datetime.date  # Gregorian, inclusive
    last: datetime.date  # Gregorian, inclusive
    year: int | None = None  # Jalali year and month when the period is one whole month
    month: int | None = None

    @property
    def start(self):
        """The first moment of the period: Tehran midnight of its first day."""
        return datetime.datetime.combine(self.first, datetime.time(0), tzinfo=jalali.tehran_tz())

    @property
    def end(self):
        """The first moment after the period (exclusive)."""
        return datetime.datetime.combine(
            self.last + datetime.timedelta(days=1), datetime.time(0), tzinfo=jalali.tehran_tz()
        )

    @property
    def days(self):
        return (self.last - self.first).days + 1

    @property
    def is_month(self):
        return self.month is not None

    @property
    def label(self):
        if self.is_month:
            return to_persian_digits(f"{jalali.month_name(self.month)} {self.year}")
        return gettext("%(first)s تا %(last)s") % {"first": jalali.format_date(self.first), "last": jalali.format_date(self.last)}

    def created_in(self, field="created_at"):
        """Filter kwargs: ``field`` falls inside the period."""
        return {f"{field}__gte": self.start, f"{field}__lt": self.end}

    def as_query(self):
        if self.is_month:
            return {"year": str(self.year), "month": str(self.month)}
        return {"from": jalali.format_numeric(self.first), "to": jalali.format_numeric(self.last)}

    def previous_month(self):
        year, month = (self.year - 1, 12) if self.month == 1 else (self.year, self.month - 1)
        return month_period(year, month)

    def next_month(self):
        year, month = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
        return month_period(year, month)


def month_period(year, month):
    first, last = jalali.month_range(year, month)
    return Period(first=first, last=last, year=year, month=month)


def today_in_tehran():
    return timezone.localtime(timezone.now(), jalali.tehran_tz()).date()


def current_month():
    today = jdatetime.date.fromgregorian(date=today_in_tehran(), locale=jalali.LOCALE)
    return month_period(today.year, today.month)


class YearInput(forms.TextInput):
    """A Jalali year: typed with any digits (the forms' clean_year reads Persian, Arabic and Latin), shown
    with Persian ones."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "dir": "ltr", "size": "4", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        value = super().format_value(value)
        return to_persian_digits(value) if value else value


class PeriodForm(forms.Form):
    """A Jalali month (year + month) or a range of Jalali days; without either, this month."""

    year = forms.CharField(label=_("سال"), required=False, max_length=4, widget=YearInput)
    month = forms.TypedChoiceField(
        label=_("ماه"),
        required=False,
        choices=[("", "—")] + [(str(number), name) for number, name in enumerate(jalali.MONTHS, start=1)],
    )
    start = JalaliDateField(label=_("از روز"), required=False)
    end = JalaliDateField(label=_("تا روز"), required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None:
            # The range travels as ?from=…&to=… in links; the form's own inputs are start/end.
            data = data.copy()
            for outside, inside in (("from", "start"), ("to", "end")):
                if outside in data and inside not in data:
                    data[inside] = data[outside]
        super().__init__(data, **kwargs)

    def clean_year(self):
        value = to_latin_digits(self.cleaned_data.get("year") or "").strip()
        if not value:
            return None
        if not value.isdigit() or not 1300 <= int(value) <= 1500:
            raise forms.ValidationError(gettext("سال را چهاررقمی و شمسی بنویسید، مانند ۱۴۰۴."))
        return int(value)

    def clean_month(self):
        value = to_latin_digits(self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        return int(value)

    def full_clean(self):
        # A month outside 1–12 typed into the address bar gets a Persian message, not Django's.
        raw = to_latin_digits(str(self.data.get("month", "") or "")).strip() if self.is_bound else ""
        if raw and not (raw.isdigit() and 1 <= int(raw) <= 12):
            self.data = self.data.copy()
            self.data["month"] = ""
            super().full_clean()
            self.add_error("month", gettext("ماه باید عددی از ۱ تا ۱۲ باشد."))
            return
        super().full_clean()

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        year, month = cleaned.get("year"), cleaned.get("month")
        start, end = cleaned.get("start"), cleaned.get("end")
        if start or end:
            if not (start and end):
                raise forms.ValidationError(gettext("برای بازه، هر دو روز آغاز و پایان را بنویسید."))
            if end < start:
                raise forms.ValidationError(gettext("روز پایان بازه نمی‌تواند پیش از روز آغاز آن باشد."))
            if (end - start).days + 1 > MAX_DAYS:
                raise forms.ValidationError(gettext("بازه نمی‌تواند بیش از یک سال باشد."))
            cleaned["period"] = Period(first=start, last=end)
            return cleaned
        if month and not year:
            year = current_month().year
        if year and not month:
            raise forms.ValidationError(gettext("ماه را هم انتخاب کنید."))
        cleaned["period"] = month_period(year, month) if year else current_month()
        return cleaned


def period_from(query):
    """(form, period) for a GET query; period is None when the form has errors."""
    form = PeriodForm(query)
    if not form.is_valid():
        return form, None
    return form, form.cleaned_data["period"]
