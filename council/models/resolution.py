"""A council's resolution (مصوبه): what was decided, who is responsible, by when, and how far it got.

"Overdue" is worked out, never typed: a resolution still open or in progress is overdue from the first
moment of the day after its due date in Tehran (due on a day means by 23:59 of that day)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal import jalali

from ..choices import PENDING, Status


OVERDUE = _("گذشته از مهلت")
PROPOSED = _("پیشنهاد دستگاه: %(status)s")


def today_in_tehran():
    return timezone.localdate(timezone.now(), timezone=timezone.get_default_timezone())


def overdue_q(today=None):
    """Q for resolutions still awaiting action or in progress whose due date has passed in Tehran: the one
    definition of "overdue" that lists, counts, filters and the API all use."""
    return Q(status__in=PENDING, due_date__lt=today or today_in_tehran())


class ResolutionQuerySet(models.QuerySet):
    def public(self):
        """What any reader may see: public resolutions of public meetings."""
        return self.filter(public=True, meeting__public=True)

    def overdue(self, today=None):
        return self.filter(overdue_q(today))

    def with_status(self, status, today=None):
        """Filtered by a status of Status, or "overdue"; unfiltered for anything else (an empty or unknown choice)."""
        if status == "overdue":
            return self.overdue(today)
        if status in Status.values:
            return self.filter(status=status)
        return self

    def pending(self):
        return self.filter(status__in=PENDING)


class Resolution(ClusterableModel):
    meeting = ParentalKey("council.Meeting", verbose_name=_("جلسه"), on_delete=models.CASCADE, related_name="resolutions")
    # The meeting's, kept on the row so lists and counts per neighbourhood need no join; for a province's
    # meeting, the neighbourhood the resolution concerns, chosen on the meeting's screen (council/forms.py).
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage",
        verbose_name=_("محله مربوط (در جلسه استان)"),
        on_delete=models.CASCADE,
        related_name="resolutions",
        blank=True,
    )
    sort_order = models.IntegerField(null=True, blank=True, editable=False)
    text = models.TextField(_("متن مصوبه"))
    agency = models.ForeignKey(
        "council.Agency", verbose_name=_("دستگاه مسئول"), null=True, blank=True, on_delete=models.PROTECT, related_name="resolutions"
    )
    organization = models.ForeignKey(
        "directory.OrganizationPage",
        verbose_name=_("یا سازمان مسئول (از فهرست سمن‌ها)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
    )
    due_date = models.DateField(_("مهلت انجام"), null=True, blank=True)
    status = models.CharField(_("وضعیت"), max_length=12, choices=Status.choices, default=Status.OPEN)
    reason = models.TextField(_("دلیل انجام نشدن"), blank=True)
    public = models.BooleanField(_("عمومی"), default=True)
    cases = models.ManyToManyField(
        "participation.Submission", verbose_name=_("پرونده‌های مرتبط"), blank=True, related_name="resolutions"
    )
    programmes = models.ManyToManyField(
        "programmes.ProgramPage", verbose_name=_("برنامه‌های مرتبط"), blank=True, related_name="resolutions"
    )
    assets = models.ManyToManyField("directory.AssetPage", verbose_name=_("ظرفیت‌های مرتبط"), blank=True, related_name="resolutions")
    # What an agency's login proposes (council/views/agency.py); the office confirms it on its screen.
    proposed_status = models.CharField(
        _("وضعیت پیشنهادی دستگاه"), max_length=12, choices=Status.choices, blank=True, editable=False
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    proposed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When it was marked done or not done (the monthly figures count what closed in a month).
    closed_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    # When the responsible body was reminded of the coming due date (council/reminders.py); once per due date.
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResolutionQuerySet.as_manager()

    # In the meeting's screen: what is decided there and then.
    panels = [
        FieldPanel("text"),
        FieldPanel("neighborhood", widget=forms.Select),
        FieldRowPanel([FieldPanel("agency"), FieldPanel("organization", widget=forms.Select), FieldPanel("due_date")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("public")]),
    ]
    # In its own screen: how it is followed.
    edit_panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("agency"), FieldPanel("organization", widget=forms.Select), FieldPanel("due_date")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("public")]),
        FieldPanel("reason"),
        FieldPanel("accept_proposal"),
        InlinePanel("notes", heading=_("گزارش‌های پیشرفت"), label=_("گزارش پیشرفت")),
        MultiFieldPanel(
            [FieldPanel("case_codes"), FieldPanel("programmes"), FieldPanel("assets")], heading=_("پیوندها")
        ),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("مصوبه")
        verbose_name_plural = _("مصوبه‌ها")
        indexes = [
            models.Index(fields=["neighborhood", "status", "due_date"]),
            models.Index(fields=["agency", "status", "due_date"]),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @classmethod
    def from_db(cls, db, field_names, values):
        found = super().from_db(db, field_names, values)
        # Where it was: a resolution moved to another neighbourhood makes both pages stale (council/signals.py).
        found.loaded_neighborhood_id = found.__dict__.get("neighborhood_id")
        return found

    def save(self, *args, **kwargs):
        if self.meeting.neighborhood_id:
            self.neighborhood_id = self.meeting.neighborhood_id
        if self.status in PENDING:
            self.closed_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | {"closed_at"}
        super().save(*args, **kwargs)

    def clean(self):
        if self.agency_id is None and self.organization_id is None:
            raise ValidationError({"agency": _("دستگاه یا سازمان مسئول انجام مصوبه را برگزینید.")})
        if self.status == Status.NOT_DONE and not self.reason.strip():
            raise ValidationError({"reason": _("بنویسید چرا این مصوبه انجام نشد.")})

    @property
    def responsible(self):
        if self.agency_id:
            return self.agency.name
        return self.organization.title if self.organization_id else ""

    @property
    def due_label(self):
        return jalali.format_date(self.due_date) if self.due_date else "—"

    @property
    def status_label(self):
        label = self.get_status_display()
        if self.is_overdue():
            label = f"{label} — {OVERDUE}"
        if self.proposed_status:
            label = f"{label} ({PROPOSED % {'status': self.get_proposed_status_display()}})"
        return label

    # Shapes for the open data (council/api.py).

    @property
    def neighborhood_for_api(self):
        return {"id": self.neighborhood_id, "title": self.neighborhood.title}

    @property
    def meeting_for_api(self):
        return {"title": self.meeting.title, "held_at": self.meeting.held_at.isoformat(), "public": self.meeting.public}

    @property
    def agency_slug(self):
        return self.agency.slug if self.agency_id else None

    @property
    def progress_for_api(self):
        return [{"date": note.date.isoformat(), "text": note.text} for note in self.notes.all()]

    def is_overdue(self, today=None):
        return self.status in PENDING and self.due_date is not None and self.due_date < (today or today_in_tehran())


class ProgressNote(Orderable):
    resolution = ParentalKey(Resolution, on_delete=models.CASCADE, related_name="notes")
    date = models.DateField(_("تاریخ"), default=today_in_tehran)
    text = models.TextField(_("گزارش"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["date", "sort_order", "pk"]
        verbose_name = _("گزارش پیشرفت")
        verbose_name_plural = _("گزارش‌های پیشرفت")

    def __str__(self):
        return self.text[:80]
