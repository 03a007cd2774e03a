from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, gettext_lazy as _

from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage

from ...accounts import ensure_agency_account
from ...models import Agency


class Command(BaseCommand):
    help = _("ساختن حساب یک دستگاه مسئول برای دیدن مصوبه‌های سپرده به آن در محله‌هایی که در آن‌ها خدمت می‌کند")

    def add_arguments(self, parser):
        parser.add_argument("agency", help=gettext("شناسه دستگاه، مانند welfare"))
        parser.add_argument("username")
        parser.add_argument("neighborhoods", nargs="+", help=gettext("نشانی کوتاه (slug) محله‌ها"))
        parser.add_argument("--email", default="")

    def handle(self, *args, agency, username, neighborhoods, email, **options):
        found_agency = Agency.objects.filter(slug=agency).first()
        if found_agency is None:
            raise CommandError(gettext("دستگاهی با شناسه «%(slug)s» نیست.") % {"slug": agency})
        found = list(in_default_language(NeighborhoodPage.objects.filter(slug__in=neighborhoods)))
        missing = set(neighborhoods) - {n.slug for n in found}
        if missing:
            raise CommandError(gettext("این محله‌ها پیدا نشدند: %(slugs)s") % {"slugs": "، ".join(sorted(missing))})
        user, password = ensure_agency_account(found_agency, username, found, email=email)
        if password:
            self.stdout.write(gettext("حساب %(username)s ساخته شد. گذرواژه نخست (یک بار نشان داده می‌شود): %(password)s")
                % {"username": user.username, "password": password})
        else:
            self.stdout.write(gettext("حساب %(username)s از پیش بود؛ محله‌ها به آن افزوده شد.") % {"username": user.username})
