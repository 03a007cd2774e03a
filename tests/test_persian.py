import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from portal import digits, jalali, text
from portal.fields import JalaliDateField
from portal.widgets import JalaliDateInput
from django import forms

UTC = datetime.timezone.utc


class TestDigits:
    def test_to_latin_accepts_persian_and_arabic(self):
        assert digits.to_latin_digits("۱۴۰۳/١٢/19") == "1403/12/19"

    def test_to_persian(self):
        assert digits.to_persian_digits("1403-١٢") == "۱۴۰۳-۱۲"

    def test_format_number_uses_persian_separator(self):
        assert digits.format_number(1234567) == "۱٬۲۳۴٬۵۶۷"

    @given(st.integers(min_value=0, max_value=10**12))
    def test_round_trip(self, number):
        assert digits.to_latin_digits(digits.to_persian_digits(number)) == str(number)


class TestNormalize:
    @pytest.mark.parametrize(
        "variant",
        ["كمیته", "کميته", "كميته", "کمیـــته", "کمیته", "کُمیته"],
    )
    def test_arabic_letters_tatweel_and_diacritics_fold(self, variant):
        assert text.normalize(variant) == "کمیته"

    def test_zwnj_becomes_space_and_digits_latin(self):
        assert text.normalize("می\u200cشود  ۱۴۰۴") == "می شود 1404"

    def test_empty(self):
        assert text.normalize(None) == ""


class TestJalaliFormatting:
    def test_format_date(self):
        assert jalali.format_date(datetime.date(2025, 3, 9)) == "۱۹ اسفند ۱۴۰۳"
        assert jalali.format_date(datetime.date(2025, 3, 9), digits="latin") == "19 اسفند 1403"

    def test_datetime_is_taken_in_tehran_before_jalali(self):
        # 21:00 UTC on 20 March 2025 is 00:30 on 21 March in Tehran: Nowruz, 1 Farvardin 1404.
        moment = datetime.datetime(2025, 3, 20, 21, 0, tzinfo=UTC)
        assert jalali.format_date(moment) == "۱ فروردین ۱۴۰۴"
        assert jalali.format_datetime(moment) == "۱ فروردین ۱۴۰۴، ساعت ۰۰:۳۰"

    def test_format_none(self):
        assert jalali.format_date(None) == "" and jalali.format_datetime(None) == ""

    def test_numeric(self):
        assert jalali.format_numeric(datetime.date(2025, 3, 9)) == "۱۴۰۳/۱۲/۱۹"

    def test_month_range_handles_leap_esfand(self):
        assert jalali.month_range(1403, 12) == (datetime.date(2025, 2, 19), datetime.date(2025, 3, 20))
        assert jalali.month_range(1404, 1) == (datetime.date(2025, 3, 21), datetime.date(2025, 4, 20))

    def test_locale_is_explicit_whatever_the_thread_default(self):
        import jdatetime

        jdatetime.set_locale("en_US")
        try:
            assert jalali.format_date(datetime.date(2025, 3, 9)) == "۱۹ اسفند ۱۴۰۳"
        finally:
            jdatetime.set_locale("fa_IR")

    def test_template_filters(self):
        template = Template("{{ d|jdate }} | {{ t|jdatetime }} | {{ n|fa_number }} | {{ m|jmonth }}")
        moment = datetime.datetime(2025, 3, 9, 10, 0, tzinfo=ZoneInfo("Asia/Tehran"))
        with translation.override("fa"):
            out = template.render(Context({"d": datetime.date(2025, 3, 9), "t": moment, "n": 25000, "m": 1}))
        assert out == "۱۹ اسفند ۱۴۰۳ | ۱۹ اسفند ۱۴۰۳، ساعت ۱۰:۰۰ | ۲۵٬۰۰۰ | فروردین"

    def test_english_pages_show_gregorian_with_latin_digits(self):
        # tests/test_dates_by_language.py covers every language.
        with translation.override("en"):
            out = Template("{{ d|jdate }}").render(Context({"d": datetime.date(2025, 3, 9)}))
        assert out == "9 March 2025"


class TestJalaliParsing:
    @pytest.mark.parametrize(
        "typed",
        ["1403/12/19", "۱۴۰۳/۱۲/۱۹", "١٤٠٣/١٢/١٩", "۱۴۰۳-۱۲-۱۹", "1403.12.19", " ۱۴۰۳/12/١٩ ", "۱۴۰۳/۱۲/۱۹"],
    )
    def test_any_digits_and_separators(self, typed):
        assert jalali.parse_date(typed) == datetime.date(2025, 3, 9)

    @pytest.mark.parametrize(
        "typed,message",
        [
            ("۱۴۰۴/۱۲/۳۰", "در تقویم وجود ندارد"),  # 1404 is not a leap year
            ("۱۴۰۳/۰۷/۳۱", "در تقویم وجود ندارد"),  # autumn months have 30 days
            ("۱۴۰۳/۱۳/۰۱", "ماه باید"),
            ("فردا", "سال/ماه/روز"),
            ("2025-03-09T10:00", "سال/ماه/روز"),
            ("", "سال/ماه/روز"),
        ],
    )
    def test_impossible_or_malformed_dates_are_rejected_in_persian(self, typed, message):
        with pytest.raises(jalali.JalaliParseError, match=message):
            jalali.parse_date(typed)

    def test_leap_esfand_30_exists(self):
        assert jalali.parse_date("۱۴۰۳/۱۲/۳۰") == datetime.date(2025, 3, 20)

    @given(st.dates(min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2100, 12, 31)))
    def test_round_trip_through_display(self, date):
        assert jalali.parse_date(jalali.format_numeric(date)) == date


class _Form(forms.Form):
    when = JalaliDateField(label="تاریخ")
    maybe = JalaliDateField(label="تاریخ دیگر", required=False)


class TestJalaliFormField:
    def test_clean_mixed_digits(self):
        form = _Form({"when": "۱۴۰۳/12/١٩"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["when"] == datetime.date(2025, 3, 9)
        assert form.cleaned_data["maybe"] is None

    def test_bad_date_has_persian_error_and_keeps_input(self):
        form = _Form({"when": "۱۴۰۴/۱۲/۳۰"})
        assert not form.is_valid()
        assert "۳۰ اسفند ۱۴۰۴ در تقویم وجود ندارد." in form.errors["when"][0]
        assert 'value="۱۴۰۴/۱۲/۳۰"' in str(form["when"])

    def test_widget_shows_jalali_and_is_typeable(self):
        html = JalaliDateInput().render("when", datetime.date(2025, 3, 9))
        assert 'value="۱۴۰۳/۱۲/۱۹"' in html
        assert 'inputmode="numeric"' in html and "data-jdp" in html and 'type="text"' in html
        assert "readonly" not in html


class TestIranianIdentifiers:

    @pytest.mark.parametrize("typed", ["09121234567", "۰۹۱۲۱۲۳۴۵۶۷", "+98 912 123 4567", "00989121234567", "912-123-4567"])
    def test_mobile_forms_normalise(self, typed):
        from portal.validators import normalize_mobile, validate_mobile

        validate_mobile(typed)
        assert normalize_mobile(typed) == "09121234567"

    @pytest.mark.parametrize("typed", ["0912123456", "08121234567", "۰۹۱۲۱۲۳۴۵۶۷۸", "abc", ""])
    def test_bad_mobiles(self, typed):
        from django.core.exceptions import ValidationError

        from portal.validators import validate_mobile

        with pytest.raises(ValidationError, match="۰۹"):
            validate_mobile(typed)

    @pytest.mark.parametrize("code", ["0499370899", "۰۴۹۹۳۷۰۸۹۹", "0790419904", "0013542419"])
    def test_valid_national_codes(self, code):
        from portal.validators import is_valid_national_code

        assert is_valid_national_code(code)

    @pytest.mark.parametrize("digit", "0123456789")
    def test_repeated_digit_codes_are_rejected_though_checksum_passes(self, digit):
        from portal.validators import is_valid_national_code

        assert not is_valid_national_code(digit * 10)

    @pytest.mark.parametrize("code", ["0499370898", "123456789", "04993708990", "۰۴۹۹۳۷۰۸۹x"])
    def test_invalid_national_codes(self, code):
        from portal.validators import is_valid_national_code

        assert not is_valid_national_code(code)
