"""The form builder behind ParticipationFormPage: Wagtail's, with Iranian field types and Persian
limits. Gregorian date fields are replaced by Jalali ones."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from neighborhoods.scopes import area
from portal.caching.store import cached
from portal.fields import JalaliDateField

from .fields import LocationField, LocationWidget, MobileField, NationalCodeField, PersianIntegerField, PhotoField
from .models.submission import CameThrough

FIELD_TYPES = (
    ("singleline", _("متن یک‌خطی")),
    ("multiline", _("متن چندخطی")),
    ("email", _("رایانامه")),
    ("number", _("عدد")),
    ("mobile", _("شماره همراه")),
    ("national_code", _("کد ملی")),
    ("date", _("تاریخ (شمسی)")),
    ("dropdown", _("فهرست کشویی")),
    ("radio", _("گزینه‌های تک‌انتخابی")),
    ("checkboxes", _("گزینه‌های چندانتخابی")),
    ("checkbox", _("تیک تأیید")),
    ("scale", _("امتیاز ۱ تا ۵")),
    ("photo", _("عکس")),
    ("location", _("موقعیت روی نقشه")),
)

MULTILINE_MAX = 4000
SCALE = [(str(value), str(value)) for value in range(1, 6)]


def came_through_field():
    return forms.ChoiceField(
        label=_("چه کسی شما را به دفتر راهنمایی کرد؟"),
        choices=[("", _("نمی‌خواهم بگویم"))] + CameThrough.choices,
        required=False,
        error_messages={"invalid_choice": _("یکی از گزینه‌ها را برگزینید.")},
    )


class ParticipationBaseForm(BaseForm):
    """Adds to every built form, after its questions: who sent the resident, their consent to a referral;
    and the honeypot and the double-submit token."""

    # Hidden from people by CSS and aria-hidden; bots that fill every input fill this one.
    website = forms.CharField(required=False, label=_("وب‌سایت"), max_length=200)
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=200)
    came_through = came_through_field()
    referral_consent = forms.BooleanField(
        label=_(
            "اجازه می‌دهم اگر لازم شد، دفتر تسهیلگری پرونده‌ام را به نهاد مربوط (مانند بهزیستی، کمیته امداد یا مرکز "
            "بهداشت) ارجاع دهد."
        ),
        help_text=_("بدون این اجازه، پرونده شما به هیچ نهادی سپرده نمی‌شود مگر آنکه دفتر تلفنی از شما بپرسد."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # The office's own questions first, then who sent the resident and their consent.
        for name in ("came_through", "referral_consent", "website", "form_token"):
            self.fields[name] = self.fields.pop(name)

    def open_maps_on_the_office(self, request):
        """The maps of the location questions open on the neighbourhood's office. Its point is kept in the
        shared cache while the neighbourhood's scope stands, so a form page read again costs no query for it;
        it is read only when the form is drawn."""
        if self.page is None:
            return
        page = self.page

        def centre():
            found = cached(request, "office-point", [page.path], lambda: office_point(page) or (), depends=[area(page)])
            return found or None

        for field in self.fields.values():
            if isinstance(field.widget, LocationWidget):
                field.widget.find_centre = centre


def office_point(page):
    """(latitude, longitude) of the office of the neighbourhood ``page`` belongs to, or None."""
    neighborhood = page.find_neighborhood()
    if neighborhood is None or not neighborhood.has_location:
        return None
    return neighborhood.latitude, neighborhood.longitude


# The names the public form adds after the office's questions: a question may not take one of them
# (forms/page_form.py refuses it), or it would silently replace the honeypot, the token or the consent.
RESERVED_FIELDS = frozenset(ParticipationBaseForm.base_fields)


class ParticipationFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=255, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=MULTILINE_MAX, **options)

    def create_email_field(self, field, options):
        return forms.EmailField(max_length=254, **options)

    def create_number_field(self, field, options):
        return PersianIntegerField(min_value=0, max_value=10**9, **options)

    def create_mobile_field(self, field, options):
        return MobileField(**options)

    def create_national_code_field(self, field, options):
        return NationalCodeField(**options)

    def create_date_field(self, field, options):
        options.pop("initial", None)
        return JalaliDateField(**options)

    def create_scale_field(self, field, options):
        return forms.ChoiceField(choices=SCALE, widget=forms.RadioSelect, **options)

    def create_photo_field(self, field, options):
        options.pop("initial", None)
        return PhotoField(**options)

    def create_location_field(self, field, options):
        return LocationField(**options)

    def get_form_class(self):
        return type("ParticipationForm", (ParticipationBaseForm,), self.formfields)
