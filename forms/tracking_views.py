"""The public status page: tracking code plus the mobile's last four digits.

Wrong guesses are counted per IP and refused with 429 past the limit, so codes cannot be tried one
after another. A right answer shows the status, the public reply and the referral, never the
answers the resident gave (a shared phone should not reveal them).
"""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail import hooks

from portal import limits
from portal.digits import for_language, to_latin_digits

from . import tracking
from .models import Submission

FOLLOWUPS_HOOK = "register_case_followups"


def followups(submission, request):
    """What other apps tell the resident about their case (the council's resolution that answers it …): HTML
    from each ``register_case_followups`` hook, called with the case and the request; empty ones left out."""
    return [html for hook in hooks.get_hooks(FOLLOWUPS_HOOK) if (html := hook(submission, request))]


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("کد رهگیری"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off"}),
    )
    last_digits = forms.CharField(
        label=_("چهار رقم آخر شماره همراه"),
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off", "maxlength": "4"}),
    )

    def clean_code(self):
        code = tracking.normalize(self.cleaned_data["code"])
        if len(code) != tracking.LENGTH:
            raise forms.ValidationError(gettext("کد رهگیری %(length)s رقم دارد.") % {"length": for_language(tracking.LENGTH)})
        return code

    def clean_last_digits(self):
        digits = to_latin_digits(self.cleaned_data["last_digits"]).strip()
        if len(digits) != 4 or not digits.isascii() or not digits.isdigit():
            raise forms.ValidationError(gettext("چهار رقم آخر شماره همراه را بنویسید."))
        return digits


GROUP = "tracking-lookup"


@never_cache
@limits.fail_closed
def track(request):
    form = LookupForm(request.POST or None)
    context = {"form": form}
    status = 200
    if request.method == "POST":
        if limits.reached(request, GROUP, "ip", settings.TRACKING_LOOKUP_FAILURES_PER_IP):
            return render(request, "participation/track.html", {**context, "limited": True}, status=429)
        if not form.is_valid():
            status = 400
        else:
            submission = (
                Submission.objects.select_related("status", "neighborhood")
                .filter(tracking_code=form.cleaned_data["code"], mobile__endswith=form.cleaned_data["last_digits"])
                .exclude(mobile="")
                .first()
            )
            if submission is None:
                limits.usage(request, GROUP, "ip", settings.TRACKING_LOOKUP_FAILURES_PER_IP, increment=True)
                context["not_found"] = True
                status = 404
            else:
                context["submission"] = submission
                context["followups"] = followups(submission, request)
    return render(request, "participation/track.html", context, status=status)
