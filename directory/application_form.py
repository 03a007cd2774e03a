"""The NGO application form: the organisation, up to three services, a contact person, consent."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from forms.builder import ParticipationBaseForm
from forms.fields import MobileField, NumericTextInput, PersianIntegerField
from neighborhoods.locales import in_default_language
from portal.digits import for_language
from neighborhoods.models import NeighborhoodPage

from .choices import OrganizationKind, ServiceCategory, TargetGroup
from .validators import normalize_phone, validate_phone

SERVICE_ROWS = 3
MAX_COST_TOMAN = 10**9
CATEGORY_MISSING = _("دسته این خدمت را انتخاب کنید.")


def _numbered(text, number):
    # «خدمت ۱» on Persian pages, «Service 1» on English ones: the number in the digits of the page.
    return str(text) % {"number": for_language(number)}


# Lazy, so the inbox stores the labels in the portal's language whatever language the applicant read.
_service_label = lazy(_numbered, str)


class NeighborhoodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.city})"


class NeighborhoodsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.city})"


class ApplicationForm(ParticipationBaseForm):
    """Reuses the honeypot («website») and the double-post token of the participation forms."""

    org_name = forms.CharField(label=_("نام سازمان"), max_length=200)
    kind = forms.ChoiceField(label=_("نوع سازمان"), choices=OrganizationKind.choices)
    registration_number = forms.CharField(
        label=_("شماره ثبت یا مجوز"), required=False, max_length=40, widget=NumericTextInput
    )
    fields_of_activity = forms.CharField(
        label=_("حوزه‌های فعالیت"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("هر حوزه در یک سطر"),

    )
    description = forms.CharField(
        label=_("معرفی کوتاه"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    primary_neighborhood = NeighborhoodChoiceField(
        label=_("محله اصلی فعالیت"),
        queryset=NeighborhoodPage.objects.none(),
        empty_label=_("یک محله را انتخاب کنید"),
        help_text=_("درخواست شما به دفتر تسهیلگری همین محله می‌رسد."),
    )
    other_neighborhoods = NeighborhoodsField(
        label=_("محله‌های دیگری که پوشش می‌دهید"),
        queryset=NeighborhoodPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    address = forms.CharField(label=_("نشانی"), max_length=300)
    phone = forms.CharField(
        label=_("تلفن ثابت"), required=False, max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "dir": "ltr", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("رایانامه"), required=False, max_length=254)
    site_url = forms.URLField(label=_("وبگاه"), required=False, max_length=200, assume_scheme="https")
    contact_name = forms.CharField(label=_("نام و نام خانوادگی رابط"), max_length=120)
    contact_role = forms.CharField(label=_("سمت رابط"), required=False, max_length=120)
    contact_mobile = MobileField(label=_("شماره همراه رابط"))
    consent = forms.BooleanField(
        label=_(
            "موافقم که دفتر تسهیلگری این اطلاعات را بررسی کند و پس از تأیید، نام، خدمت‌ها و راه‌های تماس سازمان را در فهرست عمومی منتشر کند."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.pop("page", None)
        kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        neighborhoods = in_default_language(NeighborhoodPage.objects.listable()).order_by("city", "title")
        self.fields["primary_neighborhood"].queryset = neighborhoods
        self.fields["other_neighborhoods"].queryset = neighborhoods
        for number in range(1, SERVICE_ROWS + 1):
            required = number == 1
            prefix = f"service_{number}_"
            self.fields[prefix + "name"] = forms.CharField(label=_service_label(_("خدمت %(number)s: نام"), number), max_length=160, required=required)
            # The first service's category is required with its name; a later row's only once it is named (clean()).
            self.fields[prefix + "category"] = forms.ChoiceField(
                label=_service_label(_("خدمت %(number)s: دسته"), number), choices=[("", _("انتخاب کنید"))] + ServiceCategory.choices, required=required,
                error_messages={"required": CATEGORY_MISSING},
            )
            self.fields[prefix + "target"] = forms.ChoiceField(
                label=_service_label(_("خدمت %(number)s: گروه هدف"), number), choices=TargetGroup.choices, required=False, initial=TargetGroup.EVERYONE
            )
            self.fields[prefix + "eligibility"] = forms.CharField(
                label=_service_label(_("خدمت %(number)s: شرایط استفاده"), number), max_length=500, required=False
            )
            self.fields[prefix + "cost"] = PersianIntegerField(
                label=_service_label(_("خدمت %(number)s: هزینه (تومان)"), number), min_value=0, max_value=MAX_COST_TOMAN, required=False,
                help_text=_("برای خدمت رایگان خالی بگذارید یا ۰ بنویسید."),
            )
            self.fields[prefix + "how"] = forms.CharField(
                label=_service_label(_("خدمت %(number)s: راه استفاده"), number), max_length=500, required=False
            )
        # The consent closes the form, after the services, as on the page (and so in the error summary).
        for name in ("consent", "website", "form_token"):
            self.fields[name] = self.fields.pop(name)

    def clean_phone(self):
        value = self.cleaned_data["phone"]
        if value:
            validate_phone(value)
            value = normalize_phone(value)
        return value

    def clean(self):
        data = super().clean()
        for number in range(1, SERVICE_ROWS + 1):
            prefix = f"service_{number}_"
            if data.get(prefix + "name") and not data.get(prefix + "category") and prefix + "category" not in self.errors:
                self.add_error(prefix + "category", CATEGORY_MISSING)
        return data

    def services(self):
        """[{name, category, target_group, eligibility, cost_rials, how_to_apply}, …] of the filled rows."""
        rows = []
        for number in range(1, SERVICE_ROWS + 1):
            prefix = f"service_{number}_"
            name = self.cleaned_data.get(prefix + "name")
            if not name:
                continue
            cost = self.cleaned_data.get(prefix + "cost")
            rows.append(
                {
                    "name": name,
                    "category": self.cleaned_data[prefix + "category"],
                    "target_group": self.cleaned_data.get(prefix + "target") or TargetGroup.EVERYONE,
                    "eligibility": self.cleaned_data.get(prefix + "eligibility", ""),
                    "cost_rials": cost * 10 if cost else None,
                    "how_to_apply": self.cleaned_data.get(prefix + "how", ""),
                }
            )
        return rows

    def service_field_groups(self):
        return [
            [self[f"service_{number}_{part}"] for part in ("name", "category", "target", "eligibility", "cost", "how")]
            for number in range(1, SERVICE_ROWS + 1)
        ]

    def main_fields(self):
        return [field for field in self.visible_fields() if not field.name.startswith("service_") and field.name not in ("website", "consent")]
