import datetime
import re

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy as _

from portal import jalali
from portal.text import normalize

from .. import tracking
from .status import Status


class Kind(models.TextChoices):
    FORM = "form", _("فرم مشارکت")
    REGISTRATION = "registration", _("ثبت‌نام برنامه")
    NGO_APPLICATION = "ngo_application", _("درخواست سمن")
    DATA_REQUEST = "data_request", _("درخواست اصلاح یا پاک کردن داده‌ها")


class Source(models.TextChoices):
    ONLINE = "online", _("درگاه")
    SERVICE_DESK = "service_desk", _("میز خدمت")


class CameThrough(models.TextChoices):
    """Who sent the resident to the office: how outreach reaches people, counted in reports."""

    SELF = "self", _("خودم")
    MOSQUE = "mosque", _("امام جماعت مسجد")
    CENTRE = "centre", _("یک مرکز (بهداشت، بهزیستی، مدرسه …)")
    NGO = "ngo", _("یک سمن یا خیریه")
    OUTREACH = "outreach", _("کارکنان دفتر در محله")


class Consent(models.TextChoices):
    """How the resident agreed to their case being referred to an agency."""

    FORM = "form", _("در فرم")
    PHONE = "phone", _("تلفنی")
    IN_PERSON = "in_person", _("حضوری")


class Agency(models.TextChoices):
    MUNICIPALITY = "municipality", _("شهرداری")
    WELFARE = "welfare", _("بهزیستی")
    RELIEF = "relief", _("کمیته امداد")
    HEALTH = "health", _("مرکز بهداشت")
    POLICE = "police", _("انتظامی")
    EDUCATION = "education", _("آموزش و پرورش")
    OTHER = "other", _("دیگر")


class SubmissionQuerySet(models.QuerySet):
    def in_neighborhoods(self, neighborhoods):
        return self.filter(neighborhood__in=neighborhoods)

    def open(self):
        return self.filter(archived=False, status__is_closed=False)

    def search(self, text, readable=Q()):
        """Words of the answers, a tracking code as shown to residents (۱۲۳۴-۵۶۷۸), or a mobile
        in full, by its last digits or as masked in the listing (0912***4567). Only the cases matching
        ``readable`` are searched by their personal data (a confidential case is found by its code alone
        by a reader who sees it masked: a name typed in the box must not tell whether it is there)."""
        text = normalize(text)
        code = tracking.normalize(text)
        if len(code) == tracking.LENGTH and re.fullmatch(r"[0-9\s\-]+", text):
            return self.filter(tracking_code=code)
        masked = re.fullmatch(r"(09[0-9]{2})\*+([0-9]{4})", text.replace(" ", ""))
        if masked:
            return self.filter(readable, mobile__startswith=masked.group(1), mobile__endswith=masked.group(2))
        query = Q()
        for word in text.split():
            query &= (readable & (Q(search_text__icontains=word) | Q(mobile__endswith=word))) | Q(tracking_code=word)
        return self.filter(query)


class Submission(models.Model):
    """One thing a resident sent: a form, a programme sign-up or an NGO application."""

    kind = models.CharField(_("نوع"), max_length=20, choices=Kind.choices, default=Kind.FORM)
    source = models.CharField(_("راه ثبت"), max_length=20, choices=Source.choices, default=Source.ONLINE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("فرم"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage", verbose_name=_("محله"), on_delete=models.PROTECT, related_name="submissions"
    )
    form_title = models.CharField(_("عنوان فرم"), max_length=255)
    # {key: value} of the cleaned answers, and {key: label} as the form read when it was sent, so the
    # answers stay readable after staff edit the form.
    data = models.JSONField(_("پاسخ‌ها"), default=dict)
    labels = models.JSONField(_("عنوان پرسش‌ها"), default=dict)
    types = models.JSONField(_("نوع پرسش‌ها"), default=dict)

    name = models.CharField(_("نام"), max_length=120, blank=True)
    mobile = models.CharField(_("همراه"), max_length=11, blank=True, db_index=True)
    national_code = models.CharField(_("کد ملی"), max_length=10, blank=True)
    email = models.EmailField(_("رایانامه"), blank=True)
    latitude = models.DecimalField(_("عرض جغرافیایی"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("طول جغرافیایی"), max_digits=9, decimal_places=6, null=True, blank=True)
    photo = models.FileField(_("عکس"), upload_to="private/submissions/%Y/%m/", blank=True)

    tracking_code = models.CharField(_("کد رهگیری"), max_length=tracking.LENGTH, unique=True)
    # The token rendered into the form: the same form posted twice makes one submission.
    form_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    status = models.ForeignKey(Status, verbose_name=_("وضعیت"), on_delete=models.PROTECT, related_name="submissions")
    archived = models.BooleanField(_("بایگانی"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("مسئول پیگیری"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )
    private_notes = models.TextField(_("یادداشت داخلی"), blank=True)
    public_reply = models.TextField(_("پاسخ به شهروند"), blank=True)
    replied_at = models.DateTimeField(_("زمان پاسخ"), null=True, blank=True)
    referral_agency = models.CharField(_("ارجاع به"), max_length=20, choices=Agency.choices, blank=True)
    referral_date = models.DateField(_("تاریخ ارجاع"), null=True, blank=True)
    referral_outcome = models.TextField(_("نتیجه ارجاع"), blank=True)
    # No referral without the resident's consent (forms.admin_forms): given on the form, or taken by phone or
    # in person by a member of staff, who is recorded with the time.
    referral_consent = models.CharField(_("رضایت ارجاع"), max_length=12, choices=Consent.choices, blank=True)
    referral_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ثبت‌کننده رضایت"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    referral_consent_at = models.DateTimeField(_("زمان رضایت"), null=True, blank=True)
    came_through = models.CharField(_("معرفی‌کننده"), max_length=12, choices=CameThrough.choices, blank=True)
    confirmed = models.BooleanField(
        _("درستی گزارش تأیید شد"),
        default=False,
        help_text=_("فقط گزارش‌های تأییدشده در نقشه ایمنی عمومی شمرده می‌شوند."),
    )

    # Normalised text of the answers, for the inbox's search box.
    search_text = models.TextField(blank=True, editable=False)
    anonymised = models.BooleanField(_("بی‌نام‌شده"), default=False)
    # Copied from the form or programme when the case arrives (and set on every earlier case when a page
    # becomes confidential): personal data only for the neighbourhood's caseworkers (forms.confidential).
    confidential = models.BooleanField(_("محرمانه"), default=False)
    created_at = models.DateTimeField(_("زمان ثبت"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("آخرین تغییر"), auto_now=True)

    objects = SubmissionQuerySet.as_manager()
    # True on a copy masked for a reader who may not see its personal data (forms.confidential).
    masked = False

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("پرونده")
        verbose_name_plural = _("صندوق پرونده‌ها")
        indexes = [
            models.Index(fields=["neighborhood", "-created_at"]),
            models.Index(fields=["neighborhood", "status", "-created_at"]),
            # The inbox's tab counts over every neighbourhood (a superuser's, a province's) read this
            # index alone instead of the wide rows.
            models.Index(fields=["archived", "status"], name="submission_archived_status"),
        ]
        permissions = [
            ("read_confidential", _("خواندن داده‌های شخصی پرونده‌های محرمانه")),
            ("choose_caseworkers", _("گزینش مددکاران محله از میان کارکنان آن")),
        ]

    def __str__(self):
        return f"{self.form_title} — {tracking.display(self.tracking_code)}"

    @property
    def tracking_display(self):
        return tracking.display(self.tracking_code)

    @property
    def masked_mobile(self):
        return f"{self.mobile[:4]}***{self.mobile[-4:]}" if len(self.mobile) == 11 else ""

    @property
    def masked_national_code(self):
        return f"******{self.national_code[-4:]}" if self.national_code else ""

    def shown_answers(self):
        """{key: value shown to staff} in the order of the form; dates in Jalali."""
        shown = {}
        for key, value in self.data.items():
            if self.types.get(key) == "date" and value and not self.masked:
                value = jalali.format_date(datetime.date.fromisoformat(value))
            elif isinstance(value, list):
                value = gettext("، ").join(str(item) for item in value)
            elif isinstance(value, bool):
                value = gettext("بله") if value else gettext("خیر")
            shown[key] = value
        return shown

    def answers(self):
        """[(label, value shown to staff), …] in the order of the form; dates in Jalali."""
        return [(self.labels.get(key, key), value) for key, value in self.shown_answers().items()]

    def refresh_search_text(self):
        parts = [self.form_title, self.name, self.tracking_code, self.mobile]
        parts += [str(value) for value in self.data.values()]
        self.search_text = normalize(" ".join(part for part in parts if part))

    def save(self, *args, **kwargs):
        if getattr(self, "masked", False):
            # A masked copy holds placeholders where the resident's data was: saving it would erase them.
            raise ValueError("a masked submission is read-only")
        self.refresh_search_text()
        if self.status_id is None:
            self.status = Status.objects.initial()
        if self.tracking_code:
            return super().save(*args, **kwargs)
        # A fresh random code; on the rare collision draw again.
        for _attempt in range(10):
            self.tracking_code = tracking.new_code()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if Submission.objects.filter(tracking_code=self.tracking_code).exists():
                    self.tracking_code = ""
                    continue
                raise
        raise IntegrityError("no free tracking code after 10 attempts")
