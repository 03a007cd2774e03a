"""A resident's own data: with the tracking code, the full mobile and a one-time code sent to that mobile,
the resident sees what the office holds on the case and may ask for a correction or a deletion.

Three posts on one page, no session (residents never get one: the page cache serves them):
1. the code and the mobile: right → a six-digit one-time code by SMS (portal/one_time_codes.py) and a
   signed *ticket* naming the case; wrong answers count against the address like /track/'s;
2. the ticket and the one-time code: five wrong tries end the code; right → the case as the office holds it
   (its answers, the resident's details, status, reply, referral and consent; not the office's working
   notes) and a signed *pass* for half an hour; the reading goes into the audit trail;
3. the pass and the request: a case of its own kind in the same neighbourhood's inbox (confidential if the
   case is), with the case's tracking code, so the office works it and the retention rules apply to it.
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy as _
from django.views.decorators.cache import never_cache

from portal import limits, one_time_codes
from portal.client_ip import client_ip
from portal.digits import to_persian_digits

from .fields import MobileField
from .models import AccessRecord, Submission, SubmissionEvent
from .models.submission import Kind
from .notifications import submission_created
from .sms import send_sms
from .tracking_views import GROUP as LOOKUP_GROUP, LookupForm

TICKET_SALT, PASS_SALT = "own-data.ticket", "own-data.pass"
CODE_SECONDS, PASS_SECONDS = one_time_codes.SECONDS, 1800
CODES_PER_CASE = "3/h"
TEMPLATE = "participation/own_data.html"


class AskForm(forms.Form):
    code = LookupForm.base_fields["code"]
    mobile = MobileField(label=_("شماره همراهی که در فرم نوشتید"))
    clean_code = LookupForm.clean_code


class CodeForm(forms.Form):
    ticket = forms.CharField(widget=forms.HiddenInput)
    otp = forms.CharField(
        label=_("کد یک‌بارمصرفی که پیامک شد"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "one-time-code"}),
    )


class RequestForm(forms.Form):
    CORRECTION, DELETION = "correction", "deletion"
    pass_token = forms.CharField(widget=forms.HiddenInput)
    request = forms.ChoiceField(
        label=_("درخواست شما"),
        choices=[(CORRECTION, _("اصلاح داده‌ها")), (DELETION, _("پاک کردن داده‌ها"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("اصلاح یا پاک کردن را برگزینید."), "invalid_choice": _("اصلاح یا پاک کردن را برگزینید.")},
    )
    text = forms.CharField(
        label=_("چه چیزی و چرا؟"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("بنویسید کدام داده و چرا.")},
    )


def _case(pk):
    return Submission.objects.select_related("status", "neighborhood", "referral_consent_by").filter(pk=pk, anonymised=False).first()


def _read(token, salt, max_age):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None


def _page(request, status=200, **context):
    return render(request, TEMPLATE, context, status=status)


def _ask(request):
    form = AskForm(request.POST)
    if limits.reached(request, LOOKUP_GROUP, "ip", settings.TRACKING_LOOKUP_FAILURES_PER_IP):
        return _page(request, 429, ask=form, limited=True)
    if not form.is_valid():
        return _page(request, 400, ask=form)
    case = (
        Submission.objects.filter(tracking_code=form.cleaned_data["code"], mobile=form.cleaned_data["mobile"], anonymised=False)
        .exclude(mobile="")
        .first()
    )
    if case is None:
        limits.usage(request, LOOKUP_GROUP, "ip", settings.TRACKING_LOOKUP_FAILURES_PER_IP, increment=True)
        return _page(request, 404, ask=form, not_found=True)
    if limits.exceeded(request, "own-data-codes", lambda group, request: str(case.pk), CODES_PER_CASE):
        return _page(request, 429, ask=form, limited=True)
    code = one_time_codes.issue(f"own-data:{case.pk}")
    send_sms(
        case.mobile,
        gettext("کد یک‌بارمصرف دیدن داده‌های درخواست %(case)s: %(code)s") % {"case": case.tracking_display, "code": to_persian_digits(code)},
    )
    ticket = signing.dumps(case.pk, salt=TICKET_SALT)
    return _page(request, verify=CodeForm(initial={"ticket": ticket}), case_code=case.tracking_display)


def _verify(request):
    form = CodeForm(request.POST)
    pk = _read(request.POST.get("ticket", ""), TICKET_SALT, CODE_SECONDS) if form.is_valid() else None
    if pk is None:
        return _page(request, 400, ask=AskForm(), expired=True)
    checked = one_time_codes.check(f"own-data:{pk}", form.cleaned_data["otp"])
    if checked == one_time_codes.MISSING:
        return _page(request, 400, ask=AskForm(), expired=True)
    if checked == one_time_codes.SPENT:
        return _page(request, 403, ask=AskForm(), too_many=True)
    if checked == one_time_codes.WRONG:
        form.add_error("otp", gettext("کد نادرست است. کد شش‌رقمی پیامک را دوباره بخوانید."))
        return _page(request, 400, verify=form)
    case = _case(pk)
    if case is None:
        return _page(request, 400, ask=AskForm(), expired=True)
    AccessRecord.objects.create(
        user=None,
        user_label=gettext("خود شهروند، با کد یک‌بارمصرف"),
        address=client_ip(request) or None,
        action=AccessRecord.Action.RESIDENT,
        submission_id=case.pk,
        tracking_code=case.tracking_code,
        neighborhood_id=case.neighborhood_id,
    )
    return _held(request, case)


def _held(request, case, form=None, status=200):
    form = form or RequestForm(initial={"pass_token": signing.dumps(case.pk, salt=PASS_SALT)})
    return _page(request, status, case=case, answers=case.answers(), ask_change=form)


def _request_change(request):
    form = RequestForm(request.POST)
    pk = _read(request.POST.get("pass_token", ""), PASS_SALT, PASS_SECONDS)
    case = _case(pk) if pk is not None else None
    if case is None:
        return _page(request, 400, ask=AskForm(), expired=True)
    if not form.is_valid():
        return _held(request, case, form, status=400)
    wanted = dict(form.fields["request"].choices)[form.cleaned_data["request"]]
    data = {"case": case.tracking_code, "request": str(wanted), "text": form.cleaned_data["text"]}
    labels = {"case": gettext("کد رهگیری پرونده"), "request": gettext("درخواست"), "text": gettext("شرح")}
    types = {"case": "singleline", "request": "radio", "text": "multiline"}
    change = Submission(
        kind=Kind.DATA_REQUEST,
        neighborhood_id=case.neighborhood_id,
        form_title=gettext("درخواست %(what)s برای پرونده %(case)s") % {"what": wanted, "case": case.tracking_display},
        data=data,
        labels=labels,
        types=types,
        name=case.name,
        mobile=case.mobile,
        confidential=case.confidential,
    )
    change.save()
    SubmissionEvent.objects.create(submission=change, action=SubmissionEvent.Action.CREATED)
    submission_created(change.pk)
    return _page(request, done=change)


@never_cache
@limits.fail_closed
def own_data(request):
    if request.method != "POST":
        return _page(request, ask=AskForm())
    if "pass_token" in request.POST:
        return _request_change(request)
    if "ticket" in request.POST:
        return _verify(request)
    return _ask(request)
