"""A reminder to the responsible body a few days before a resolution's due date, through the task queue.

Who is reminded: the agency's logins that serve the resolution's neighbourhood (council.accounts); when the
agency has none there, or an organisation of the directory is responsible, the neighbourhood's staff, who
pass it on. Each resolution is reminded once per due date (``reminded_for``): moving the date reminds again.
Run daily (``manage.py send_resolution_reminders``, site/mahalle-maintenance.service)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from forms.notifications import staff_emails
from portal import jalali

from .choices import PENDING
from .models import Resolution
from .models.resolution import today_in_tehran


def due_soon(today=None):
    """Pending resolutions due within RESOLUTION_REMINDER_DAYS (today included) not yet reminded for that date."""
    today = today or today_in_tehran()
    last = today + datetime.timedelta(days=settings.RESOLUTION_REMINDER_DAYS)
    return Resolution.objects.filter(status__in=PENDING, due_date__gte=today, due_date__lte=last).exclude(
        reminded_for=F("due_date")
    )


def recipients(resolution):
    """(emails, the admin path where they follow it up): the agency's logins there, else the office."""
    if resolution.agency_id:
        emails = sorted(
            set(
                get_user_model()
                .objects.filter(
                    is_active=True,
                    agency_account__agency_id=resolution.agency_id,
                    agency_account__neighborhoods=resolution.neighborhood_id,
                )
                .exclude(email="")
                .values_list("email", flat=True)
            )
        )
        if emails:
            return emails, f"/admin/council/agency/{resolution.pk}/"
    return staff_emails(resolution.neighborhood), f"/admin/council_resolutions/edit/{resolution.pk}/"


@task()
def remind_responsible(resolution_id):
    resolution = Resolution.objects.select_related("neighborhood", "agency", "organization", "meeting").get(pk=resolution_id)
    if resolution.status not in PENDING or resolution.due_date is None or resolution.reminded_for == resolution.due_date:
        return 0
    to, where = recipients(resolution)
    if to:
        with translation.override(settings.LANGUAGE_CODE):
            subject = gettext("یادآوری مهلت مصوبه شورای محله %(neighborhood)s") % {"neighborhood": resolution.neighborhood.title}
            message = gettext(
                "مهلت انجام این مصوبه %(due)s است:\n\n%(text)s\n\nمسئول: %(who)s\nجلسه: %(meeting)s\n\n"
                "گزارش پیشرفت را در درگاه ثبت کنید: %(url)s"
            ) % {
                "due": jalali.format_date(resolution.due_date),
                "text": resolution.text,
                "who": resolution.responsible,
                "meeting": str(resolution.meeting),
                "url": f"{settings.WAGTAILADMIN_BASE_URL}{where}",
            }
        send_mail(subject=subject, message=message, from_email=None, recipient_list=to)
    Resolution.objects.filter(pk=resolution.pk).update(reminded_for=resolution.due_date)
    return len(to)


def send_reminders(today=None):
    ids = list(due_soon(today).values_list("pk", flat=True))
    for pk in ids:
        remind_responsible.enqueue(pk)
    return len(ids)
