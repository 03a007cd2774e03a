"""The history of a submission: what an edit changed, as {field: [before, after]}.

A view takes a ``snapshot`` before it changes a submission and calls ``record_changes`` after the
save; the values are what staff read (status and user names, agency labels), dates as ISO strings so
they stay Gregorian in storage and become Jalali only when shown (``describe``).
"""

import datetime

from django.core.exceptions import FieldDoesNotExist

from portal import jalali

from .confidential import MASK
from .models import Submission, SubmissionEvent

TRACKED_FIELDS = (
    "status",
    "assignee",
    "archived",
    "private_notes",
    "public_reply",
    "referral_agency",
    "referral_date",
    "referral_outcome",
    "referral_consent",
    "confirmed",
)


def user_label(user):
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def _value(submission, name):
    if name == "status":
        return submission.status.name if submission.status_id else ""
    if name == "assignee":
        return user_label(submission.assignee) if submission.assignee_id else ""
    if name == "referral_agency":
        return submission.get_referral_agency_display() if submission.referral_agency else ""
    if name == "referral_consent":
        return submission.get_referral_consent_display() if submission.referral_consent else ""
    if name == "referral_date":
        return submission.referral_date.isoformat() if submission.referral_date else ""
    return getattr(submission, name)


def snapshot(submission, fields=TRACKED_FIELDS):
    """The tracked fields of a submission as JSON-safe values."""
    return {name: _value(submission, name) for name in fields}


def record_changes(submission, user, before, action=None):
    """Write one SubmissionEvent with {field: [before, after]} for every field that changed.

    Returns the event, or None when nothing changed. The action is "replied" when the public reply
    changed and "changed" otherwise, unless given.
    """
    after = snapshot(submission, fields=tuple(before))
    changes = {name: [before[name], value] for name, value in after.items() if before[name] != value}
    if not changes:
        return None
    if action is None:
        action = SubmissionEvent.Action.REPLIED if "public_reply" in changes else SubmissionEvent.Action.CHANGED
    return SubmissionEvent.objects.create(submission=submission, user=user, action=action, changes=changes)


def _shown(name, value):
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if name == "referral_date":
        try:
            return jalali.format_date(datetime.date.fromisoformat(value))
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def field_label(name):
    try:
        return str(Submission._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


# What the office wrote about a confidential case is as personal as what the resident sent.
PERSONAL_FIELDS = {"private_notes", "public_reply", "referral_outcome"}


def describe(event, masked=False):
    """[(field label, before, after), …] of a change event, ready to show; [] for other events. For a
    reader who sees the case masked, the office's texts about it are masked too."""
    if event.action not in (SubmissionEvent.Action.CHANGED, SubmissionEvent.Action.REPLIED):
        return []
    rows = []
    for name, pair in (event.changes or {}).items():
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            continue
        if masked and name in PERSONAL_FIELDS:
            rows.append((field_label(name), str(MASK), str(MASK)))
            continue
        rows.append((field_label(name), _shown(name, pair[0]), _shown(name, pair[1])))
    return rows
