from django.core.management.base import BaseCommand

from alerts import receipts, sending


class Command(BaseCommand):
    help = "پیام‌های مانده را می‌فرستد و گزارش رسیدن پیامک‌ها و پاسخ‌های «لغو» را از سامانه پیامک می‌خواند."

    def handle(self, *args, **options):
        worked = sending.run_due()
        read, left = receipts.poll()
        self.stdout.write(f"runs={worked} reports={read} left={left}")
