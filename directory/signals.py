from django.db.models.signals import post_save
from django.dispatch import receiver

from neighborhoods.models import NeighborhoodPage, ProvincePage
from neighborhoods.permissions import ensure_coordinator_group, ensure_staff_group

from .models import DirectoryIndexPage
from .permissions import grant_all_staff, grant_drafts


@receiver(post_save, sender=DirectoryIndexPage)
def open_directory_to_staff(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_all_staff(instance)


@receiver(post_save, sender=NeighborhoodPage)
def open_directories_to_new_staff(sender, instance, created, raw=False, **kwargs):
    # Runs after neighborhoods' own receiver (its app is listed first), which made the group.
    if created and not raw:
        for directory in DirectoryIndexPage.objects.all():
            grant_drafts(ensure_staff_group(instance), directory)


@receiver(post_save, sender=ProvincePage)
def open_directories_to_new_coordinators(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        for directory in DirectoryIndexPage.objects.all():
            grant_drafts(ensure_coordinator_group(instance), directory)
