"""What happens when an NGO sends its application.

The same order and refusals as a participation form (forms.submit): size, rate per IP, honeypot,
form token, validation, rate per mobile, then one transaction that stores the whole submission or
nothing. Only the shape of what is stored differs, so the helpers are reused rather than copied.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext

from forms.models import Submission, SubmissionEvent
from forms.models.submission import Kind
from forms.notifications import submission_created
from forms.submit import (
    HONEYPOT_FILLED,
    TOKEN_EXPIRED,
    _with_fresh_token,
    read_form_token,
    refuse_early,
    refuse_mobile,
)

from .application_form import SERVICE_ROWS
from .choices import OrganizationKind, ServiceCategory, TargetGroup


def handle_application(page, request):
    refused = refuse_early(
        request,
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        gettext("متن فرم بیش از اندازه مجاز است. توضیح‌ها را کوتاه‌تر کنید."),
    )
    if refused:
        return refused

    form = page.get_form(request.POST)
    if request.POST.get("website"):
        form.add_error(None, HONEYPOT_FILLED)
        return page.render_form(request, _with_fresh_token(page, form), status=400)
    token = read_form_token(request.POST.get("form_token", ""))
    if token is None:
        form.add_error(None, TOKEN_EXPIRED)
        return page.render_form(request, _with_fresh_token(page, form), status=400)
    existing = Submission.objects.filter(form_token=token).first()
    if existing:
        return page.render_landing_page(request, existing)
    if not form.is_valid():
        return page.render_form(request, form, status=400)

    refused = refuse_mobile(request, form.cleaned_data["contact_mobile"])
    if refused:
        return refused
    try:
        submission = create_application(page, form, token)
    except IntegrityError:
        submission = Submission.objects.filter(form_token=token).first()
        if submission is None:
            raise
    return page.render_landing_page(request, submission)


def application_answers(form):
    """(data, labels) as the inbox shows them. Choices and labels are stored in the portal's language
    (Persian) whatever language the applicant used, so staff read every application alike;
    ``directory.conversion`` maps the choices back."""
    with translation.override(settings.LANGUAGE_CODE):
        return _answers(form)


def _answers(form):
    cleaned = form.cleaned_data
    others = [n for n in cleaned.get("other_neighborhoods") or [] if n.pk != cleaned["primary_neighborhood"].pk]
    rows = [
        ("org_name", cleaned["org_name"]),
        ("kind", str(OrganizationKind(cleaned["kind"]).label)),
        ("registration_number", cleaned.get("registration_number", "")),
        ("fields_of_activity", cleaned["fields_of_activity"]),
        ("description", cleaned.get("description", "")),
        ("primary_neighborhood", form.fields["primary_neighborhood"].label_from_instance(cleaned["primary_neighborhood"])),
        ("other_neighborhoods", [form.fields["other_neighborhoods"].label_from_instance(n) for n in others]),
        ("other_neighborhood_ids", [n.pk for n in others]),
        ("address", cleaned["address"]),
        ("phone", cleaned.get("phone", "")),
        ("site_url", cleaned.get("site_url", "")),
        ("contact_role", cleaned.get("contact_role", "")),
    ]
    labels = {key: str(form.fields[key].label) for key, _ in rows if key in form.fields}
    labels["other_neighborhood_ids"] = "شناسه محله‌های دیگر"
    for number, service in enumerate(form.services(), start=1):
        prefix = f"service_{number}_"
        rows += [
            (prefix + "name", service["name"]),
            (prefix + "category", str(ServiceCategory(service["category"]).label)),
            (prefix + "target", str(TargetGroup(service["target_group"]).label)),
            (prefix + "eligibility", service["eligibility"]),
            (prefix + "cost", service["cost_rials"] // 10 if service["cost_rials"] else 0),
            (prefix + "how", service["how_to_apply"]),
        ]
        for part in ("name", "category", "target", "eligibility", "cost", "how"):
            labels[prefix + part] = str(form.fields[prefix + part].label)
    return dict(rows), labels


def create_application(page, form, token):
    cleaned = form.cleaned_data
    data, labels = application_answers(form)
    submission = Submission(
        kind=Kind.NGO_APPLICATION,
        page=page,
        neighborhood=cleaned["primary_neighborhood"],
        form_title=f"{page.title}: {cleaned['org_name']}",
        form_token=token,
        name=cleaned["contact_name"][:120],
        mobile=cleaned["contact_mobile"],
        email=cleaned.get("email", ""),
        data=data,
        labels=labels,
        types={key: "ngo" for key in data},
    )
    with transaction.atomic():
        submission.save()
        SubmissionEvent.objects.create(submission=submission, action=SubmissionEvent.Action.CREATED)
        transaction.on_commit(lambda: submission_created(submission.pk))
    return submission


SERVICE_NUMBERS = range(1, SERVICE_ROWS + 1)
