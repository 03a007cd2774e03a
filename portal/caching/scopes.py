"""Scopes (see the package docstring for the list) and their version tokens in the shared cache.

A request reads a scope's version at most once and keeps it for the rest of the request, so what it
stores is tagged with versions read *before* the data it came from. A version missing from the cache
(a flush, an eviction) is replaced by a new one, so nothing kept under the old one is trusted; while
the cache cannot be reached no version is known and nothing is kept.
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


# The request being served: whether it is private, and the versions it has read.
_request = contextvars.ContextVar("cache_request", default=None)


def begin(request):
    return _request.set({"private": is_private(request), "versions": {}})


def end(token):
    _request.reset(token)


def is_private(request=None):
    """Previews and "view draft" (Wagtail's dummy requests) and any request with a session (logged-in
    staff; residents never get one): they neither read nor write a shared cache."""
    if request is None:
        return bool((_request.get() or {}).get("private"))
    return bool(
        getattr(request, "is_dummy", False)
        or getattr(request, "is_preview", False)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    )


def versions(scopes):
    """{scope: version} for ``scopes`` and ``site``; None if any is unknown (the cache is away)."""
    wanted = {SITE, *scopes}
    known = (_request.get() or {}).get("versions", {})
    missing = [scope for scope in wanted if scope not in known]
    if missing:
        keys = [PREFIX + scope for scope in missing]
        found = cache.get_many(keys)
        unset = [key for key in keys if found.get(key) is None]
        if unset:
            # First read after a flush: any new token will do, but readers must agree on one.
            for key in unset:
                cache.add(key, uuid.uuid4().hex, None)
            found.update(cache.get_many(unset))
        for scope, key in zip(missing, keys):
            known[scope] = found.get(key)
    result = {scope: known[scope] for scope in wanted}
    return None if None in result.values() else result


def until(moment):
    """What the request is rendering stays right only until ``moment`` (a time.time() value): an urgent
    notice ends, the first of the upcoming programmes ends. The page cache keeps the page no longer."""
    state = _request.get()
    if state is not None and moment < state.get("until", float("inf")):
        state["until"] = moment


def deadline():
    """The earliest ``until`` of the request, or None."""
    return (_request.get() or {}).get("until")


def collected():
    """Every scope the request has read so far: what a page rendered from them depends on."""
    return dict((_request.get() or {}).get("versions", {}))


def bump(scopes):
    """New versions for ``scopes``: whatever was kept under the old ones is no longer used."""
    if scopes:
        cache.set_many({PREFIX + scope: uuid.uuid4().hex for scope in scopes}, None)
        # The request that made the change sees it from here on.
        for scope in scopes:
            (_request.get() or {}).get("versions", {}).pop(scope, None)
