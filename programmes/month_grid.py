"""A Jalali month as weeks that start on Saturday, with the sessions of each day."""

import datetime
from dataclasses import dataclass, field

from portal import jalali

SATURDAY = 5  # date.weekday(): Monday is 0


@dataclass
class Day:
    date: datetime.date
    jalali_day: int
    in_month: bool
    is_today: bool = False
    sessions: list = field(default_factory=list)

    @property
    def is_friday(self):
        return self.date.weekday() == 4


def month_weeks(year, month, sessions, today):
    """[[Day × 7], …] covering the Jalali month, Saturday first; ``sessions`` have ``.date``."""
    first, last = jalali.month_range(year, month)
    start = first - datetime.timedelta(days=(first.weekday() - SATURDAY) % 7)
    end = last + datetime.timedelta(days=(SATURDAY - 1 - last.weekday()) % 7)
    by_date = {}
    for session in sessions:
        by_date.setdefault(session.date, []).append(session)
    weeks, day = [], start
    while day <= end:
        week = []
        for _ in range(7):
            week.append(
                Day(
                    date=day,
                    jalali_day=jalali.to_jalali_date(day).day,
                    in_month=first <= day <= last,
                    is_today=day == today,
                    sessions=sorted(by_date.get(day, []), key=lambda session: session.starts),
                )
            )
            day += datetime.timedelta(days=1)
        weeks.append(week)
    return weeks


def neighbours(year, month):
    """((year, month) before, (year, month) after)."""
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    after = (year + 1, 1) if month == 12 else (year, month + 1)
    return before, after
