"""Where in the page tree a user's groups hold page permissions, as paths and as page filters.

The page tree is the permission model: a group's page permission on a page covers that page's whole
subtree (a neighbourhood for its staff, a province for its coordinators). The inbox's scope, the
caseworkers' confidential reach and the admin's titles all start from these paths.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page


def granted_paths(user, **filters):
    """The paths of the pages where one of ``user``'s groups holds a page permission matching ``filters``
    (GroupPagePermission lookups, such as ``permission__codename="change_page"``)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    return set(GroupPagePermission.objects.filter(group__user=user, **filters).values_list("page__path", flat=True))


def under(paths):
    """Q for the pages at or below any of ``paths``; matches nothing for no paths."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return query


def above(paths):
    """Q for the strict ancestors of ``paths`` (matches nothing for no paths or only root-level ones)."""
    ancestors = {path[:end] for path in paths for end in range(Page.steplen, len(path), Page.steplen)}
    return Q(path__in=ancestors) if ancestors else Q(pk__in=[])
