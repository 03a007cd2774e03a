"""An NGO application in the inbox becomes a draft listing in the directory, services included."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail.coreutils import find_available_slug

from forms.models import Submission, SubmissionEvent
from neighborhoods.models import NeighborhoodPage
from portal.slugs import slugify_title

from .application_form import SERVICE_ROWS
from .choices import OrganizationKind, ServiceCategory, TargetGroup
from .models import DirectoryIndexPage, OrganizationPage, OrganizationService


class ConversionError(Exception):
    """Why a draft could not be made, in Persian for the staff member."""


def _by_label(choices, label, default):
    # Applications store choices by their label in the portal's language (directory.apply).
    with translation.override(settings.LANGUAGE_CODE):
        return {str(choice.label): choice.value for choice in choices}.get(label, default)


def services_from(data):
    rows = []
    for number in range(1, SERVICE_ROWS + 1):
        prefix = f"service_{number}_"
        if not data.get(prefix + "name"):
            continue
        toman = data.get(prefix + "cost") or 0
        rows.append(
            OrganizationService(
                sort_order=len(rows),
                name=data[prefix + "name"][:160],
                category=_by_label(ServiceCategory, data.get(prefix + "category"), ServiceCategory.OTHER),
                target_group=_by_label(TargetGroup, data.get(prefix + "target"), TargetGroup.EVERYONE),
                eligibility=data.get(prefix + "eligibility", ""),
                cost_rials=int(toman) * 10 if toman else None,
                how_to_apply=data.get(prefix + "how", ""),
            )
        )
    return rows


def create_draft(submission, user):
    """(page, created): the draft OrganizationPage made from ``submission``, or the one made before.

    Locked on the submission row so two clicks make one page.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update(of=("self",)).get(pk=submission.pk)
        existing = OrganizationPage.objects.filter(application=submission).first()
        if existing is not None:
            return existing, False
        directory = DirectoryIndexPage.objects.order_by("path").first()
        if directory is None:
            raise ConversionError(gettext("هنوز صفحه «فهرست سمن‌ها و خیریه‌ها» ساخته نشده است؛ مدیر درگاه باید آن را بسازد."))
        data = submission.data
        title = (data.get("org_name") or submission.form_title)[:255]
        slug = find_available_slug(directory, slugify_title(title) or "organization")
        page = OrganizationPage(
            title=title,
            slug=slug,
            live=False,
            owner=user,
            kind=_by_label(OrganizationKind, data.get("kind"), OrganizationKind.NGO),
            registration_number=str(data.get("registration_number", ""))[:40],
            summary=str(data.get("description", ""))[:300],
            fields_of_activity=data.get("fields_of_activity", ""),
            address=str(data.get("address", ""))[:300],
            phone=str(data.get("phone", ""))[:40],
            mobile="",  # the contact person's mobile is private; the office decides what is public
            email=submission.email,
            website=data.get("site_url", ""),
            application=submission,
        )
        page.services = services_from(data)
        ids = [submission.neighborhood_id] + [int(pk) for pk in data.get("other_neighborhood_ids", [])]
        page.neighborhoods = list(NeighborhoodPage.objects.filter(pk__in=ids))
        directory.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        SubmissionEvent.objects.create(
            submission=submission,
            user=user,
            action=SubmissionEvent.Action.CHANGED,
            changes={"فهرست سمن‌ها": ["", f"پیش‌نویس «{title}» ساخته شد"]},
        )
    return page, True
