"""Who chooses the caseworkers: an office's heads, for their own neighbourhood, from its staff.

A head (the group ``neighborhoods.permissions.ensure_head_group`` makes) holds ``choose_caseworkers``
with page permissions on their neighbourhood; a superuser may choose in every neighbourhood. Only
members of the neighbourhood's staff group can be made its caseworkers, so nobody from outside the
office (another office's staff, an NGO account) is given its confidential cases by a mistyped id.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage
from neighborhoods.permissions import caseworker_group_name, staff_group_name
from portal.tree_scope import granted_paths, under

PERMISSION = "choose_caseworkers"


def neighborhoods_headed_by(user):
    """The neighbourhoods whose caseworkers ``user`` chooses."""
    if not user.is_authenticated or not user.is_active:
        return NeighborhoodPage.objects.none()
    if user.is_superuser:
        return in_default_language(NeighborhoodPage.objects.all())
    paths = granted_paths(
        user,
        group__permissions__codename=PERMISSION,
        group__permissions__content_type__app_label="participation",
        permission__codename="change_page",
    )
    if not paths:
        return NeighborhoodPage.objects.none()
    return in_default_language(NeighborhoodPage.objects.filter(under(paths)))


def staff_of(neighborhood):
    """The active members of the neighbourhood's staff, each with ``is_caseworker``."""
    caseworkers = set(
        get_user_model().objects.filter(groups__name=caseworker_group_name(neighborhood)).values_list("pk", flat=True)
    )
    members = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=staff_group_name(neighborhood))
        .order_by("last_name", "first_name", "username")
    )
    for member in members:
        member.is_caseworker = member.pk in caseworkers
    return members


def set_caseworker(neighborhood, member, chosen):
    """Add ``member`` (one of the neighbourhood's staff) to its caseworkers, or take them out."""
    group = Group.objects.get(name=caseworker_group_name(neighborhood))
    if chosen:
        member.groups.add(group)
    else:
        member.groups.remove(group)
