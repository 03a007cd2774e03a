"""A meeting or a resolution changed: the neighbourhood's public pages that show its council's decisions
(its page's section, …/decisions/, its feed and CSV) are stale, and only that neighbourhood's; so is the
portal-wide open data of resolutions."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from neighborhoods.scopes import area
from portal.caching import invalidation, scopes

from .models import Meeting, ProgressNote, Resolution


def _neighborhood_changed(neighborhood):
    # The neighbourhood's pages, and the portal-wide open data of resolutions (council/api.py).
    found = {scopes.portal_list("resolutions")}
    if neighborhood is not None:
        # Its translations show the same council (council/neighborhood_section.py uses the Persian page's).
        for page in [neighborhood, *neighborhood.get_translations()]:
            if area(page):
                found.add(area(page))
    invalidation.bump(found)


@receiver(post_save, sender=Meeting)
@receiver(post_delete, sender=Meeting)
@receiver(post_save, sender=Resolution)
@receiver(post_delete, sender=Resolution)
def meeting_or_resolution_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _neighborhood_changed(instance.neighborhood)


@receiver(post_save, sender=ProgressNote)
@receiver(post_delete, sender=ProgressNote)
def progress_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _neighborhood_changed(instance.resolution.neighborhood)
