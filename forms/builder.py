"""The form builder behind ParticipationFormPage: Wagtail's, with Iranian field types and Persian
limits. Gregorian date fields are replaced by Jalali ones."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.fields import JalaliDateField

from .fields import LocationField, MobileField, NationalCodeField, PersianIntegerField, PhotoField

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


class ParticipationBaseForm(BaseForm):
    """Adds the honeypot and the double-submit token to every built form."""

    # Hidden from people by CSS and aria-hidden; bots that fill every input fill this one.
    website = forms.CharField(required=False, label=_("وب‌سایت"), max_length=200)
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})


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
