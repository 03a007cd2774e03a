from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, gettext_lazy as _

from directory.accounts import ensure_organization_account
from directory.models import OrganizationPage


class Command(BaseCommand):
    help = _("ساختن حساب یک سازمان برای ویرایش صفحه خودش در فهرست (تغییرها پیش از انتشار بازبینی می‌شوند)")

    def add_arguments(self, parser):
        parser.add_argument("slug", help=gettext("نشانی کوتاه (slug) صفحه سازمان"))
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, slug, username, email, **options):
        page = OrganizationPage.objects.filter(slug=slug).first()
        if page is None:
            raise CommandError(gettext("سازمانی با نشانی «%(slug)s» پیدا نشد.") % {"slug": slug})
        user, password = ensure_organization_account(page, username, email=email)
        if password:
            self.stdout.write(gettext("حساب %(username)s ساخته شد. گذرواژه نخست (یک بار نشان داده می‌شود): %(password)s")
                % {"username": user.username, "password": password})
        else:
            self.stdout.write(gettext("حساب %(username)s از پیش بود و به گروه سازمان «%(title)s» افزوده شد.")
                % {"username": user.username, "title": page.title})
