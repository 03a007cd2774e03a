"""Which pages' titles a member of staff or an NGO account meets in the admin outside their own pages.

Wagtail's explorer and page chooser list a parent's children whatever the user may do with them, and its
page-types report names the last page edited of each type anywhere: staff of one neighbourhood would read
the titles of another's drafts and restricted pages (a news item not yet published, a page behind a
password). A user who is not a superuser sees, in those lists:

- the pages in the subtrees their groups hold any page permission on (their own work), and their ancestors
  (the way there);
- elsewhere, only what any reader already sees: live pages with no unpublished changes (Wagtail shows a
  page's latest draft title in its listings) outside every restricted section.
"""

from django.db.models import Q
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from .tree_scope import above, granted_paths, under
from .visibility import restricted_q


def own_q(user):
    """Q for the pages under the user's page permissions, and their ancestors."""
    paths = granted_paths(user)
    return under(paths) | above(paths)


def public_q():
    restricted = restricted_q()
    q = Q(live=True, has_unpublished_changes=False)
    return q & ~restricted if restricted else q


def titles_for(user, pages):
    """``pages`` narrowed to those whose titles ``user`` may read in the admin (see the module docstring)."""
    if user.is_superuser:
        return pages
    # By id, through a subquery: the admin's searches filter only on indexed fields, and these are not.
    return pages.filter(pk__in=Page.objects.filter(own_q(user) | public_q()).values("pk"))


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page-types report, naming the last page edited of a type only when the user may read its
    title. Served at Wagtail's own URLs (portal/urls.py, listed before the admin's)."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        if user.is_superuser:
            return page_types
        ids = [item.last_edited_page.pk for item in page_types if item.last_edited_page is not None]
        readable = set(titles_for(user, Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))
        for item in page_types:
            if item.last_edited_page is not None and item.last_edited_page.pk not in readable:
                item.last_edited_page = None
        return page_types
