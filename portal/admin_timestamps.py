"""Jalali timestamps in the sentences Wagtail's admin builds in Python.

Wagtail formats the times in its messages and log lines («scheduled for publishing at …», the lock
notice of a scheduled page, «Version from … has been published», the history's schedule entries)
with ``wagtail.utils.timestamps.render_timestamp``, which gives Django's Gregorian DATETIME_FORMAT;
no setting or template reaches them. Each module imports the function by name, so the name is
rebound in those modules. tests/test_admin_jalali.py fails if a Wagtail upgrade moves it.
"""

import importlib

from django.utils import translation

from . import jalali

MODULES = (
    "wagtail.utils.timestamps",
    "wagtail.locks",
    "wagtail.wagtail_hooks",
    "wagtail.admin.views.generic.mixins",
    "wagtail.admin.views.pages.edit",
    "wagtail.admin.views.pages.revisions",
)


def render_timestamp(timestamp):
    """«۱۹ اسفند ۱۴۰۳، ساعت ۱۳:۳۰» in Tehran time (Latin digits when the admin is not in Persian)."""
    digits = "fa" if (translation.get_language() or "fa").startswith("fa") else "latin"
    return jalali.format_datetime(timestamp, digits=digits)


def install():
    for name in MODULES:
        module = importlib.import_module(name)
        if not hasattr(module, "render_timestamp"):
            raise ImportError(f"{name} no longer has render_timestamp; see portal/admin_timestamps.py")
        module.render_timestamp = render_timestamp
