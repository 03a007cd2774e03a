"""Validators for Iranian identifiers. Each normalises digits first: Python's ``\\d`` and ``int()``
accept Persian digits, so comparing unnormalised input would let odd strings through."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from .digits import to_latin_digits

_MOBILE = re.compile(r"^09[0-9]{9}$")
_NATIONAL_CODE = re.compile(r"^[0-9]{10}$")


def normalize_mobile(value):
    """09xxxxxxxxx from the ways people write it: +98 912…, 0098912…, 912…, with spaces or dashes."""
    text = re.sub(r"[\s\-()]", "", to_latin_digits(value or ""))
    if text.startswith("+98"):
        text = "0" + text[3:]
    elif text.startswith("0098"):
        text = "0" + text[4:]
    elif text.startswith("98") and len(text) == 12:
        text = "0" + text[2:]
    elif text.startswith("9") and len(text) == 10:
        text = "0" + text
    return text


def validate_mobile(value):
    if not _MOBILE.match(normalize_mobile(value)):
        raise ValidationError(gettext("شماره همراه باید ۱۱ رقم باشد و با ۰۹ شروع شود، مانند ۰۹۱۲۱۲۳۴۵۶۷."), code="mobile")


def normalize_national_code(value):
    return re.sub(r"[\s\-]", "", to_latin_digits(value or ""))


def is_valid_national_code(value):
    code = normalize_national_code(value)
    if not _NATIONAL_CODE.match(code) or len(set(code)) == 1:
        # The ten repeated-digit codes (0000000000 … 9999999999) pass the checksum but are never issued.
        return False
    total = sum(int(code[position]) * (10 - position) for position in range(9))
    remainder = total % 11
    check = int(code[9])
    return check == remainder if remainder < 2 else check == 11 - remainder


def validate_national_code(value):
    if not is_valid_national_code(value):
        raise ValidationError(
            gettext("کد ملی واردشده معتبر نیست. ده رقم کد ملی را بدون خط تیره بنویسید."), code="national_code"
        )
