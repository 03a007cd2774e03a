"""Jalali dates in Wagtail's own admin listings (page explorer «updated», history, dashboard)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from .persian import fa_digits, jdate, jdatetime

register = template.Library()

# Within a day Wagtail's relative form («۵ دقیقه پیش») reads best; past that, «۱۹ اسفند ۱۴۰۳».
RELATIVE_FOR = datetime.timedelta(days=1)


@register.filter
def jalali_since(value):
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        now = timezone.now() if timezone.is_aware(value) else datetime.datetime.now()
        if datetime.timedelta(0) <= now - value < RELATIVE_FOR:
            return fa_digits(timesince_simple(value))
    return jdate(value)


@register.filter
def jalali_full(value):
    """The tooltip: the day and, for datetimes, the Tehran time."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        return jdatetime(value)
    return jdate(value)


@register.simple_tag
def workflow_status_with_jalali_date(workflow_state):
    """Wagtail's ``workflow_status_with_date`` (the status panel's «Sent to … now»), its time told as the rest
    of the admin tells it (``jalali_since``) instead of by Django's ``naturaltime``, whose words live in the
    catalogue of django.contrib.humanize, an app the portal does not install."""
    task_state = workflow_state.current_task_state
    context = {
        "finished_at": jalali_since(task_state.finished_at),
        "started_at": jalali_since(task_state.started_at),
        "task_name": task_state.task.name,
        "status_display": workflow_state.get_status_display(),
    }
    if workflow_state.status == "needs_changes":
        return _("Changes requested %(finished_at)s") % context
    if workflow_state.status == "in_progress":
        return _("Sent to %(task_name)s %(started_at)s") % context
    return _("%(status_display)s %(task_name)s %(started_at)s") % context
