"""Daily digest for offices that chose PARTICIPATION_STAFF_EMAIL = "digest" (run from cron or a timer)."""

import datetime

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import timezone

from forms.models import Submission
from forms.notifications import staff_emails
from neighborhoods.models import NeighborhoodPage
from portal.digits import to_persian_digits


class Command(BaseCommand):
    help = "فرستادن خلاصه روزانه پرونده‌های تازه به کارکنان هر محله"

    def handle(self, *args, **options):
        since = timezone.now() - datetime.timedelta(days=1)
        counts = (
            Submission.objects.filter(created_at__gte=since)
            .values("neighborhood")
            .annotate(total=Count("pk"))
            .order_by()
        )
        sent = 0
        for row in counts:
            neighborhood = NeighborhoodPage.objects.get(pk=row["neighborhood"])
            recipients = staff_emails(neighborhood)
            if recipients:
                send_mail(
                    subject=f"خلاصه روزانه صندوق محله {neighborhood.title}",
                    message=f"در ۲۴ ساعت گذشته {to_persian_digits(row['total'])} پرونده تازه رسیده است.",
                    from_email=None,
                    recipient_list=recipients,
                )
                sent += 1
        self.stdout.write(f"{sent} رایانامه فرستاده شد.")
