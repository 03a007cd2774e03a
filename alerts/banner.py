"""The urgent notices in force where a reader is: the portal's (in the page's language) and those of the
neighbourhood the page is in. Kept with the page's neighbourhood scope (a notice there bumps it; a
portal-wide one, a child of the home page, bumps ``site``) until the first of them ends: an ended notice
leaves every kept page and fragment with it, without waiting for Wagtail to unpublish it."""

from django.db.models import Q
from django.utils import timezone, translation
from wagtail.models import Page

from neighborhoods.scopes import NEIGHBORHOOD_DEPTH, area
from portal.caching.store import SECONDS, cached

from .models import NoticePage

PORTAL_DEPTH = 3


def notices_for(request, page=None):
    neighborhood_path = page.path[: NEIGHBORHOOD_DEPTH * Page.steplen] if page is not None and area(page) else ""
    language = translation.get_language()

    def fetch():
        scope = Q(depth=PORTAL_DEPTH, locale__language_code=language)
        if neighborhood_path:
            scope |= Q(depth=NEIGHBORHOOD_DEPTH + 1, path__startswith=neighborhood_path)
        return list(
            NoticePage.objects.listable()
            .filter(scope, ends_at__gt=timezone.now())
            .order_by("ends_at", "pk")
            .only("title", "message", "ends_at", "url_path", "depth", "path", "locale_id")
        )

    def seconds_left(found):
        if not found:
            return SECONDS
        return max(1, min(SECONDS, int((found[0].ends_at - timezone.now()).total_seconds()) + 1))

    depends = [area(page)] if neighborhood_path else []
    now = timezone.now()
    return [
        notice
        for notice in cached(request, "urgent-notices", [neighborhood_path], fetch, depends, timeout=seconds_left)
        if notice.ends_at > now
    ]
