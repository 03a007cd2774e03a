"""The public forms of subscribing: what and how, then the one-time code."""

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from forms.fields import MobileField

from .topics import Channel, Topic


class SubscribeForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("پیام‌ها را چگونه بگیرید؟"),
        choices=Channel.choices,
        initial=Channel.SMS,
        widget=forms.RadioSelect,
        error_messages={"required": _("پیامک یا رایانامه را برگزینید."), "invalid_choice": _("پیامک یا رایانامه را برگزینید.")},
    )
    mobile = MobileField(label=_("شماره همراه"), required=False, help_text=_("برای پیامک؛ کدی یک‌بارمصرف به آن فرستاده می‌شود."))
    email = forms.EmailField(
        label=_("رایانامه"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
        help_text=_("برای رایانامه؛ پیوند تأیید به آن فرستاده می‌شود."),
        error_messages={"invalid": _("نشانی رایانامه درست نیست، مانند name@example.com.")},
    )
    topics = forms.MultipleChoiceField(
        label=_("درباره چه چیزهایی؟"),
        choices=Topic.choices,
        initial=list(Topic.values),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("دست‌کم یک موضوع را برگزینید."), "invalid_choice": _("موضوع برگزیده درست نیست.")},
    )
    # Hidden from people by CSS and aria-hidden; bots that fill every input fill this one.
    website = forms.CharField(required=False, label=_("وب‌سایت"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        if channel == Channel.SMS and not cleaned.get("mobile") and "mobile" not in self.errors:
            self.add_error("mobile", gettext("شماره همراه را بنویسید."))
        if channel == Channel.EMAIL and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", gettext("نشانی رایانامه را بنویسید."))
        return cleaned

    @property
    def address(self):
        if self.cleaned_data["channel"] == Channel.SMS:
            return self.cleaned_data["mobile"]
        return self.cleaned_data["email"].strip().lower()


class CodeForm(forms.Form):
    ticket = forms.CharField(widget=forms.HiddenInput, max_length=2000)
    otp = forms.CharField(
        label=_("کد یک‌بارمصرفی که پیامک شد"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "one-time-code"}),
        error_messages={"required": _("کد شش‌رقمی پیامک را بنویسید.")},
    )
