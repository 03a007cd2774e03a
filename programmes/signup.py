"""Signing up on a programme's page: what a sign-up adds to the public-form road (forms/pipeline.py).
Its form is fixed (name, mobile, national code as the programme asks, number of people), it takes posts
only while sign-up is open, and it stores a seat (seats.register) with the submission."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _, ngettext

from forms.builder import came_through_field
from forms.fields import MobileField, NationalCodeField, PersianIntegerField
from forms.pipeline import PublicForm, Refused, new_form_token
from portal.digits import format_number

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


class ProgrammeSignup(PublicForm):
    ip_group = "programme-signup-ip"
    mobile_group = "programme-signup-mobile"

    def build_form(self, data, files=None):
        return SignupForm(data, program=self.page)

    def render_form(self, form, status):
        return render_page(self.page, self.request, form, status=status)

    def render_done(self, submission):
        return render_done(self.page, self.request, submission.registration)

    def not_taking_posts(self):
        if not self.page.signup_is_open():
            return render_page(self.page, self.request, None, status=409, refused=CLOSED)
        return None

    def store(self, form, token):
        try:
            return register(self.page.seat_holder(), form.signup(), token=token).submission
        except SignupRefused as refused:
            if refused.code == "duplicate":
                # The resident can mend it with another number, on the same form and token.
                raise Refused(refused.message, status=409, field="mobile", keep_token=True) from refused
            status = 409 if refused.code in ("full", "closed") else 400
            raise Refused(refused.message, status=status) from refused


def handle_signup(program, request):
    return ProgrammeSignup(program, request).handle()
