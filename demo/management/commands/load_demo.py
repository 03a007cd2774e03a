from django.core.management.base import BaseCommand

from demo import content
from demo.builder import build_demo
from portal.digits import to_persian_digits

ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    help = "ساختن محتوای نمایشی: استان‌ها، محله‌ها، خبرها، فرم‌ها، تصویرها و کاربران (اجرای دوباره چیزی را تکرار نمی‌کند)"

    def handle(self, *args, **options):
        result = build_demo()
        if options["verbosity"] == 0:
            return
        summary = (
            f"محتوای نمایشی آماده است: {result.neighborhoods} محله در {result.provinces} استان و {result.news} خبر و {result.forms} فرم مشارکت و {result.programmes} برنامه، "
            f"{result.assets} ظرفیت محله و {result.organizations} سازمان، "
            f"{result.meetings} جلسه شورا با {result.resolutions} مصوبه، "
            f"{result.submissions_created} پرونده و {result.registrations_created} ثبت‌نام و {result.monthly_reports} گزارش ماهانه تازه "
            f"({result.pages_created} صفحه تازه، {result.pages_published} انتشار)."
        )
        self.stdout.write(self.style.SUCCESS(to_persian_digits(summary)))
        self.stdout.write(f"ورود به پیشخوان: {ADMIN_URL}")
        self.stdout.write(f"گذرواژه همه کاربران: {content.DEMO_PASSWORD}")
        width = max(len(login.username) for login in result.logins)
        for login in result.logins:
            kept = "  (حسابی از پیش، با گذرواژه خودش)" if login.username in result.kept_accounts else ""
            self.stdout.write(f"  {login.username.ljust(width)}  {login.role}{kept}")
