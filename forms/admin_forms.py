"""Forms of the staff inbox: editing one submission, and acting on several at once."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.models import Page

from portal.digits import to_latin_digits, to_persian_digits
from portal.fields import JalaliDateField

from .filters import UserChoiceField
from .models import Status, Submission
from .models.submission import Agency, Consent

REPLY_MAX = 2000
NOTES_MAX = 10000


def _ancestor_paths(neighborhoods):
    """The tree paths of the neighbourhoods and of every page above them."""
    steplen = Page.steplen
    paths = set()
    for neighborhood in neighborhoods:
        path = neighborhood.path
        paths.update(path[:end] for end in range(steplen, len(path) + 1, steplen))
    return paths


def users_working_in(neighborhoods):
    """Active users who may work the inbox of any of these neighbourhoods.

    The mirror of ``scope.neighborhoods_for``: a user works in a neighbourhood when one of their groups
    may edit pages at the neighbourhood or above it (its staff, its province's coordinators), or when
    they are a superuser. Nobody else is offered as an assignee.
    """
    paths = _ancestor_paths(neighborhoods)
    works_here = Q(is_superuser=True)
    if paths:
        works_here |= Q(
            groups__page_permissions__permission__codename="change_page",
            groups__page_permissions__page__path__in=paths,
        )
    User = get_user_model()
    ids = User.objects.filter(is_active=True).filter(works_here).values("pk")
    return User.objects.filter(pk__in=ids).order_by("first_name", "last_name", "username")


class SubmissionEditForm(forms.ModelForm):
    referral_date = JalaliDateField(label=_("تاریخ ارجاع"), required=False)
    consent_taken = forms.ChoiceField(
        label=_("رضایت ارجاع را اکنون گرفتم"),
        choices=[("", _("نه")), (Consent.PHONE, _("تلفنی")), (Consent.IN_PERSON, _("حضوری"))],
        required=False,
        help_text=_("بدون رضایت شهروند، پرونده به هیچ نهادی ارجاع نمی‌شود. نام شما و زمان ثبت رضایت نگه داشته می‌شود."),
        error_messages={"invalid_choice": _("یکی از گزینه‌ها را برگزینید.")},
    )

    class Meta:
        model = Submission
        fields = [
            "status",
            "assignee",
            "archived",
            "public_reply",
            "private_notes",
            "referral_agency",
            "referral_date",
            "referral_outcome",
            "confirmed",
        ]
        widgets = {
            "public_reply": forms.Textarea(attrs={"rows": 4}),
            "private_notes": forms.Textarea(attrs={"rows": 4}),
            "referral_outcome": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "public_reply": _("شهروند این پاسخ را با کد رهگیری می‌بیند و با پیامک یا رایانامه از آن آگاه می‌شود."),
            "private_notes": _("فقط کارکنان این یادداشت را می‌بینند."),
            "status": _("با تغییر وضعیت، به شهروند پیامک یا رایانامه فرستاده می‌شود."),
        }

    # What the office writes about a case: a reader who sees the case masked neither reads nor rewrites it.
    PERSONAL_FIELDS = ("public_reply", "private_notes", "referral_outcome")

    def __init__(self, *args, masked=False, **kwargs):
        super().__init__(*args, **kwargs)
        submission = self.instance
        status = self.fields["status"]
        status.queryset = Status.objects.all()
        status.empty_label = None
        status.error_messages["invalid_choice"] = gettext("این وضعیت وجود ندارد.")
        candidates = users_working_in([submission.neighborhood])
        if submission.assignee_id:
            # Whoever holds the case now stays a valid choice, even if they moved on.
            candidates = get_user_model().objects.filter(
                Q(pk__in=candidates.values("pk")) | Q(pk=submission.assignee_id)
            ).order_by("first_name", "last_name", "username")
        assignee = UserChoiceField(
            label=gettext("مسئول پیگیری"),
            queryset=candidates,
            required=False,
            empty_label=gettext("بدون مسئول"),
            error_messages={"invalid_choice": gettext("این کاربر در این محله کار نمی‌کند.")},
        )
        self.fields["assignee"] = assignee
        for name, limit in (("public_reply", REPLY_MAX), ("private_notes", NOTES_MAX), ("referral_outcome", NOTES_MAX)):
            self.fields[name].validators.append(
                MaxLengthValidator(limit, message=gettext("این متن نباید بیش از %(limit)s نویسه باشد.") % {"limit": to_persian_digits(limit)})
            )
            self.fields[name].widget.attrs["maxlength"] = str(limit)
        self.fields["referral_agency"].choices = [("", gettext("بدون ارجاع")), *Agency.choices]
        if masked:
            for name in self.PERSONAL_FIELDS:
                del self.fields[name]
        if submission.kind != "form":
            del self.fields["confirmed"]  # a sign-up or an application is not a report to confirm
        self.had_consent = bool(submission.referral_consent)
        if self.had_consent:
            del self.fields["consent_taken"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("referral_date") and not cleaned.get("referral_agency"):
            self.add_error("referral_agency", gettext("برای تاریخ ارجاع، نهاد ارجاع‌گیرنده را هم انتخاب کنید."))
        referring = cleaned.get("referral_agency") and cleaned.get("referral_agency") != self.initial.get("referral_agency")
        if referring and not self.had_consent and not cleaned.get("consent_taken"):
            self.add_error(
                "referral_agency",
                gettext(
                    "شهروند به ارجاع رضایت نداده است. اگر تلفنی یا حضوری رضایت گرفته‌اید، آن را در «رضایت ارجاع را "
                    "اکنون گرفتم» ثبت کنید؛ وگرنه پرونده ارجاع نمی‌شود."
                ),
            )
        return cleaned

    def record_consent(self, user, now):
        """Write the consent staff took just now onto the case (saved with it)."""
        taken = self.cleaned_data.get("consent_taken")
        if taken:
            self.instance.referral_consent = taken
            self.instance.referral_consent_by = user
            self.instance.referral_consent_at = now


class IdListField(forms.Field):
    """The ids of the checked rows; any digits, any number of them."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("هیچ پرونده‌ای انتخاب نشده است."),
        "invalid": _("شناسه پرونده نادرست است."),
    }

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        ids = []
        for item in value:
            try:
                ids.append(int(to_latin_digits(item).strip()))
            except (TypeError, ValueError):
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return ids


class BulkActionForm(forms.Form):
    ASSIGN, STATUS, ARCHIVE, UNARCHIVE = "assign", "status", "archive", "unarchive"
    ACTIONS = [
        (ASSIGN, _("واگذاری به مسئول پیگیری")),
        (STATUS, _("تغییر وضعیت")),
        (ARCHIVE, _("بایگانی")),
        (UNARCHIVE, _("بیرون آوردن از بایگانی")),
    ]

    ids = IdListField()
    action = forms.ChoiceField(
        label=_("کار گروهی"),
        choices=[("", _("یک کار را انتخاب کنید"))] + ACTIONS,
        error_messages={"required": _("کار گروهی را انتخاب کنید."), "invalid_choice": _("این کار شناخته نیست.")},
    )
    assignee = UserChoiceField(
        label=_("مسئول پیگیری"),
        queryset=None,
        required=False,
        empty_label="—",
        error_messages={"invalid_choice": _("این کاربر در محله‌های شما کار نمی‌کند.")},
    )
    status = forms.ModelChoiceField(
        label=_("وضعیت"),
        queryset=None,
        required=False,
        empty_label="—",
        error_messages={"invalid_choice": _("این وضعیت وجود ندارد.")},
    )

    def __init__(self, *args, neighborhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users_working_in(neighborhoods)
        self.fields["status"].queryset = Status.objects.all()

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == self.ASSIGN and not cleaned.get("assignee"):
            self.add_error("assignee", gettext("مسئول پیگیری را انتخاب کنید."))
        if action == self.STATUS and not cleaned.get("status"):
            self.add_error("status", gettext("وضعیت تازه را انتخاب کنید."))
        return cleaned
