"""Make (or complete) every neighbourhood's and province's groups, as creating the page would today.

New pages get their groups from neighborhoods.signals; a database whose pages were made before a group
kind existed (the caseworkers', the heads') gets them here. Safe to run again: it only adds."""

from django.core.management.base import BaseCommand

from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage, ProvincePage
from neighborhoods.permissions import (
    ensure_caseworker_group,
    ensure_coordinator_group,
    ensure_head_group,
    ensure_staff_group,
)


class Command(BaseCommand):
    help = "گروه‌های کارکنان، مددکاران و مسئولان هر محله و هماهنگ‌کنندگان هر استان را می‌سازد یا کامل می‌کند."

    def handle(self, *args, **options):
        neighborhoods = provinces = 0
        for province in in_default_language(ProvincePage.objects.all()):
            ensure_coordinator_group(province)
            provinces += 1
        for neighborhood in in_default_language(NeighborhoodPage.objects.all()):
            for ensure in (ensure_staff_group, ensure_caseworker_group, ensure_head_group):
                ensure(neighborhood)
            neighborhoods += 1
        self.stdout.write(f"{neighborhoods} neighbourhoods, {provinces} provinces")
