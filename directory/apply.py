"""What an NGO application adds to the public-form road (forms/pipeline.py): a fixed form with its service
rows, the contact person's mobile for the limit, and a submission that lands in the inbox of
the neighbourhood the NGO names as its main one. No tracking of who sent it, no referral consent: the
applicant is an organisation, not a resident."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from forms.models.submission import Kind
from forms.pipeline import PublicForm, new_submission, store_new

from .application_form import SERVICE_ROWS
from .choices import OrganizationKind, ServiceCategory, TargetGroup


class NgoApplication(PublicForm):
    too_large_message = _("متن فرم بیش از اندازه مجاز است. توضیح‌ها را کوتاه‌تر کنید.")

    @property
    def max_bytes(self):
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    def build_form(self, data, files=None):
        return self.page.get_form(data)

    def render_form(self, form, status):
        return self.page.render_form(self.request, form, status=status)

    def render_done(self, submission):
        return self.page.render_landing_page(self.request, submission)

    def mobile(self, form):
        return form.cleaned_data["contact_mobile"]

    def store(self, form, token):
        return create_application(self.page, form, token)


def handle_application(page, request):
    return NgoApplication(page, request).handle()


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
    submission = new_submission(
        page,
        kind=Kind.NGO_APPLICATION,
        token=token,
        neighborhood=cleaned["primary_neighborhood"],
        form_title=f"{page.title}: {cleaned['org_name']}",
        name=cleaned["contact_name"][:120],
        mobile=cleaned["contact_mobile"],
        email=cleaned.get("email", ""),
        data=data,
        labels=labels,
        types={key: "ngo" for key in data},
    )
    return store_new(submission)


SERVICE_NUMBERS = range(1, SERVICE_ROWS + 1)
