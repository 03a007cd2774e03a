"""Rate limits that hold when their counters cannot be read.

The limits are django-ratelimit's, counted in the cache alias ``RATELIMIT_USE_CACHE``. Production gives
them an alias of their own whose errors are raised (the page caches swallow theirs and degrade to
misses): a limit that silently read 0 while Redis was away would let anyone try tracking codes without
end. What happens then is ``RATELIMIT_FAIL_OPEN``'s choice:

- open (1): no limit applies until the counters are back, so residents can still send forms;
- closed (0): the request is refused with the Persian 503 page, never answered unlimited.
"""

import functools

from django.conf import settings
from django_ratelimit.core import ALL, get_usage

from .outage import is_outage
from .views import service_unavailable


class LimitsUnavailable(Exception):
    """The counters are out of reach and limits fail closed."""


def usage(request, group, key, rate, increment=False):
    """django-ratelimit's usage dict for this request, or None when no limit applies (fail open)."""
    try:
        return get_usage(request, group=group, key=key, rate=rate, method=ALL, increment=increment)
    except Exception as error:
        if not is_outage(error):
            raise
        if settings.RATELIMIT_FAIL_OPEN:
            return None
        raise LimitsUnavailable from error


def exceeded(request, group, key, rate):
    """Count this request and say whether it goes over ``rate``."""
    found = usage(request, group, key, rate, increment=True)
    return bool(found and found["should_limit"])


def reached(request, group, key, rate):
    """Whether the count so far has reached ``rate``'s limit, without counting this request."""
    found = usage(request, group, key, rate)
    return bool(found and found["count"] >= found["limit"])


def fail_closed(view):
    """A view whose limits cannot be read answers the Persian 503 («try again shortly»)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LimitsUnavailable:
            return service_unavailable(request)

    return wrapper
