from django.core.management.base import BaseCommand

from ...reminders import send_reminders


class Command(BaseCommand):
    help = "یادآوری مهلت مصوبه‌ها به دستگاه‌های مسئول، چند روز پیش از مهلت (روزانه اجرا شود)"

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminders queued")
