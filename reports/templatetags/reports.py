"""Filters and chart tags of the reports: durations and shares in Persian, bars drawn as inline SVG
that grows from the right (the start of an RTL line), each with its numbers in a table beside it."""

import datetime

from django import template
from django.utils.translation import gettext, gettext_lazy as _

from portal import jalali
from portal.digits import format_number, to_persian_digits

register = template.Library()


@register.filter
def duration(seconds):
    """«۲ روز و ۳ ساعت», «۵ ساعت», «۴۰ دقیقه»; «—» when unknown."""
    if seconds in (None, ""):
        return "—"
    minutes = int(round(float(seconds) / 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(gettext("%(count)s روز") % {"count": days})
    if hours:
        parts.append(gettext("%(count)s ساعت") % {"count": hours})
    if minutes and not days:
        parts.append(gettext("%(count)s دقیقه") % {"count": minutes})
    return to_persian_digits(gettext(" و ").join(parts) or gettext("کمتر از یک دقیقه"))


@register.filter
def percent(value):
    if value in (None, ""):
        return "—"
    return to_persian_digits(f"{value}٪")


@register.filter
def iso_jdate(value):
    """A date or datetime kept as ISO text in a report, shown in Jalali."""
    if not value:
        return ""
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) == 10:
        parsed = parsed.date()
    return jalali.format_date(parsed)


def _bars(rows, value_key, label_key):
    top = max((row.get(value_key) or 0 for row in rows), default=0)
    bars = []
    for row in rows:
        value = row.get(value_key) or 0
        width = round(100 * value / top, 1) if top else 0
        bars.append(
            {
                "label": row[label_key],
                "value": value,
                "display": format_number(value),
                "share": percent(row["share"]) if "share" in row else None,
                "width": width,
                "x": 100 - width,
            }
        )
    return bars


@register.inclusion_tag("reports/includes/bar_table.html")
def bar_table(rows, caption, value_key="count", label_key="label", label_heading="", value_heading=_("شمار")):
    """A table of label, number and a bar of the same number: the table is the chart's text."""
    bars = _bars(rows, value_key, label_key)
    return {
        "bars": bars,
        "with_share": any(bar["share"] is not None for bar in bars),
        "caption": caption,
        "label_heading": label_heading,
        "value_heading": value_heading,
    }


@register.inclusion_tag("reports/includes/column_chart.html", takes_context=True)
def column_chart(context, points, caption):
    """Submissions over time: columns in an SVG (first day on the right), and the same numbers in a table."""
    count = len(points)
    top = max((point["count"] for point in points), default=0)
    columns = []
    for index, point in enumerate(points):
        height = round(90 * point["count"] / top, 1) if top else 0
        columns.append(
            {
                "label": point["label"],
                "count": point["count"],
                "display": format_number(point["count"]),
                "x": (count - 1 - index) * 10 + 1,
                "y": 100 - height,
                "height": height,
            }
        )
    return {
        "columns": columns,
        "caption": caption,
        # A printed report shows the table open; on screen it is one click away.
        "expanded": bool(context.get("print_mode")),
        "width": max(count * 10, 10),
        "total": format_number(sum(point["count"] for point in points)),
        "top": format_number(top),
    }
