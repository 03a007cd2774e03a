"""Jalali timestamps in the sentences Wagtail's admin builds in Python.

Wagtail formats the times in its messages and log lines («scheduled for publishing at …», the lock
notice of a scheduled page, «Version from … has been published», the history's schedule entries)
with ``wagtail.utils.timestamps.render_timestamp``, which gives Django's Gregorian DATETIME_FORMAT;
no setting or template reaches them. Each module imports the function by name, so the name is
rebound in those modules. tests/test_admin_jalali.py fails if a Wagtail upgrade moves it.

The status panel's «۰۹:۵۲ توسط …» / «۳ روز پیش» comes from the ``timesince_last_update`` tag, which
writes the time with strftime (Latin digits); the tag is registered again under its name with the
digits of the admin's language. The person's name keeps its own characters.
"""

import importlib

from django.utils import translation
from wagtail.admin.templatetags import wagtailadmin_tags

from . import jalali
from .digits import for_language

_NAME = "\x00user\x00"

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
    install_tags()


def _persian_digits_tag(original):
    def timesince_last_update(last_update, show_time_prefix=False, user_display_name="", use_shorthand=True):
        text = original(last_update, show_time_prefix, _NAME if user_display_name else "", use_shorthand)
        return for_language(text).replace(_NAME, str(user_display_name))

    return timesince_last_update


def install_tags():
    original = getattr(wagtailadmin_tags, "timesince_last_update", None)
    if original is None or "timesince_last_update" not in wagtailadmin_tags.register.tags:
        raise ImportError("wagtailadmin_tags no longer has timesince_last_update; see portal/admin_timestamps.py")
    wagtailadmin_tags.register.simple_tag(_persian_digits_tag(original), name="timesince_last_update")
