"""A meeting or a resolution changed: the neighbourhood's public pages that show its council's decisions
(its page's section, …/decisions/, its feed and CSV) are stale, and only that neighbourhood's; so is the
portal-wide open data of resolutions. A province's meeting makes stale the neighbourhoods its resolutions
concern; a resolution moved from one neighbourhood to another, both."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from neighborhoods.models import NeighborhoodPage
from neighborhoods.scopes import area
from portal.caching import invalidation, scopes

from .models import Meeting, ProgressNote, Resolution


def _neighborhoods_changed(neighborhoods):
    # The neighbourhoods' pages, and the portal-wide open data of resolutions (council/api.py).
    found = {scopes.portal_list("resolutions")}
    for neighborhood in neighborhoods:
        # Its translations show the same council (council/neighborhood_section.py uses the Persian page's).
        for page in [neighborhood, *neighborhood.get_translations()]:
            if area(page):
                found.add(area(page))
    invalidation.bump(found)


@receiver(post_save, sender=Meeting)
@receiver(post_delete, sender=Meeting)
def meeting_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # Read by id: on a cascade (a neighbourhood or province deleted) the page may be gone already.
    if instance.neighborhood_id:
        _neighborhoods_changed(NeighborhoodPage.objects.filter(pk=instance.neighborhood_id))
    else:
        _neighborhoods_changed(NeighborhoodPage.objects.filter(resolutions__meeting_id=instance.pk).distinct())


@receiver(post_save, sender=Resolution)
@receiver(post_delete, sender=Resolution)
def resolution_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    ids = {instance.neighborhood_id, getattr(instance, "loaded_neighborhood_id", None)} - {None}
    _neighborhoods_changed(NeighborhoodPage.objects.filter(pk__in=ids))
    instance.loaded_neighborhood_id = instance.neighborhood_id


@receiver(post_save, sender=ProgressNote)
@receiver(post_delete, sender=ProgressNote)
def progress_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _neighborhoods_changed(NeighborhoodPage.objects.filter(resolutions__pk=instance.resolution_id))
