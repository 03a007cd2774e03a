"""Signing up on a programme's page.

The same guards as the participation forms (see forms/submit.py), in the same order: size and rate
first, then the honeypot and the form token, then validation, then one transaction in seats.register.
"""

from django import forms
from django.conf import settings
from django.db import IntegrityError
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from forms.builder import came_through_field
from forms.fields import MobileField, NationalCodeField, PersianIntegerField
from forms.models import Submission
from portal.digits import format_number
from forms.submit import HONEYPOT_FILLED, TOKEN_EXPIRED, new_form_token, read_form_token, refuse_early, refuse_mobile

from .choices import NationalCode
from .seats import CLOSED, Signup, SignupRefused, register


class SignupForm(forms.Form):
    name = forms.CharField(
        label=_("نام و نام خانوادگی"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    mobile = MobileField(label=_("شماره همراه"), help_text=_("کد رهگیری و خبر تغییرها به این شماره پیامک می‌شود."))
    national_code = NationalCodeField(label=_("کد ملی"), required=False)
    people = PersianIntegerField(label=_("شمار نفرات"))  # limits are the programme's, set in __init__
    came_through = came_through_field()
    consent = forms.BooleanField(
        label=_("می‌پذیرم که نام و شماره همراهم برای هماهنگی این برنامه در اختیار دفتر تسهیلگری محله باشد."),
        error_messages={"required": _("برای ثبت‌نام باید این بند را بپذیرید.")},
    )
    # Left empty by people; bots fill it (hidden with CSS, not with type=hidden).
    website = forms.CharField(
        label=_("وب‌سایت"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, program, **kwargs):
        kwargs.setdefault("initial", {"form_token": new_form_token(), "people": 1})
        super().__init__(*args, **kwargs)
        self.program = program
        limit = program.max_people_per_signup
        shown = format_number(limit)
        self.fields["people"] = PersianIntegerField(
            label=_("شمار نفرات"),
            min_value=1,
            max_value=limit,
            initial=1,
            help_text=ngettext(
                "خودتان و همراهانتان؛ دست‌بالا %(limit)s نفر.", "خودتان و همراهانتان؛ دست‌بالا %(limit)s نفر.", limit
            )
            % {"limit": shown},
            error_messages={
                "min_value": _("دست‌کم یک نفر."),
                "max_value": ngettext(
                    "در هر ثبت‌نام دست‌بالا %(limit)s نفر پذیرفته می‌شود.",
                    "در هر ثبت‌نام دست‌بالا %(limit)s نفر پذیرفته می‌شود.",
                    limit,
                )
                % {"limit": shown},
            },
        )
        if program.national_code == NationalCode.NOT_ASKED:
            del self.fields["national_code"]
        else:
            self.fields["national_code"].required = program.national_code == NationalCode.REQUIRED

    def signup(self):
        data = self.cleaned_data
        return Signup(
            name=" ".join(data["name"].split()),
            mobile=data["mobile"],
            people=data["people"],
            national_code=data.get("national_code") or "",
            came_through=data.get("came_through") or "",
        )


def render_page(program, request, form, status=200, **extra):
    context = program.get_context(request)
    context.update(form=form, **extra)
    return TemplateResponse(request, program.get_template(request), context, status=status)


def render_done(program, request, registration):
    context = program.get_context(request)
    context.update(registration=registration, submission=registration.submission)
    return TemplateResponse(request, "programmes/signup_done.html", context)


def _fresh(program, form):
    """The resident's answers in a new form with a new token, keeping the error shown."""
    data = form.data.copy()
    data["form_token"] = new_form_token()
    data["website"] = ""
    fresh = SignupForm(data, program=program)
    fresh.is_valid()
    for error in form.non_field_errors():
        fresh.add_error(None, error)
    return fresh


def handle_signup(program, request):
    refused = refuse_early(
        request,
        settings.PARTICIPATION_MAX_REQUEST_BYTES,
        gettext("آنچه فرستاده شد بیش از اندازه مجاز است."),
        ip_group="programme-signup-ip",
    )
    if refused:
        return refused

    form = SignupForm(request.POST, program=program)
    if not program.signup_is_open():
        return render_page(program, request, None, status=409, refused=CLOSED)
    if request.POST.get("website"):
        form.add_error(None, HONEYPOT_FILLED)
        return render_page(program, request, _fresh(program, form), status=400)
    token = read_form_token(request.POST.get("form_token", ""))
    if token is None:
        form.add_error(None, TOKEN_EXPIRED)
        return render_page(program, request, _fresh(program, form), status=400)
    existing = Submission.objects.filter(form_token=token, registration__program=program).first()
    if existing:
        return render_done(program, request, existing.registration)
    if not form.is_valid():
        return render_page(program, request, form, status=400)
    refused = refuse_mobile(request, form.cleaned_data["mobile"], group="programme-signup-mobile")
    if refused:
        return refused

    try:
        registration = register(program, form.signup(), token=token)
    except SignupRefused as refused:
        form.add_error("mobile" if refused.code == "duplicate" else None, refused.message)
        status = 409 if refused.code in ("full", "closed", "duplicate") else 400
        return render_page(program, request, _fresh(program, form) if refused.code != "duplicate" else form, status=status)
    except IntegrityError:
        # The same form arrived twice at once: the other request stored it.
        existing = Submission.objects.filter(form_token=token).select_related("registration").first()
        if existing is None:
            raise
        return render_done(program, request, existing.registration)
    return render_done(program, request, registration)

