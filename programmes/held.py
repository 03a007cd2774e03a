"""When a programme's session counts as held: from its day on, in Tehran time.

Staff take attendance at the door, so a session is open for marking the whole of its day (after 20:30 UTC
it is already the next day in Tehran); the figures count held sessions by the same rule, so a session
still to come is neither «برگزارشده» nor marked present.
"""

from django.db.models import Q
from django.utils import timezone

from portal import jalali


def today_in_tehran(now=None):
    return timezone.localtime(now or timezone.now(), jalali.tehran_tz()).date()


def held_q(now=None, prefix=""):
    """Q for the sessions held by ``now``; ``prefix`` reaches them from another model (``sessions__``)."""
    return Q(**{f"{prefix}date__lte": today_in_tehran(now)})


def is_held(session, now=None):
    return session.date <= today_in_tehran(now)
