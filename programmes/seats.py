"""Seats: who gets one, who waits, and who moves up when someone leaves.

Every change to a programme's seats happens inside one transaction that first locks the programme's
row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite runs such transactions one at a time, see the
database settings). Counting and deciding under that lock is what keeps confirmed seats at or below
the capacity whatever the concurrency; the partial unique index on (programme, mobile) refuses a second
active sign-up by the same number even when both arrive at once.
"""

from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy as _, ngettext
from wagtail.models import Page

from forms.models import Status, Submission, SubmissionEvent
from forms.models.submission import Kind as SubmissionKind
from forms.notifications import notify_resident
from forms.pipeline import new_submission, store_new

from portal.caching import invalidation
from portal.digits import format_number

from .choices import Seat
from .models import ProgramPage, Registration


class SignupRefused(Exception):
    """A sign-up that cannot be taken; the message is Persian and shown to the resident."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


ALREADY_SIGNED_UP = _(
    "با این شماره همراه پیش‌تر در این برنامه ثبت‌نام شده است. برای دیدن وضعیت آن از کد رهگیری‌تان استفاده کنید."
)
FULL = _("ظرفیت این برنامه و فهرست انتظار آن تکمیل است.")
CLOSED = _("ثبت‌نام این برنامه اکنون باز نیست.")
CANCELLED_STATUS = "cancelled"  # created by programmes/migrations/0002


@dataclass
class Signup:
    name: str
    mobile: str
    people: int = 1
    national_code: str = ""
    came_through: str = ""


def _lock(program_id):
    """Lock the programme for the rest of the transaction (a no-op on SQLite, which serialises writers)."""
    list(Page.objects.select_for_update().filter(pk=program_id).values_list("pk", flat=True))


def _sum_people(program_id, state):
    return (
        Registration.objects.filter(program_id=program_id, state=state).aggregate(total=Sum("people"))["total"] or 0
    )


def _listings_changed(program):
    """Kept listings show whether a programme is open or full: when that changes, it changes for the
    caches as a publish would."""
    invalidation.changed(program)


def _notify(submission, text):
    transaction.on_commit(partial(notify_resident.enqueue, submission.pk, text))


def register(program, signup, token=None, user=None, source="online"):
    """Take a seat (or a waitlist place) for ``signup``; returns the Registration or raises SignupRefused.

    Nothing is stored when it is refused.
    """
    if not program.signup_is_open():
        raise SignupRefused(CLOSED, "closed")
    if not 1 <= signup.people <= program.max_people_per_signup:
        raise SignupRefused(too_many_people(program.max_people_per_signup), "people")
    try:
        with transaction.atomic():
            _lock(program.pk)
            if Registration.objects.active().filter(program=program, mobile=signup.mobile).exists():
                raise SignupRefused(ALREADY_SIGNED_UP, "duplicate")
            confirmed = _sum_people(program.pk, Seat.CONFIRMED)
            waiting = _sum_people(program.pk, Seat.WAITLISTED)
            if program.capacity is None or confirmed + signup.people <= program.capacity:
                state = Seat.CONFIRMED
            elif waiting + signup.people <= program.waitlist_capacity:
                state = Seat.WAITLISTED
            else:
                raise SignupRefused(FULL, "full")
            submission = store_new(_new_submission(program, signup, token, source), user=user)
            registration = Registration.objects.create(
                submission=submission, program=program, mobile=signup.mobile, people=signup.people, state=state
            )
            _notify(submission, signup_message(registration))
            if state == Seat.CONFIRMED and program.capacity is not None and confirmed + signup.people >= program.capacity:
                _listings_changed(program)  # it just became full
    except IntegrityError as error:
        # Both rows above are unique on something a second, simultaneous request can also hold: the
        # mobile's active sign-up, or the form token. The caller handles the token; this is the mobile.
        if Registration.objects.active().filter(program=program, mobile=signup.mobile).exists() and not (
            token and Submission.objects.filter(form_token=token).exists()
        ):
            raise SignupRefused(ALREADY_SIGNED_UP, "duplicate") from error
        raise
    return registration


def _new_submission(program, signup, token, source):
    data = {"name": signup.name, "mobile": signup.mobile, "people": signup.people}
    labels = {"name": "نام و نام خانوادگی", "mobile": "شماره همراه", "people": "شمار نفرات"}
    types = {"name": "singleline", "mobile": "mobile", "people": "number"}
    if signup.national_code:
        data["national_code"] = signup.national_code
        labels["national_code"] = "کد ملی"
        types["national_code"] = "national_code"
    return new_submission(
        program,
        kind=SubmissionKind.REGISTRATION,
        token=token,
        source=source,
        came_through=signup.came_through,
        neighborhood_id=program.neighborhood_id,
        name=signup.name[:120],
        mobile=signup.mobile,
        national_code=signup.national_code,
        data=data,
        labels=labels,
        types=types,
    )


def cancel(registration, user=None, by_resident=True):
    """Cancel a sign-up and give freed seats to the waitlist; returns the registrations promoted."""
    with transaction.atomic():
        _lock(registration.program_id)
        registration = Registration.objects.select_related("submission__status", "program").get(pk=registration.pk)
        if not registration.is_active:
            return []
        was_confirmed = registration.state == Seat.CONFIRMED
        program = registration.program
        was_full = program.capacity is not None and _sum_people(program.pk, Seat.CONFIRMED) >= program.capacity
        registration.state = Seat.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["state", "cancelled_at"])
        submission = registration.submission
        before = submission.status.name
        submission.status = Status.objects.filter(slug=CANCELLED_STATUS).first() or submission.status
        submission.save(update_fields=["status", "updated_at"])
        SubmissionEvent.objects.create(
            submission=submission,
            user=user,
            action=SubmissionEvent.Action.CHANGED,
            changes={
                "ثبت‌نام": ["فعال", "لغو به درخواست شهروند" if by_resident else "لغو به دست دفتر"],
                "status": [before, submission.status.name],
            },
        )
        promoted = promote(program) if was_confirmed else []
        if was_full and was_confirmed and _sum_people(program.pk, Seat.CONFIRMED) < program.capacity:
            _listings_changed(program)  # a seat is free again
        return promoted


def promote(program):
    """Confirm people from the head of the waitlist while their whole group fits in the free seats.

    The waitlist is served in order: when the first group does not fit, nobody behind it jumps ahead.
    Call inside a transaction that holds the programme's lock, or let this take it.
    """
    with transaction.atomic():
        _lock(program.pk)
        program = ProgramPage.objects.get(pk=program.pk)
        if program.capacity is None:
            free = None
        else:
            free = program.capacity - _sum_people(program.pk, Seat.CONFIRMED)
        promoted = []
        for registration in Registration.objects.filter(program=program).waiting_in_order().select_related("submission"):
            if free is not None and registration.people > free:
                break
            registration.state = Seat.CONFIRMED
            registration.promoted_at = timezone.now()
            registration.save(update_fields=["state", "promoted_at"])
            SubmissionEvent.objects.create(
                submission=registration.submission,
                action=SubmissionEvent.Action.CHANGED,
                changes={"ثبت‌نام": ["فهرست انتظار", "قطعی"]},
            )
            _notify(registration.submission, promoted_message(registration, program))
            promoted.append(registration)
            if free is not None:
                free -= registration.people
        return promoted


def too_many_people(limit):
    return ngettext(
        "در هر ثبت‌نام دست‌کم یک و دست‌بالا %(limit)s نفر پذیرفته می‌شود.",
        "در هر ثبت‌نام دست‌کم یک و دست‌بالا %(limit)s نفر پذیرفته می‌شود.",
        limit,
    ) % {"limit": format_number(limit)}


def signup_message(registration):
    """The SMS after signing up, in the language of the page the resident signed up on."""
    program, code = registration.program, registration.submission.tracking_display
    values = {"title": program.title, "code": code}
    if registration.state == Seat.CONFIRMED:
        return gettext("ثبت‌نام شما در «%(title)s» قطعی شد. کد رهگیری: %(code)s") % values
    return (
        gettext(
            "ظرفیت «%(title)s» پر است و شما در فهرست انتظار هستید. اگر جایی باز شود خبرتان می‌کنیم. کد رهگیری: %(code)s"
        )
        % values
    )


def promoted_message(registration, program):
    """The SMS to someone moved up from the waitlist. Whoever freed the seat (another resident, staff)
    may be reading another language, and the registration does not keep the resident's: the portal's
    default language, then."""
    code = registration.submission.tracking_display
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("جایی در «%(title)s» باز شد و ثبت‌نام شما قطعی است. کد رهگیری: %(code)s") % {
            "title": program.title,
            "code": code,
        }
