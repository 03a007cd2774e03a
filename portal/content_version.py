"""One version token for the site's content, and template fragments cached under it.

Menus, the footer and the lists a page shows of other pages are the same for every reader until a
page changes. They are cached as rendered HTML under a key that holds this token; publishing,
unpublishing, moving, deleting or saving any page (or changing a site) replaces the token, so the
next request renders them again from the database: nothing is deleted, old entries simply expire.

The token is read from the cache once per request. It is replaced at once (so the request or test
that made the change sees it) and again when the transaction commits, so that a reader who rendered
the old content between the two cannot leave it behind under the new token.
"""

import hashlib
import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

KEY = "content-version"
# Fragments outlive no version; this only bounds how long unused ones stay in the cache.
FRAGMENT_SECONDS = 24 * 3600


def current(request=None):
    """The token, read once per request (kept on the request)."""
    version = getattr(request, "_content_version", None)
    if version is None:
        version = cache.get(KEY)
        if version is None:
            # First request after a flush or a Redis restart: any new token will do, but
            # concurrent workers must agree on one, hence add() and read back.
            cache.add(KEY, uuid.uuid4().hex, None)
            version = cache.get(KEY) or "none"
        if request is not None:
            request._content_version = version
    return version


def bump():
    cache.set(KEY, uuid.uuid4().hex, None)


def changed(*args, **kwargs):
    bump()
    transaction.on_commit(bump)


def fragment_key(request, name, *vary, version=None):
    version = version or current(request)
    parts = "|".join(str(part) for part in (version, translation.get_language(), name, *vary))
    return "fragment:" + hashlib.sha1(parts.encode()).hexdigest()


def cached_value(request, name, vary, compute, timeout=None):
    """``compute()``, from the cache while the content version and ``vary`` stay the same. The value
    must be the same for every reader (no user, no session, nothing that changes without a page
    changing). ``timeout(value)``, if given, gives the seconds the value stays right (e.g. until
    the first of the programmes it lists ends)."""
    key = fragment_key(request, name, *vary)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout(value) if timeout else FRAGMENT_SECONDS)
    return value


# Rendered fragments also stay in the process: a key names one content version, so the HTML under it
# never changes, and a string cannot be changed by the code that uses it (other values, model
# instances, come from the shared cache each time: a copy per request). Bounded: the oldest versions'
# entries are simply dropped all together.
_local_fragments = {}
LOCAL_FRAGMENTS = 2000


def cached_fragment(request, name, vary, render):
    """HTML that ``render()`` makes, cached like cached_value()."""
    version = current(request)
    key = fragment_key(request, name, *vary, version=version)
    html = _local_fragments.get(key)
    if html is None:
        html = cache.get(key)
        if html is None:
            html = render()
            cache.set(key, html, FRAGMENT_SECONDS)
        # "none": the cache cannot be reached, so no edit could replace the version; keep nothing.
        if version != "none":
            if len(_local_fragments) >= LOCAL_FRAGMENTS:
                _local_fragments.clear()
            _local_fragments[key] = html
    return mark_safe(html)


def register():
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        label = model._meta.label
        page_published.connect(changed, sender=model, dispatch_uid=f"content-version-pub-{label}")
        page_unpublished.connect(changed, sender=model, dispatch_uid=f"content-version-unpub-{label}")
        post_page_move.connect(changed, sender=model, dispatch_uid=f"content-version-move-{label}")
        # Saves cover pages added or edited without publishing (imports, tree changes, tests), and
        # the inline rows (office hours, council) that are saved with the page.
        post_save.connect(changed, sender=model, dispatch_uid=f"content-version-save-{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"content-version-delete-{label}")
    for model in (Site, PageViewRestriction):
        label = model._meta.label
        post_save.connect(changed, sender=model, dispatch_uid=f"content-version-save-{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"content-version-delete-{label}")


class CachedSiteMiddleware:
    """Finds the request's Wagtail site in the cache instead of the database.

    Wagtail looks the site up (one query) and then reads the home page's specific row (another) on
    every request it routes. Both are the same until a site or a page changes, so the site, with its
    home page already specific, is kept under the content version and handed to Wagtail the way
    Site.find_for_request() keeps its own answer for the rest of the request (``request._wagtail_site``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            port = request.get_port()

            def find():
                site = Site._find_for_request(request)
                if site is not None:
                    site.root_page = site.root_page.specific
                return site or False

            request._wagtail_site = cached_value(request, "site", [hostname, port], find) or None
        return self.get_response(request)
