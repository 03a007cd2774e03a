"""What happens when a resident sends a participation form.

Order matters: cheap refusals first (size, rate, honeypot, token), then validation, then one
transaction that either stores the whole submission or nothing. The form token makes a form that is
posted twice (double tap, resend after a slow network) store one submission.
"""

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import limits

from .models import Submission, SubmissionEvent
from .models.submission import Consent
from .notifications import submission_created

TOKEN_SALT = "participation.form-token"
TOKEN_MAX_AGE = 60 * 60 * 24  # a form left open for a day must be reloaded
RESERVED_FIELDS = {"website", "form_token", "came_through", "referral_consent"}
NAME_KEYS = {"name", "full_name"}


def new_form_token():
    return signing.dumps(secrets.token_hex(16), salt=TOKEN_SALT)


def read_form_token(token):
    try:
        return signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None


def refusal(request, status, title, message):
    """A page for a refused request (too large, too fast, expired), in the active language."""
    html = render_to_string("participation/refused.html", {"title": title, "message": message, "back_url": request.path}, request=request)
    response = HttpResponse(html, status=status)
    if status == 429:
        response["Retry-After"] = "600"
    return response


def _too_many(request, group, key, rate):
    return limits.exceeded(request, group, key, rate)


def _limits_unavailable(request):
    return refusal(
        request, 503, gettext("سامانه موقتاً در دسترس نیست"), gettext("فرم اکنون پذیرفته نمی‌شود. چند دقیقه دیگر دوباره بفرستید.")
    )


HONEYPOT_FILLED = _("فرم ارسال نشد. اگر شما یک انسان هستید، صفحه را دوباره باز کنید و فرم را پر کنید.")
TOKEN_EXPIRED = _("زمان این فرم گذشته است. پاسخ‌ها را بازبینی کنید و دوباره بفرستید.")


def refuse_early(request, max_bytes, too_large_message, ip_group="participation-ip"):
    """The cheap refusals every public form shares, before its form is even built: a body whose size is
    unreadable (400) or too large (413), and too many posts from this address (429). None to go on."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return refusal(
            request, 400, gettext("درخواست نادرست"), gettext("اندازه فرم فرستاده‌شده خوانا نیست. صفحه را دوباره باز کنید و بفرستید.")
        )
    if length > max_bytes:
        return refusal(request, 413, gettext("حجم فرم زیاد است"), too_large_message)
    try:
        too_many = _too_many(request, ip_group, "ip", settings.PARTICIPATION_RATE_PER_IP)
    except limits.LimitsUnavailable:
        return _limits_unavailable(request)
    if too_many:
        return refusal(
            request,
            429,
            gettext("درخواست‌ها زیاد است"),
            gettext("از این نشانی در مدت کوتاهی فرم‌های زیادی رسیده است. چند دقیقه دیگر دوباره تلاش کنید."),
        )
    return None


def refuse_mobile(request, mobile, group="participation-mobile"):
    """429 when this mobile has sent too many forms lately (counted once the form is valid); None to go on."""
    try:
        too_many = mobile and _too_many(request, group, lambda _group, _request: mobile, settings.PARTICIPATION_RATE_PER_MOBILE)
    except limits.LimitsUnavailable:
        return _limits_unavailable(request)
    if too_many:
        return refusal(
            request,
            429,
            gettext("درخواست‌ها زیاد است"),
            gettext("با این شماره همراه در مدت کوتاهی فرم‌های زیادی فرستاده شده است. کمی بعد دوباره تلاش کنید."),
        )
    return None


def handle_post(page, request):
    refused = refuse_early(
        request,
        settings.PARTICIPATION_MAX_REQUEST_BYTES,
        gettext("مجموع پاسخ‌ها و عکس‌ها بیش از اندازه مجاز است. عکس کوچک‌تری بفرستید."),
    )
    if refused:
        return refused

    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    if request.POST.get("website"):
        form.add_error(None, HONEYPOT_FILLED)
        return page.render_form(request, _with_fresh_token(page, form), status=400)

    token = read_form_token(request.POST.get("form_token", ""))
    if token is None:
        form.add_error(None, TOKEN_EXPIRED)
        return page.render_form(request, _with_fresh_token(page, form), status=400)

    existing = Submission.objects.filter(form_token=token).first()
    if existing:
        return page.render_landing_page(request, existing)

    if not form.is_valid():
        return page.render_form(request, form, status=400)

    refused = refuse_mobile(request, _first_of_type(page, form, "mobile"))
    if refused:
        return refused

    try:
        submission = create_submission(page, form, token=token)
    except IntegrityError:
        # The same form arrived twice at once: the other request stored it.
        submission = Submission.objects.filter(form_token=token).first()
        if submission is None:
            raise
    return page.render_landing_page(request, submission)


def _with_fresh_token(page, form):
    data = form.data.copy()
    data["form_token"] = new_form_token()
    data["website"] = ""
    fresh = page.get_form(data, page=page)
    fresh.is_valid()
    for error in form.non_field_errors():
        fresh.add_error(None, error)
    return fresh


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
    """Store a valid form as one Submission, its history row and its notifications — or nothing."""
    neighborhood = page.find_neighborhood()
    submission = Submission(
        kind="form",
        source=source,
        page=page,
        neighborhood=neighborhood,
        form_title=page.title,
        form_token=token,
        confidential=page.confidential,
        came_through=form.cleaned_data.get("came_through") or "",
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
    try:
        with transaction.atomic():
            if photo:
                # A random name: the file must not be guessable from the tracking code or the date.
                submission.photo.save(f"{secrets.token_hex(12)}{photo.name[-4:]}", photo, save=False)
            submission.save()
            SubmissionEvent.objects.create(submission=submission, user=user, action=SubmissionEvent.Action.CREATED)
            transaction.on_commit(lambda: submission_created(submission.pk))
    except Exception:
        if submission.photo:
            submission.photo.delete(save=False)  # no file without its row
        raise
    return submission
