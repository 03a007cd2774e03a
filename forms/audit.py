"""The audit trail: who read residents' personal data, when, from where, and what (a case or a filter).

Every screen and file that shows residents' data, or figures drawn from it, writes one
``AccessRecord`` per request through ``record``: the inbox's list, a case, its photo, an export; a
programme's registrations and their export; the staff safety map and the needs results; and the
counts-only screens too (the dashboard, monthly reports and their PDFs), so that an office can answer
"who looked at our neighbourhood's figures, and when" from the same trail.

The trail is shown, for their scope, to those who hold the ``view_accessrecord`` permission: every
province's coordinators, and whomever the users' manager gives it to (an office's head). Django's
own admin log and auditlog-style model histories record *changes*; reads with their filter and the
reader's address are what this table holds, so it is a model of its own.
"""

from django.db.models import Q

from portal.client_ip import client_ip

from .history import user_label
from .models import AccessRecord
from .scope import neighborhoods_for

PERMISSION = "participation.view_accessrecord"


def record(request, action, submission=None, neighborhood_id=None, query="", rows=None, masked=False):
    if submission is not None:
        neighborhood_id = submission.neighborhood_id
    return AccessRecord.objects.create(
        user=request.user,
        user_label=user_label(request.user),
        address=client_ip(request) or None,
        action=action,
        submission_id=submission.pk if submission is not None else None,
        tracking_code=submission.tracking_code if submission is not None else "",
        query=query[:500],
        rows=rows,
        neighborhood_id=neighborhood_id,
        masked=masked,
    )


def only_neighborhood(neighborhoods):
    """The id of the one neighbourhood of a scope, or None when it spans several."""
    ids = list(neighborhoods.values_list("pk", flat=True)[:2])
    return ids[0] if len(ids) == 1 else None


def may_see_trail(user):
    return user.is_authenticated and user.is_active and user.has_perm(PERMISSION)


def records_for(user):
    """The records ``user`` may read: every one for a superuser; those of their scope and their own for
    anyone else holding the permission; none otherwise."""
    if not may_see_trail(user):
        return AccessRecord.objects.none()
    if user.is_superuser:
        return AccessRecord.objects.all()
    return AccessRecord.objects.filter(Q(neighborhood__in=neighborhoods_for(user)) | Q(user=user))
