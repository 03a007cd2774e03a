"""Anonymising old submissions: residents' identities go, the counts and choice answers stay so
monthly reports and needs-assessment results keep their figures."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import Submission, SubmissionEvent

# Answers of these types can identify a person (free text may hold names and addresses).
PERSONAL_TYPES = {"singleline", "multiline", "email", "mobile", "national_code", "photo", "location", "date"}
BATCH = 500


def anonymise(submission):
    for key, field_type in submission.types.items():
        if field_type in PERSONAL_TYPES and key in submission.data:
            submission.data[key] = ""
    if submission.photo:
        submission.photo.delete(save=False)
    submission.name = submission.mobile = submission.national_code = submission.email = ""
    submission.latitude = submission.longitude = None
    submission.private_notes = ""
    submission.anonymised = True
    submission.save()
    SubmissionEvent.objects.filter(submission=submission, action=SubmissionEvent.Action.CHANGED).update(changes={})
    SubmissionEvent.objects.create(submission=submission, action=SubmissionEvent.Action.ANONYMISED)


def anonymise_older_than(days, now=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    done = 0
    while True:
        batch = list(Submission.objects.filter(created_at__lt=cutoff, anonymised=False).order_by("pk")[:BATCH])
        if not batch:
            return done
        with transaction.atomic():
            for submission in batch:
                anonymise(submission)
        done += len(batch)
