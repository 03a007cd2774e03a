"""Who hears about a submission, through the task queue (django-tasks): staff when one arrives,
the resident when its status changes or the office replies."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from neighborhoods.permissions import staff_group_name

from .models import Submission, SubmissionEvent
from .sms import send_sms


def staff_emails(neighborhood):
    users = get_user_model().objects.filter(
        is_active=True, groups__name=staff_group_name(neighborhood)
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@task()
def notify_staff(submission_id):
    submission = Submission.objects.select_related("neighborhood", "status").get(pk=submission_id)
    recipients = staff_emails(submission.neighborhood)
    if not recipients:
        return 0
    context = {"submission": submission, "admin_url": settings.WAGTAILADMIN_BASE_URL}
    # Staff mail is in the site's default language, whatever language the request that queued it used.
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("پرونده تازه در محله %(neighborhood)s: %(form)s") % {
            "neighborhood": submission.neighborhood.title,
            "form": submission.form_title,
        }
        message = render_to_string("participation/email/new_submission.txt", context)
    send_mail(
        subject=subject,
        message=message,
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)


@task()
def notify_resident(submission_id, text):
    submission = Submission.objects.get(pk=submission_id)
    channels = []
    if submission.mobile:
        send_sms(submission.mobile, text)
        channels.append("sms")
    if submission.email:
        send_mail(subject="پیگیری درخواست شما", message=text, from_email=None, recipient_list=[submission.email])
        channels.append("email")
    if channels:
        SubmissionEvent.objects.create(
            submission=submission, action=SubmissionEvent.Action.NOTIFIED, changes={"channels": channels}
        )
    return channels


def submission_created(submission_id):
    """Called after the submission's transaction commits."""
    submission = Submission.objects.select_related("page").get(pk=submission_id)
    page = submission.page.specific if submission.page else None
    if settings.PARTICIPATION_STAFF_EMAIL == "each" and getattr(page, "notify_staff", True):
        notify_staff.enqueue(submission_id)


def resident_message(submission, what):
    code = submission.tracking_display
    if what == "reply":
        return f"دفتر تسهیلگری محله {submission.neighborhood.title} به درخواست {code} پاسخ داد. پیگیری: {settings.PUBLIC_BASE_URL}/track/"
    return f"وضعیت درخواست {code} در دفتر محله {submission.neighborhood.title}: {submission.status.label_for_public}"
