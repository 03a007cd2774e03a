"""The one road every public form takes: participation forms (forms/submit.py), programme sign-up
(programmes/signup.py) and NGO applications (directory/apply.py).

Order matters, and it is the same for all three: cheap refusals first (an unreadable or too large
body, too many posts from one address), then whether the form takes posts at all, the honeypot and
the form token, then validation, the limit per mobile, and last one transaction that either stores
the whole submission with its history row and its notifications, or nothing. The form token makes a
form posted twice (double tap, resend after a slow network or a database cut) store one submission.

A form says only what is its own: how its form is built, how it is shown, what it stores. A rule
that belongs to every public form (consent, confidentiality, notifications) is written here once.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import limits

from .models import Submission, SubmissionEvent
from .notifications import submission_created

TOKEN_SALT = "participation.form-token"
TOKEN_MAX_AGE = 60 * 60 * 24  # a form left open for a day must be reloaded

HONEYPOT_FILLED = _("فرم ارسال نشد. اگر شما یک انسان هستید، صفحه را دوباره باز کنید و فرم را پر کنید.")
TOKEN_EXPIRED = _("زمان این فرم گذشته است. پاسخ‌ها را بازبینی کنید و دوباره بفرستید.")


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


def _limits_unavailable(request):
    return refusal(
        request, 503, gettext("سامانه موقتاً در دسترس نیست"), gettext("فرم اکنون پذیرفته نمی‌شود. چند دقیقه دیگر دوباره بفرستید.")
    )


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
        too_many = limits.exceeded(request, ip_group, "ip", settings.PARTICIPATION_RATE_PER_IP)
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
        too_many = mobile and limits.exceeded(
            request, group, lambda _group, _request: mobile, settings.PARTICIPATION_RATE_PER_MOBILE
        )
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


class Refused(Exception):
    """What a form's own rules refuse once the form is valid (a full programme, a second sign-up by the
    same mobile). The message is shown on the form; nothing has been stored."""

    def __init__(self, message, status=400, field=None, keep_token=False):
        super().__init__(message)
        self.message, self.status, self.field = message, status, field
        # A refusal the resident can mend by changing an answer keeps the same token, so the mended
        # form still stores at most one submission; any other gets a fresh one.
        self.keep_token = keep_token


def new_submission(page, *, token=None, source="online", came_through="", **fields):
    """A Submission of ``page`` with what every public form stores alike: where it belongs, the form's
    title, the token, where it came from, who sent the resident, and the page's confidentiality (a case
    of a confidential form or programme is confidential from the moment it exists)."""
    if "neighborhood" not in fields and "neighborhood_id" not in fields:
        fields["neighborhood"] = page.find_neighborhood()
    fields.setdefault("form_title", page.title)
    return Submission(
        page=page,
        form_token=token,
        source=source,
        came_through=came_through or "",
        confidential=getattr(page, "confidential", False),
        **fields,
    )


def store_new(submission, user=None, photo=None):
    """Save a new submission, its "created" history row and, once committed, its notifications — all
    or nothing, the photo's file included. Call inside a larger transaction to add rows of one's own."""
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


class PublicForm:
    """A public form's POST, from the raw request to the resident's landing page.

    Subclasses build, show and store their own form; ``handle`` is the same for all.
    """

    ip_group = "participation-ip"
    mobile_group = "participation-mobile"
    too_large_message = _("آنچه فرستاده شد بیش از اندازه مجاز است.")

    def __init__(self, page, request):
        self.page, self.request = page, request

    # What each form says for itself.

    @property
    def max_bytes(self):
        return settings.PARTICIPATION_MAX_REQUEST_BYTES

    def build_form(self, data, files=None):
        raise NotImplementedError

    def render_form(self, form, status):
        raise NotImplementedError

    def render_done(self, submission):
        raise NotImplementedError

    def store(self, form, token):
        """Store the valid form and return its Submission, or raise Refused; nothing stored on refusal."""
        raise NotImplementedError

    def mobile(self, form):
        return form.cleaned_data.get("mobile", "")

    def not_taking_posts(self):
        """A response when the form takes no posts now (a programme whose sign-up has closed)."""
        return None

    # The road, the same for every form.

    def stored(self, token):
        """The submission this token already stored on this page, if any."""
        return Submission.objects.filter(form_token=token, page=self.page).first()

    def handle(self):
        refused = refuse_early(self.request, self.max_bytes, self.too_large_message, ip_group=self.ip_group)
        if refused:
            return refused
        closed = self.not_taking_posts()
        if closed:
            return closed

        form = self.build_form(self.request.POST, self.request.FILES)
        if self.request.POST.get("website"):
            return self.refuse(form, HONEYPOT_FILLED)
        token = read_form_token(self.request.POST.get("form_token", ""))
        if token is None:
            return self.refuse(form, TOKEN_EXPIRED)
        existing = self.stored(token)
        if existing:
            return self.render_done(existing)
        if not form.is_valid():
            return self.render_form(form, status=400)
        refused = refuse_mobile(self.request, self.mobile(form), group=self.mobile_group)
        if refused:
            return refused

        try:
            submission = self.store(form, token)
        except Refused as refused:
            if refused.keep_token:
                form.add_error(refused.field, refused.message)
                return self.render_form(form, status=refused.status)
            return self.refuse(form, refused.message, status=refused.status, field=refused.field)
        except IntegrityError:
            # The same form arrived twice at once and the other request stored it; or the token was
            # carried over from another form, which it does not belong to.
            submission = self.stored(token)
            if submission is None:
                if Submission.objects.filter(form_token=token).exists():
                    return self.refuse(form, TOKEN_EXPIRED)
                raise
        return self.render_done(submission)

    def refuse(self, form, message, status=400, field=None):
        """The resident's answers again, with the message and a fresh token (the old one is spent or void)."""
        data = form.data.copy()
        data["form_token"] = new_form_token()
        data["website"] = ""
        fresh = self.build_form(data)  # a file is not sent back: the resident picks it again
        fresh.is_valid()
        fresh.add_error(field, message)
        return self.render_form(fresh, status=status)
