"""Digits and dates follow the page's language: Persian and Jalali, Arabic-Indic and Hijri or Gregorian,
Latin and Gregorian."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from portal import dates, digits

DAY = datetime.date(2025, 3, 19)  # 29 Esfand 1403 (a leap year), 19 Ramadan 1446
# 21:00 UTC on the 19th is 00:30 on the 20th in Tehran: every calendar shows the 20th.
LATE_EVENING = datetime.datetime(2025, 3, 19, 21, 0, tzinfo=datetime.UTC)


def render(language, source, **context):
    with translation.override(language):
        return Template(source).render(Context(context))


def test_digits_per_language():
    assert digits.to_digits("2025-03", "fa") == "۲۰۲۵-۰۳"
    assert digits.to_digits("۲۰۲۵", "ar") == "٢٠٢٥"
    assert digits.to_digits("١٢ و ۳۴", "en") == "12 و 34"
    assert digits.format_number(1234567, "fa") == "۱٬۲۳۴٬۵۶۷"
    assert digits.format_number(1234567, "ar") == "١٬٢٣٤٬٥٦٧"
    assert digits.format_number(1234567, "en") == "1,234,567"


def test_persian_pages_show_jalali_with_persian_digits():
    assert render("fa", "{{ d|jdate }}", d=DAY) == "۲۹ اسفند ۱۴۰۳"
    assert render("fa", "{{ d|jdate }}", d=LATE_EVENING) == "۳۰ اسفند ۱۴۰۳"
    assert render("fa", "{{ d|jdatetime }}", d=LATE_EVENING) == "۳۰ اسفند ۱۴۰۳، ساعت ۰۰:۳۰"
    assert render("fa", "{{ n|fa_number }} {{ s|fa_digits }}", n=12500, s="کد 123") == "۱۲٬۵۰۰ کد ۱۲۳"


def test_english_pages_show_gregorian_with_latin_digits():
    assert render("en", "{{ d|jdate }}", d=DAY) == "19 March 2025"
    assert render("en", "{{ d|jdatetime }}", d=LATE_EVENING) == "20 March 2025, 00:30"
    assert render("en", "{{ n|fa_number }} {{ s|fa_digits }}", n=12500, s="code ۱۲۳") == "12,500 code 123"


def test_arabic_pages_show_hijri_with_arabic_indic_digits(settings):
    settings.ARABIC_CALENDAR = "hijri"
    assert render("ar", "{{ d|jdate }}", d=DAY) == "١٩ رمضان ١٤٤٦ هـ"
    assert render("ar", "{{ d|jdatetime }}", d=LATE_EVENING) == "٢٠ رمضان ١٤٤٦ هـ، الساعة ٠٠:٣٠"
    assert render("ar", "{{ n|fa_number }}", n=12500) == "١٢٬٥٠٠"


def test_arabic_pages_show_gregorian_when_the_setting_says_so(settings):
    settings.ARABIC_CALENDAR = "gregorian"
    assert render("ar", "{{ d|jdate }}", d=DAY) == "١٩ مارس ٢٠٢٥"


def test_hijri_outside_umm_al_qura_falls_back_to_gregorian(settings):
    settings.ARABIC_CALENDAR = "hijri"
    assert dates.format_date(datetime.date(1900, 1, 1), "ar") == "١ يناير ١٩٠٠"


@pytest.mark.parametrize("value", [None, ""])
def test_empty_dates_are_empty(value):
    for language in ("fa", "ar", "en"):
        assert dates.format_date(value, language) == "" and dates.format_datetime(value, language) == ""
