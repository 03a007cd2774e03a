"""When messages may go: not in the quiet hours of Tehran's night, and no more than a daily cap to one
subscriber, counted over the Tehran day (which begins at 20:30 UTC: Iran keeps no summer time since 2022).
Urgent notices go at once, at any hour, and count towards the cap without being held by it."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

TEHRAN = ZoneInfo("Asia/Tehran")


def _quiet_bounds():
    start, end = settings.ALERTS_QUIET_HOURS
    return datetime.time.fromisoformat(start), datetime.time.fromisoformat(end)


def quiet_until(now):
    """The moment the quiet hours that ``now`` falls in end, or None if messages may go now."""
    start, end = _quiet_bounds()
    if start == end:
        return None
    local = now.astimezone(TEHRAN)
    clock = local.time()
    # Quiet hours cross midnight (22:00–08:00) or not (13:00–15:00).
    crossing = start > end
    quiet = (clock >= start or clock < end) if crossing else (start <= clock < end)
    if not quiet:
        return None
    day = local.date() + datetime.timedelta(days=1) if crossing and clock >= start else local.date()
    return datetime.datetime.combine(day, end, tzinfo=TEHRAN)


def day_start(now):
    """The beginning of ``now``'s day in Tehran, as an aware moment."""
    local = now.astimezone(TEHRAN)
    return datetime.datetime.combine(local.date(), datetime.time(0), tzinfo=TEHRAN)
