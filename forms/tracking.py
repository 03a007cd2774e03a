"""Tracking codes (کد رهگیری): random, fixed length, digits only.

Digits can be read over the phone and sent by SMS; randomness (not a sequence) means a code says
nothing about how many submissions there are, and a status lookup also asks for the mobile's last
digits so codes cannot be enumerated.
"""

import secrets

from portal.digits import for_language, to_latin_digits

LENGTH = 8


def new_code():
    return f"{secrets.randbelow(10**LENGTH):0{LENGTH}d}"


def normalize(typed):
    """What a resident types (any digits, spaces or dashes) as the stored form."""
    return "".join(ch for ch in to_latin_digits(typed or "") if ch.isascii() and ch.isdigit())


def display(code):
    """۱۲۳۴-۵۶۷۸ (Latin digits on pages in other languages): two groups are easier to read aloud."""
    half = LENGTH // 2
    return for_language(f"{code[:half]}-{code[half:]}") if code else ""
