"""Keep seats and derived columns right when staff publish or move a programme."""

from django.dispatch import receiver
from wagtail.signals import page_published, post_page_move

from .models import ProgramPage
from .seats import promote


@receiver(page_published, sender=ProgramPage)
def fill_freed_seats(sender, instance, **kwargs):
    """A larger capacity (or none) published by staff confirms the people waiting for it."""
    if instance.registrations.filter(state="waitlisted").exists() and not instance.cancelled:
        promote(instance)


@receiver(post_page_move)
def follow_neighborhood(sender, instance, **kwargs):
    """A programme moved to another neighbourhood belongs to that one from now on."""
    page = instance.specific
    if isinstance(page, ProgramPage):
        ProgramPage.objects.filter(pk=page.pk).update(neighborhood=page.find_neighborhood())
