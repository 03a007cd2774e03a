"""Which neighbourhoods a staff member works in.

The page tree is the permission model: a user works in every neighbourhood inside a subtree where
one of their groups may edit pages — their own neighbourhood for its staff, every neighbourhood of
the province for its coordinators. Every inbox view filters *and* checks objects through here.
"""

from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage, ProvincePage

from portal.tree_scope import granted_paths, under

from .models import Submission


def neighborhoods_for(user):
    if not user.is_authenticated or not user.is_active:
        return NeighborhoodPage.objects.none()
    if user.is_superuser:
        return in_default_language(NeighborhoodPage.objects.all())
    paths = granted_paths(user, permission__codename="change_page")
    if not paths:
        return NeighborhoodPage.objects.none()
    return in_default_language(NeighborhoodPage.objects.filter(under(paths)))


def provinces_for(user):
    """The provinces whose whole subtree the user works in: a coordinator's province, every one for a
    superuser, none for a neighbourhood's staff (their permission is below the province)."""
    if not user.is_authenticated or not user.is_active:
        return ProvincePage.objects.none()
    if user.is_superuser:
        return in_default_language(ProvincePage.objects.all())
    paths = granted_paths(user, permission__codename="change_page")
    if not paths:
        return ProvincePage.objects.none()
    return in_default_language(ProvincePage.objects.filter(under(paths)))


def submissions_for(user):
    if user.is_authenticated and user.is_active and user.is_superuser:
        # A superuser's scope is every neighbourhood, so every submission (they all belong to a
        # default-language neighbourhood). Checking 200,000 rows against the list of every neighbourhood
        # took most of the inbox's second at benchmark volume.
        return Submission.objects.all()
    return Submission.objects.filter(neighborhood__in=neighborhoods_for(user))


def can_access(user, submission):
    return neighborhoods_for(user).filter(pk=submission.neighborhood_id).exists()
