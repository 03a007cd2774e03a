"""Scopes: the units of what can change, each with a version token in the shared cache.

A scope is a string:

- ``site``          the portal's frame (sites, home pages and their menu, restrictions); every entry
                    depends on it, so bumping it empties every cache at once;
- ``nb:<path>``     one neighbourhood, named by its tree path: its page, everything below it, and what
                    its sections declare as belonging to it (the organisations serving it);
- ``page:<id>``     one page outside the neighbourhoods (a province, an organisation, a portal page);
- ``url:<path>``    the page at a tree address (its ``url_path``): the route to it;
- ``list:<name>``   a portal-wide list (``news``, ``programmes``, ``neighborhoods``, ``directory``,
                    ``pages``).

A scope's version is read at most once per request (the first read is kept for the rest of it, so
what a request stores is tagged with versions read *before* the data it came from), and replaced by
``bump()``. A version missing from the cache (after a flush or an eviction) is replaced by a new
one, so nothing kept under the old one is trusted. While the cache cannot be reached no version is
known and nothing is kept.
"""

import contextvars
import uuid

from django.conf import settings
from django.core.cache import cache

SITE = "site"
PREFIX = "scope:"


def neighborhood(path):
    return f"nb:{path}"


def page(pk):
    return f"page:{pk}"


def address(url_path):
    return f"url:{url_path}"


def portal_list(name):
    return f"list:{name}"


class RequestState:
    """What one request has read: scope versions, and whether it may use the shared caches at all."""

    def __init__(self, private):
        self.private = private
        self.versions = {}


_state = contextvars.ContextVar("cache_request_state", default=None)


def begin(request):
    """Start a request's state; returns the token for ``end()``."""
    return _state.set(RequestState(is_private(request)))


def end(token):
    _state.reset(token)


def state():
    return _state.get()


def is_private(request=None):
    """A request whose rendering may differ from an anonymous reader's: previews and "view draft"
    (Wagtail's dummy requests, ``is_dummy`` and ``is_preview``) and any request with a session
    (logged-in staff; residents never get one). Such requests neither read nor write a shared cache."""
    if request is None:
        current = _state.get()
        return bool(current and current.private)
    return bool(
        getattr(request, "is_dummy", False)
        or getattr(request, "is_preview", False)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    )


def versions(scopes):
    """{scope: version} for ``scopes`` (and ``site``), read once per request; None if any is unknown
    (the cache is out of reach)."""
    wanted = {SITE, *scopes}
    current = _state.get()
    known = current.versions if current is not None else {}
    missing = [scope for scope in wanted if scope not in known]
    if missing:
        found = cache.get_many([PREFIX + scope for scope in missing])
        for scope in missing:
            version = found.get(PREFIX + scope)
            if version is None:
                # First read after a flush: any new token will do, but readers must agree on one.
                cache.add(PREFIX + scope, uuid.uuid4().hex, None)
                version = cache.get(PREFIX + scope)
            known[scope] = version
    result = {scope: known[scope] for scope in wanted}
    return None if None in result.values() else result


def collected():
    """Every scope this request has read so far: what a page rendered from them depends on."""
    current = _state.get()
    return dict(current.versions) if current is not None else {}


def bump(scopes):
    """New versions for ``scopes``: whatever was kept under the old ones is no longer used."""
    scopes = set(scopes)
    if not scopes:
        return
    cache.set_many({PREFIX + scope: uuid.uuid4().hex for scope in scopes}, None)
    current = _state.get()
    if current is not None:
        # The request that made the change sees it from here on.
        for scope in scopes:
            current.versions.pop(scope, None)
