"""What a participation form adds to the public-form road (forms/pipeline.py): its questions are the
office's own, built in the admin, and what it stores is shaped by their types."""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models.submission import Consent, Kind
from .pipeline import PublicForm, new_submission, store_new

NAME_KEYS = {"name", "full_name"}


class ParticipationForm(PublicForm):
    too_large_message = _("مجموع پاسخ‌ها و عکس‌ها بیش از اندازه مجاز است. عکس کوچک‌تری بفرستید.")

    def build_form(self, data, files=None):
        return self.page.get_form(data, files, page=self.page, user=self.request.user)

    def render_form(self, form, status):
        return self.page.render_form(self.request, form, status=status)

    def render_done(self, submission):
        return self.page.render_landing_page(self.request, submission)

    def mobile(self, form):
        return _first_of_type(self.page, form, "mobile")

    def store(self, form, token):
        return create_submission(self.page, form, token=token)


def handle_post(page, request):
    return ParticipationForm(page, request).handle()


def _first_of_type(page, form, field_type):
    for field in page.get_form_fields():
        if field.field_type == field_type and form.cleaned_data.get(field.clean_name):
            return form.cleaned_data[field.clean_name]
    return ""


def _json_value(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return ", ".join(str(part) for part in value)
    return value


def create_submission(page, form, token=None, user=None, source="online"):
    """Store a valid form as one Submission, its history row and its notifications — or nothing.
    Also the service desk's road, where ``user`` is the staff member who typed it in."""
    submission = new_submission(
        page, kind=Kind.FORM, token=token, source=source, came_through=form.cleaned_data.get("came_through")
    )
    if form.cleaned_data.get("referral_consent"):
        # On the resident's own form, or ticked by staff at the desk with the resident there.
        submission.referral_consent = Consent.IN_PERSON if user is not None else Consent.FORM
        submission.referral_consent_by = user
        submission.referral_consent_at = timezone.now()
    data, labels, types = {}, {}, {}
    photo = None
    for field in page.get_form_fields():
        key = field.clean_name
        value = form.cleaned_data.get(key)
        labels[key], types[key] = field.label, field.field_type
        if field.field_type == "photo":
            photo = photo or value
            data[key] = "عکس پیوست شد" if value else ""
            continue
        if field.field_type == "location" and value:
            submission.latitude, submission.longitude = value
        if field.field_type == "mobile" and value and not submission.mobile:
            submission.mobile = value
        if field.field_type == "national_code" and value and not submission.national_code:
            submission.national_code = value
        if field.field_type == "email" and value and not submission.email:
            submission.email = value
        if key in NAME_KEYS and value and not submission.name:
            submission.name = str(value)[:120]
        data[key] = _json_value(value) if value is not None else ""
    submission.data, submission.labels, submission.types = data, labels, types
    return store_new(submission, user=user, photo=photo)
