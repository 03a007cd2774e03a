"""A resident cancels their own sign-up with the tracking code and the mobile they signed up with.

Both must match an active sign-up of this programme; wrong guesses are counted per address and refused
past the limit, as on the tracking page, so codes cannot be tried one after another.
"""

from django import forms
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext, gettext_lazy as _

from forms import tracking
from forms.fields import MobileField
from portal import limits
from portal.digits import for_language
from portal.views import service_unavailable

from .models import Registration
from .seats import cancel


class CancelForm(forms.Form):
    code = forms.CharField(
        label=_("کد رهگیری"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off"}),
    )
    mobile = MobileField(label=_("شماره همراهی که با آن ثبت‌نام کردید"))

    def clean_code(self):
        code = tracking.normalize(self.cleaned_data["code"])
        if len(code) != tracking.LENGTH:
            raise forms.ValidationError(gettext("کد رهگیری %(length)s رقم دارد.") % {"length": for_language(tracking.LENGTH)})
        return code


GROUP = "programme-cancel"


def cancel_view(program, request):
    try:
        return _cancel_view(program, request)
    except limits.LimitsUnavailable:
        return service_unavailable(request)


def _cancel_view(program, request):
    # The code from a link («…/cancel/?code=…») is shown in the page's digits; clean_code reads any digits.
    form = CancelForm(request.POST or None, initial={"code": for_language(request.GET.get("code", "")[:20])})
    context = program.get_context(request)
    context.update(cancel_form=form)
    status = 200
    if request.method == "POST":
        if limits.reached(request, GROUP, "ip", settings.TRACKING_LOOKUP_FAILURES_PER_IP):
            context["limited"] = True
            return _response(request, context, 429)
        if not form.is_valid():
            status = 400
        else:
            registration = (
                Registration.objects.active()
                .select_related("submission")
                .filter(
                    program=program.seat_holder(),
                    submission__tracking_code=form.cleaned_data["code"],
                    mobile=form.cleaned_data["mobile"],
                )
                .first()
            )
            if registration is None:
                limits.usage(request, GROUP, "ip", settings.TRACKING_LOOKUP_FAILURES_PER_IP, increment=True)
                context["not_found"] = True
                status = 404
            else:
                cancel(registration)
                context["cancelled"] = registration
    return _response(request, context, status)


def _response(request, context, status):
    response = TemplateResponse(request, "programmes/cancel.html", context, status=status)
    add_never_cache_headers(response)
    return response
