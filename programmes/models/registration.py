from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import Seat


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=[Seat.CONFIRMED, Seat.WAITLISTED])

    def waiting_in_order(self):
        return self.filter(state=Seat.WAITLISTED).order_by("created_at", "pk")


class Registration(models.Model):
    """A resident's place in a programme: confirmed, on the waitlist or cancelled.

    The resident's details, tracking code and the office's follow-up live on the inbox's Submission;
    this row holds the seat. The mobile is repeated here so the database itself refuses a second
    active sign-up by the same number, however many arrive at once.
    """

    submission = models.OneToOneField(
        "participation.Submission", verbose_name=_("پرونده"), on_delete=models.CASCADE, related_name="registration"
    )
    program = models.ForeignKey(
        "programmes.ProgramPage", verbose_name=_("برنامه"), on_delete=models.CASCADE, related_name="registrations"
    )
    mobile = models.CharField(_("همراه"), max_length=11)
    people = models.PositiveSmallIntegerField(_("شمار نفرات"), default=1)
    state = models.CharField(_("وضعیت جا"), max_length=12, choices=Seat.choices, db_index=True)
    created_at = models.DateTimeField(_("زمان ثبت‌نام"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("زمان قطعی شدن از فهرست انتظار"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("زمان لغو"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ثبت‌نام")
        verbose_name_plural = _("ثبت‌نام‌ها")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "mobile"],
                condition=Q(state__in=["confirmed", "waitlisted"]),
                name="one_active_registration_per_mobile",
            )
        ]
        indexes = [models.Index(fields=["program", "state", "created_at"])]

    def __str__(self):
        return f"{self.program_id}: {self.submission_id} ({self.get_state_display()})"

    @property
    def is_active(self):
        return self.state in (Seat.CONFIRMED, Seat.WAITLISTED)

    def waitlist_position(self):
        """1 for the first person waiting; None when not on the waitlist."""
        if self.state != Seat.WAITLISTED:
            return None
        ahead = Registration.objects.filter(program_id=self.program_id, state=Seat.WAITLISTED).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return ahead.count() + 1


class Attendance(models.Model):
    """Whether a confirmed registrant came to one session, as marked by staff."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="attendance")
    session = models.ForeignKey("programmes.ProgramSession", on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("حاضر"), default=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("حضور")
        verbose_name_plural = _("حضور و غیاب")
        constraints = [models.UniqueConstraint(fields=["registration", "session"], name="one_attendance_per_session")]
