"""Who reads a confidential case's personal data, and the masked copy everyone else gets.

A confidential case (``Submission.confidential``, copied from its form or programme) shows its personal
data only to the caseworkers of its neighbourhood: members of a group holding the inbox's
``read_confidential`` permission whose page permissions cover that neighbourhood (the caseworkers' group
``neighborhoods.permissions`` makes for each one). Every other reader in scope — staff, coordinators,
superusers — gets the case *masked*: the same row with placeholders where the resident's data was, so
lists, counts, statuses and exports stay whole. Masking happens here, on the objects the views hand to
templates and exports, never by hiding in a template; a masked copy refuses to be saved.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage
from portal.tree_scope import granted_paths, under

from .retention import PERSONAL_TYPES

MASK = _("محرمانه")
PERMISSION = "read_confidential"


def caseworker_neighborhood_ids(user):
    """The ids of the neighbourhoods whose confidential cases ``user`` may read (two queries)."""
    paths = granted_paths(
        user,
        group__permissions__codename=PERMISSION,
        group__permissions__content_type__app_label="participation",
        permission__codename="change_page",
    )
    if not paths:
        return frozenset()
    return frozenset(in_default_language(NeighborhoodPage.objects.filter(under(paths))).values_list("pk", flat=True))


class Reader:
    """One user's view of cases: ``show`` masks what they may not read."""

    def __init__(self, user):
        self.user = user
        self.caseworker_of = caseworker_neighborhood_ids(user)

    def may_read(self, submission):
        return not submission.confidential or submission.neighborhood_id in self.caseworker_of

    def readable(self):
        """A filter of the submissions whose personal data this reader may read (for searching it)."""
        return Q(confidential=False) | Q(neighborhood_id__in=self.caseworker_of)

    def show(self, submission):
        if not self.may_read(submission):
            mask(submission)
        return submission

    def show_all(self, submissions):
        return [self.show(submission) for submission in submissions]


def reader_for(request):
    """The request user's reader, worked out once per request."""
    if getattr(request, "_case_reader", None) is None:
        request._case_reader = Reader(request.user)
    return request._case_reader


def mask(submission):
    """Replace the resident's data on this in-memory object; the row in the database is untouched."""
    hidden = str(MASK)
    submission.masked = True
    submission.name = hidden
    submission.mobile = submission.national_code = submission.email = ""
    submission.latitude = submission.longitude = None
    submission.photo = ""
    submission.private_notes = submission.referral_outcome = submission.public_reply = ""
    submission.search_text = ""
    submission.data = {
        key: (hidden if submission.types.get(key) in PERSONAL_TYPES and value not in ("", None) else value)
        for key, value in submission.data.items()
    }
    return submission
