from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import NeighborhoodPage, ProvincePage
from .permissions import ensure_coordinator_group, ensure_staff_group


@receiver(post_save, sender=NeighborhoodPage)
def create_staff_group(sender, instance, created, raw=False, **kwargs):
    # Wagtail saves the page again for every revision; only a new page needs its group.
    if created and not raw:
        ensure_staff_group(instance)


@receiver(post_save, sender=ProvincePage)
def create_coordinator_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_coordinator_group(instance)
