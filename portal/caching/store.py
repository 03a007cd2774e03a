"""Values and HTML kept in the shared cache, and in the worker, while the scopes they depend on stand.

An entry is stored with the versions of its scopes, read before its value was computed, and is used
only while those versions are still current (checked on every read, against the versions the request
has read). Nothing is ever deleted: a bumped scope simply makes its entries unused, and they expire.
Each worker also keeps what it read (pickled, so that each request gets its own copy, and HTML as is),
so a page seen once costs no query and one cache read per scope per request.

A private request (portal/caching/scopes.py) computes everything itself and keeps nothing.
"""

import hashlib
import pickle
import time

from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from . import scopes as scoping

# Unused entries leave the shared cache after this long; a value with a deadline of its own (the
# upcoming programmes, until the first ends) passes ``timeout``.
SECONDS = 24 * 3600
# The worker's copies, bounded: past this many the oldest generation is dropped all together.
LOCAL_ENTRIES = 4000
_local = {}


def _key(name, vary):
    parts = "|".join(str(part) for part in (translation.get_language(), name, *vary))
    return "cached:" + hashlib.sha1(parts.encode()).hexdigest()


def _current(entry):
    """The entry's value if the versions it was stored under are still the current ones."""
    deadline, stored_versions, value = entry
    if deadline < time.time():
        return None
    now = scoping.versions(stored_versions)
    return value if now is not None and all(now[scope] == version for scope, version in stored_versions.items()) else None


def cached(request, name, vary, compute, depends, timeout=None, html=False, staff=False):
    """``compute()``, kept while the ``depends`` scopes (and ``site``) keep their versions, which are
    read before it is computed: what is kept is never older than the versions it is kept under.

    ``timeout(value)`` gives the seconds a value stays right on its own. ``html`` keeps a rendered
    fragment (as safe HTML). The value must be the same for every anonymous reader.

    ``staff`` marks a value that only staff screens use and that ``vary`` already ties to what the member
    of staff may see (the inbox's select of a thousand neighbourhoods, keyed by the ids offered): it is
    kept for private requests too, under keys no public page reads, and never holds a draft.
    """
    if scoping.is_private(request) and not staff:
        return mark_safe(compute()) if html else compute()
    key = _key("staff:" + name if staff else name, vary)
    entry = _local.get(key) or cache.get(key)
    if entry is not None:
        value = _current(entry)
        if value is not None:
            _keep(key, entry)
            scoping.until(entry[0])
            return mark_safe(value) if html else pickle.loads(value)
    versions = scoping.versions(depends)
    found = compute()
    if versions is not None and found is not None:
        seconds = timeout(found) if timeout else SECONDS
        entry = (time.time() + seconds, versions, found if html else pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
        cache.set(key, entry, seconds)
        scoping.until(entry[0])
        _keep(key, entry)
    return mark_safe(found) if html else found


def _keep(key, entry):
    if len(_local) >= LOCAL_ENTRIES:
        _local.clear()
    _local[key] = entry
