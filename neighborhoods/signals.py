from django.db.models.signals import post_save
from django.dispatch import receiver

from .locales import source_of
from .models import NeighborhoodPage, ProvincePage
from .permissions import (
    ensure_caseworker_group,
    ensure_coordinator_group,
    ensure_head_group,
    ensure_staff_group,
    grant_pages,
)


def _group_for(page, ensure_group):
    # A translation is the same neighbourhood (or province): its staff get the translated subtree too,
    # so they can translate and keep it current, and no second group or image collection is made.
    source = source_of(page)
    if source.pk == page.pk:
        ensure_group(page)
    else:
        grant_pages(ensure_group(source), page)


@receiver(post_save, sender=NeighborhoodPage)
def create_staff_group(sender, instance, created, raw=False, **kwargs):
    # Wagtail saves the page again for every revision; only a new page needs its group.
    if created and not raw:
        _group_for(instance, ensure_staff_group)
        _group_for(instance, ensure_caseworker_group)
        _group_for(instance, ensure_head_group)


@receiver(post_save, sender=ProvincePage)
def create_coordinator_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _group_for(instance, ensure_coordinator_group)
