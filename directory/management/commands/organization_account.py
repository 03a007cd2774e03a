from django.core.management.base import BaseCommand, CommandError

from directory.accounts import ensure_organization_account
from directory.models import OrganizationPage


class Command(BaseCommand):
    help = "ساختن حساب یک سازمان برای ویرایش صفحه خودش در فهرست (تغییرها پیش از انتشار بازبینی می‌شوند)"

    def add_arguments(self, parser):
        parser.add_argument("slug", help="نشانی کوتاه (slug) صفحه سازمان")
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, slug, username, email, **options):
        page = OrganizationPage.objects.filter(slug=slug).first()
        if page is None:
            raise CommandError(f"سازمانی با نشانی «{slug}» پیدا نشد.")
        user, password = ensure_organization_account(page, username, email=email)
        if password:
            self.stdout.write(f"حساب {user.username} ساخته شد. گذرواژه نخست (یک بار نشان داده می‌شود): {password}")
        else:
            self.stdout.write(f"حساب {user.username} از پیش بود و به گروه سازمان «{page.title}» افزوده شد.")
