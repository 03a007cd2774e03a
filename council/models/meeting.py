"""A meeting of a neighbourhood council, one of its committees, or a coordination council, with who came.

A meeting belongs to one neighbourhood, or, for a province's coordination council or working group, to the
province: its resolutions then each name the neighbourhood they concern, and are followed there."""

import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal import jalali

from ..choices import AttendeeKind, Body


class MeetingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public=True)


class Meeting(ClusterableModel):
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage",
        verbose_name=_("محله"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    province = models.ForeignKey(
        "neighborhoods.ProvincePage",
        verbose_name=_("یا استان (شورای هماهنگی استان)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="council_meetings",
        help_text=_("برای جلسه شورای هماهنگی یا کارگروه استان که درباره چند محله تصمیم می‌گیرد."),
    )
    name = models.CharField(
        _("نام جلسه"),
        max_length=200,
        blank=True,
        help_text=_("اگر جلسه نام خود را دارد، مانند «ششمین جلسه کارگروه اجتماعی استان»؛ وگرنه از نوع جلسه ساخته می‌شود."),
    )
    body = models.CharField(_("جلسه"), max_length=16, choices=Body.choices, default=Body.COUNCIL)
    committee = models.ForeignKey(
        "neighborhoods.Committee",
        verbose_name=_("کمیته"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("برای جلسه یکی از کمیته‌های تخصصی شورا."),
    )
    held_at = models.DateTimeField(_("تاریخ و ساعت"))
    place_asset = models.ForeignKey(
        "directory.AssetPage",
        verbose_name=_("مکان (از ظرفیت‌های محله)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("مکان (نوشتاری)"), max_length=200, blank=True)
    agenda = models.TextField(_("دستور جلسه"), help_text=_("هر بند در یک سطر."))
    minutes = models.TextField(_("صورت‌جلسه"), blank=True)
    public = models.BooleanField(
        _("عمومی"),
        default=True,
        help_text=_("جلسه درونی و مصوبه‌های آن هیچ‌جا به عموم نشان داده نمی‌شود: نه در صفحه محله، نه در خوراک و خروجی‌ها."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    # Plain selects, not page choosers: the form limits them to the user's neighbourhoods (council/forms.py),
    # and a chooser would browse every neighbourhood of the country.
    panels = [
        FieldRowPanel(
            [
                FieldPanel("neighborhood", widget=forms.Select),
                FieldPanel("province", widget=forms.Select),
                FieldPanel("body"),
                FieldPanel("committee"),
            ]
        ),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("held_at"), FieldPanel("place_asset", widget=forms.Select), FieldPanel("place")]),
        FieldPanel("public"),
        FieldPanel("agenda"),
        InlinePanel("attendees", heading=_("حاضران"), label=_("حاضر")),
        InlinePanel("resolutions", heading=_("مصوبه‌ها"), label=_("مصوبه")),
        InlinePanel("attachments", heading=_("پیوست‌ها"), label=_("پیوست")),
        MultiFieldPanel([FieldPanel("minutes")], heading=_("صورت‌جلسه")),
    ]

    class Meta:
        ordering = ["-held_at", "-pk"]
        verbose_name = _("جلسه شورا")
        verbose_name_plural = _("جلسه‌های شورا")
        indexes = [models.Index(fields=["neighborhood", "-held_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(neighborhood__isnull=False, province__isnull=True)
                | models.Q(neighborhood__isnull=True, province__isnull=False),
                name="council_meeting_neighborhood_or_province",
            )
        ]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.neighborhood_id:
            # Its resolutions keep the meeting's neighbourhood on their rows (council.models.resolution); a
            # province's meeting leaves each resolution the neighbourhood it was given.
            self.resolutions.model.objects.filter(meeting=self).exclude(neighborhood_id=self.neighborhood_id).update(
                neighborhood_id=self.neighborhood_id
            )

    def __str__(self):
        return f"{self.title} — {jalali.format_date(self.held_at)}"

    @property
    def title(self):
        if self.name:
            return self.name
        if self.province_id:
            return str(_("جلسه شورای هماهنگی استان %(province)s")) % {"province": self.province.title}
        if self.body == Body.COMMITTEE and self.committee_id:
            return str(_("جلسه %(committee)s")) % {"committee": self.committee.name}
        return str(_("جلسه %(body)s")) % {"body": self.get_body_display()}

    @property
    def owner(self):
        """The page the meeting belongs to: its neighbourhood, or its province."""
        return self.province if self.province_id else self.neighborhood

    @property
    def office_label(self):
        """Who holds the meeting, as the printed minutes' letterhead says it."""
        if self.province_id:
            return str(_("شورای هماهنگی دفاتر تسهیلگری استان %(province)s")) % {"province": self.province.title}
        return str(_("شورای پیشرفت و دفتر تسهیلگری محله %(neighborhood)s")) % {"neighborhood": self.neighborhood.title}

    @property
    def public_label(self):
        return _("عمومی") if self.public else _("درونی")

    @property
    def held_label(self):
        return jalali.format_datetime(self.held_at)

    @property
    def place_label(self):
        return self.place_asset.title if self.place_asset_id else self.place

    def agenda_items(self):
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    def clean(self):
        if bool(self.neighborhood_id) == bool(self.province_id):
            raise ValidationError({"neighborhood": _("جلسه یا از یک محله است یا از شورای هماهنگی یک استان: یکی را برگزینید.")})
        if self.province_id and self.body != Body.COORDINATION:
            raise ValidationError({"body": _("جلسه استان فقط جلسه شورای هماهنگی است.")})
        if self.body == Body.COMMITTEE and not self.committee_id:
            raise ValidationError({"committee": _("کمیته‌ای را که جلسه داشت برگزینید.")})
        if self.body != Body.COMMITTEE:
            self.committee = None
        if not self.place_asset_id and not self.place.strip():
            raise ValidationError({"place": _("مکان جلسه را بنویسید یا از ظرفیت‌های محله برگزینید.")})


class Attendee(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    kind = models.CharField(_("حاضر به عنوان"), max_length=10, choices=AttendeeKind.choices, default=AttendeeKind.MEMBER)
    member = models.ForeignKey(
        "neighborhoods.CouncilMember",
        verbose_name=_("از اعضای شورا"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("نام"), max_length=120, blank=True)
    organization = models.CharField(_("نهاد یا سازمان"), max_length=160, blank=True)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("member"), FieldPanel("name"), FieldPanel("organization")])]

    class Meta(Orderable.Meta):
        verbose_name = _("حاضر")
        verbose_name_plural = _("حاضران")

    def __str__(self):
        return self.name

    def clean(self):
        if self.member_id:
            # The roster's name at the time of the meeting: the roster may change later.
            self.name = self.name or self.member.name
            self.kind = AttendeeKind.MEMBER
        if not self.name.strip():
            raise ValidationError({"name": _("نام حاضر را بنویسید یا از اعضای شورا برگزینید.")})


ATTACHMENT_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


def attachment_path(instance, filename):
    # A random name under media/private/, which no web server serves: the file is streamed to staff in scope
    # only (council/views/admin.py), since an internal meeting's papers must not be reachable by a link.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/council/{secrets.token_hex(12)}.{extension}"


def validate_attachment_size(file):
    if file.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(_("پیوست بیش از ۱۰ مگابایت است."))


class Attachment(Orderable):
    """A paper of the meeting (the invitation, a signed copy of the minutes, a map): for the office only."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("عنوان"), max_length=160)
    file = models.FileField(
        _("پرونده"),
        upload_to=attachment_path,
        validators=[FileExtensionValidator(ATTACHMENT_EXTENSIONS), validate_attachment_size],
        help_text=_("پی‌دی‌اف، ورد، اکسل، اُپن‌آفیس یا عکس؛ تا ۱۰ مگابایت. فقط کارکنان محله آن را می‌بینند."),
    )

    # A plain file input: the default one links to the file's media URL, which is never served.
    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("file", widget=forms.FileInput)])]

    class Meta(Orderable.Meta):
        verbose_name = _("پیوست")
        verbose_name_plural = _("پیوست‌ها")

    def __str__(self):
        return self.title
