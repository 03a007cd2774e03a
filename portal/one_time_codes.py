"""Six-digit one-time codes sent by SMS: kept hashed, for ten minutes, in the limits' cache (which fails
closed: no code is checked while it is away), ended by five wrong tries.

``key`` names what the code unlocks (a case, a subscription request); the code itself is never stored.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import caches

from .digits import to_latin_digits

SECONDS, TRIES = 600, 5
RIGHT, WRONG, SPENT, MISSING = "right", "wrong", "spent", "missing"


def _store():
    return caches[settings.RATELIMIT_USE_CACHE]


def _digest(key, code):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{key}:{code}".encode()).hexdigest()


def issue(key, seconds=SECONDS):
    """A new code for ``key``, replacing any earlier one."""
    code = f"{secrets.randbelow(10**6):06d}"
    _store().set(f"otp:{key}", {"digest": _digest(key, code), "tries": 0}, seconds)
    return code


def check(key, typed, seconds=SECONDS):
    """RIGHT (and the code is used up), WRONG (tries left), SPENT (that was the last try) or MISSING
    (expired, used, or never issued)."""
    stored = f"otp:{key}"
    held = _store().get(stored)
    if held is None:
        return MISSING
    typed = "".join(ch for ch in to_latin_digits(typed or "") if ch.isascii() and ch.isdigit())
    if secrets.compare_digest(held["digest"], _digest(key, typed)):
        _store().delete(stored)
        return RIGHT
    held["tries"] += 1
    if held["tries"] >= TRIES:
        _store().delete(stored)
        return SPENT
    _store().set(stored, held, seconds)
    return WRONG
