"""Recognising a lost database, Redis or outside service, so the visitor gets a Persian 503 instead of a 500."""

from django.db import InterfaceError, OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError



class ServiceDown(Exception):
    """An outside service the request needs did not answer (the SMS provider, say): try again shortly."""


OUTAGE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError, ServiceDown)
RETRY_AFTER_SECONDS = 30


def is_outage(error):
    """True when ``error`` (or what caused it) is a lost connection to a service we depend on."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OUTAGE_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
