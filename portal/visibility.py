"""Which live pages readers may find in lists: none behind a view restriction.

Wagtail keeps a restricted page's own URL behind its password, login or groups, but a listing that
asks only for ``live()`` pages would still show its title and lead on the front page, in feeds, the
calendar, maps and the API. Every public list of pages therefore asks for ``listable()`` pages (or
tests ``is_listable()`` on pages it already holds): live, and neither restricted nor below a
restricted page.

Wagtail's own ``PageQuerySet.public()`` asks the database for the restrictions every time it is
called; here their paths are read once and kept under the ``site`` scope, which saving or deleting a
restriction replaces (portal/caching/), so a listing costs no extra query.
"""

from django.db.models import Q
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .caching.store import cached


def restricted_paths():
    def fetch():
        return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))

    return cached(None, "restricted-paths", [], fetch, [])


def restricted_q(prefix=""):
    """Q for pages at or below a restricted page; ``prefix`` reaches them through a relation."""
    q = Q()
    for path in restricted_paths():
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def listable_q(prefix=""):
    """Q for live pages outside every restricted section."""
    q = Q(**{f"{prefix}live": True})
    restricted = restricted_q(prefix)
    return q & ~restricted if restricted else q


def is_listable(page):
    return page.live and not page.path.startswith(tuple(restricted_paths()))


class ListablePageQuerySet(PageQuerySet):
    def listable(self):
        """Live pages readers may find in lists (see the module's docstring)."""
        return self.filter(listable_q())


ListablePageManager = PageManager.from_queryset(ListablePageQuerySet)
