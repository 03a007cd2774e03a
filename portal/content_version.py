"""One version token for the site's content, and template fragments cached under it.

Menus, the footer and the lists a page shows of other pages are the same for every reader until a
page changes. They are cached as rendered HTML under a key that holds this token; publishing,
unpublishing, moving, deleting or saving any page (or changing a site) replaces the token, so the
next request renders them again from the database: nothing is deleted, old entries simply expire.

Only what every anonymous reader may see goes in. A request that is not an anonymous reader's -- a
preview, "view draft", a moderation or workflow preview (Wagtail marks those requests ``is_dummy`` and
``is_preview``) or anything asked by someone with a session (staff are logged in) -- neither reads nor
writes any of these caches: it renders from the database, so a draft never lands under a live key and a
preview never shows stale live text. Saves that change only a page's draft state (a revision, autosave,
a lock, a workflow step) leave the token alone: the live content did not change.

The token is read from the cache once per request. It is replaced at once (so the request or test
that made the change sees it) and again when the transaction commits, so that a reader who rendered
the old content between the two cannot leave it behind under the new token.
"""

import contextvars
import hashlib
import pickle
import time
import uuid

from django.apps import apps
from django.conf import settings
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
# A value with a deadline of its own (upcoming programmes: until the first ends), found in the shared
# cache, stays this long in a worker, which cannot know how much of the deadline is left.
LOCAL_SECONDS_WITH_TIMEOUT = 1
_MISSING = object()


# The token as the request being served read it (CachedSiteMiddleware marks a request with None, and the
# first reader fills it in): code that has no request at hand (a page's family, say) reads it once too.
_OUTSIDE = object()
_request_version = contextvars.ContextVar("content_version", default=_OUTSIDE)
# True while serving a request that must not touch the shared caches (see is_private()).
_private_request = contextvars.ContextVar("private_request", default=False)


def is_private(request):
    """A request whose rendering may differ from an anonymous reader's: previews and "view draft"
    (Wagtail's dummy requests), and any request carrying a session (logged-in staff; residents never
    get one). Such requests bypass every shared cache, in both directions."""
    if request is None:
        return _private_request.get()
    return (
        getattr(request, "is_dummy", False)
        or getattr(request, "is_preview", False)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    )


def _read():
    version = cache.get(KEY)
    if version is None:
        # First request after a flush or a Redis restart: any new token will do, but
        # concurrent workers must agree on one, hence add() and read back.
        cache.add(KEY, uuid.uuid4().hex, None)
        version = cache.get(KEY) or "none"
    return version


def current(request=None):
    """The token, read once per request."""
    version = _request_version.get()
    if version is not _OUTSIDE:
        if version is None:
            version = _read()
            _request_version.set(version)
        return version
    version = getattr(request, "_content_version", None)
    if version is None:
        version = _read()
        if request is not None:
            request._content_version = version
    return version


def bump():
    version = uuid.uuid4().hex
    cache.set(KEY, version, None)
    # The request that made the change sees it from here on.
    if _request_version.get() is not _OUTSIDE:
        _request_version.set(version)


def changed(*args, **kwargs):
    bump()
    transaction.on_commit(bump)


# Page fields that only a draft, a revision, a lock, a comment or the tree's child counter change: a
# save of these alone leaves the live page as it was.
DRAFT_STATE_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
}


def page_saved(sender, instance, update_fields=None, **kwargs):
    """Saves of a page that readers can see: not a draft page, not a draft-only update. Publishing,
    unpublishing, moving and deleting have signals of their own."""
    if not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_STATE_FIELDS:
        return
    changed()


def fragment_key(request, name, *vary, version=None):
    version = version or current(request)
    parts = "|".join(str(part) for part in (version, translation.get_language(), name, *vary))
    return "fragment:" + hashlib.sha1(parts.encode()).hexdigest()


def cached_value(request, name, vary, compute, timeout=None):
    """``compute()``, from the cache while the content version and ``vary`` stay the same. The value
    must be the same for every reader (no user, no session, nothing that changes without a page
    changing). ``timeout(value)``, if given, gives the seconds the value stays right (e.g. until
    the first of the programmes it lists ends). Like cached_object(), the worker keeps a pickled copy,
    and every call gets its own."""
    return cached_object(request, name, vary, compute, timeout=timeout, keep_none=True)


# Rendered fragments also stay in the process: a key names one content version, so the HTML under it
# never changes, and a string cannot be changed by the code that uses it (other values are kept pickled,
# below, so that each request gets a copy). Bounded: the oldest versions' entries are simply dropped all
# together.
_local_fragments = {}
LOCAL_FRAGMENTS = 2000


# Values (model instances among them) stay in the process as pickled bytes, each with the moment it
# stops being right; every request unpickles its own copy, so what one request sets on a page never
# reaches the next. Bounded like the fragments.
_local_objects = {}


def cached_object(request, name, vary, compute, timeout=None, keep_none=False):
    """``compute()`` under the content version, kept in the shared cache and in the worker: after the
    first request, neither a query nor a cache read. ``compute()`` returning None is not kept unless
    ``keep_none`` (a URL that matches no page must not fill the cache)."""
    if is_private(request):
        return compute()
    version = current(request)
    key = fragment_key(request, name, *vary, version=version)
    local = _local_objects.get(key)
    if local is not None and local[0] > time.monotonic():
        return pickle.loads(local[1])
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = compute()
        if found is None and not keep_none:
            return None
        seconds = timeout(found) if timeout else FRAGMENT_SECONDS
        cache.set(key, found, seconds)
    else:
        # What is left of the shared entry's life is not known here: a value with a timeout of its own
        # is kept in the worker no longer than the shortest such timeout could be.
        seconds = LOCAL_SECONDS_WITH_TIMEOUT if timeout else FRAGMENT_SECONDS
    if version != "none":
        if len(_local_objects) >= LOCAL_FRAGMENTS:
            _local_objects.clear()
        _local_objects[key] = (time.monotonic() + seconds, pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
    return found


def cached_fragment(request, name, vary, render):
    """HTML that ``render()`` makes, cached like cached_value()."""
    if is_private(request):
        return mark_safe(render())
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
        post_save.connect(page_saved, sender=model, dispatch_uid=f"content-version-save-{label}")
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
    Site.find_for_request() keeps its own answer for the rest of the request (``request._wagtail_site``),
    with the sites' root paths that every page URL is built from. It also reads the content version once
    for the whole request, for the code below that has no request at hand.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        marker = _request_version.set(None)
        private = is_private(request)
        private_marker = _private_request.set(private)
        try:
            if not private:
                # A private request lets Wagtail find its site the usual way, when it needs it.
                self.find_site(request)
            return self.get_response(request)
        finally:
            _private_request.reset(private_marker)
            _request_version.reset(marker)

    def find_site(self, request):
        if not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            port = request.get_port()

            def find():
                site = Site._find_for_request(request)
                if site is not None:
                    site.root_page = root = site.root_page.specific
                    # Wagtail routes from the home page in the request's language (home/routing.py).
                    localized = {}
                    for code, _name in settings.LANGUAGES:
                        with translation.override(code):
                            localized[code] = root.localized.specific
                    root._localized_by_language = localized
                return site or False

            request._wagtail_site = cached_object(request, "site", [hostname, port], find) or None
        if not hasattr(request, "_wagtail_cached_site_root_paths"):
            # Every page URL is built from these (Page.get_url); Wagtail reads them from the cache once
            # per request.
            request._wagtail_cached_site_root_paths = cached_value(request, "site-root-paths", [], Site.get_site_root_paths)
