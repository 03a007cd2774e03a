from django.conf import settings
from django.core.management.base import BaseCommand

from forms.retention import anonymise_older_than


class Command(BaseCommand):
    help = "بی‌نام کردن پرونده‌های قدیمی‌تر از دوره نگهداری (SUBMISSION_RETENTION_DAYS)"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="دوره نگهداری به روز")

    def handle(self, *args, days=None, **options):
        days = days if days is not None else settings.SUBMISSION_RETENTION_DAYS
        count = anonymise_older_than(days)
        self.stdout.write(f"{count} پرونده بی‌نام شد (دوره نگهداری: {days} روز).")
