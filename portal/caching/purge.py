"""Purging the front caches (nginx, Varnish, a CDN) through wagtail.contrib.frontend_cache.

Our own page cache needs no purge: its entries check their scopes' versions when read. A front cache
cannot, so every URL stored as cacheable is remembered under each scope it was rendered from (not
``site``: every URL depends on it), and when scopes change their remembered URLs are purged through the
backends of WAGTAILFRONTENDCACHE, on the task queue, after the change is committed. The purge set is
therefore exactly what was served and may still be held, derived from the scopes, never listed by hand.

A record lives as long as a front cache may keep a page (FRONT_CACHE_SECONDS, twice nginx's 60 s); on a
cache without sets (tests' in-process cache) the set is read and written back, which can lose a URL
under concurrent writes -- the front cache's own lifetime then bounds it.
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from .scopes import SITE

PREFIX = "purge:"


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def remember(url, depends):
    if not enabled():
        return
    seconds = settings.FRONT_CACHE_SECONDS
    for scope in depends:
        if scope == SITE:
            continue
        key = PREFIX + scope
        if hasattr(cache, "sadd"):  # django-redis: a Redis set, added to atomically
            cache.sadd(key, url)
            cache.expire(key, seconds)
        else:
            cache.set(key, {*(cache.get(key) or ()), url}, seconds)


def urls_for(scopes):
    urls = set()
    for scope in scopes:
        key = PREFIX + scope
        urls.update(cache.smembers(key) if hasattr(cache, "smembers") else cache.get(key) or ())
    return urls


def purge_scopes(scopes):
    """Queue a purge of every URL remembered under ``scopes``."""
    if enabled():
        urls = sorted(urls_for(scopes))
        if urls:
            purge_urls_from_cache(urls)
