"""Phone numbers and map points as staff and applicants type them."""

import re

from django.core.exceptions import ValidationError

from portal.digits import to_latin_digits

_PHONE = re.compile(r"^\+?[0-9][0-9\- ]{6,18}[0-9]$")


def normalize_phone(value):
    """Latin digits, single dashes: «۰۸۶ ۳۳۲۲ ۱۱۰۰» → «086-3322-1100». The grouping people use is kept."""
    text = to_latin_digits(value or "").strip()
    return re.sub(r"[\s\-]+", "-", text)


def validate_phone(value):
    text = normalize_phone(value)
    digits = re.sub(r"[^0-9]", "", text)
    if not _PHONE.match(text) or not 8 <= len(digits) <= 13:
        raise ValidationError(
            "شماره تلفن را با پیش‌شماره و فقط با رقم بنویسید، مانند ۰۸۶-۳۳۲۲-۱۱۰۰.", code="phone"
        )
