"""Whole-page cache for anonymous readers, and its purge backend for wagtail.contrib.frontend_cache.

The middleware sits right after SecurityMiddleware and WhiteNoise: a hit is one cache read and
skips sessions, locale, CSRF, auth, URL resolving and the page tree. It stores only responses that
are the same for every anonymous reader:

- GET (HEAD is answered from the GET entry) without a query string, outside PAGE_CACHE_EXCLUDE_PREFIXES;
- no session cookie on the request (staff are logged in, so they always see fresh pages), and never
  a preview or "view draft" (Wagtail's dummy requests run through this middleware too);
- status 200, not streamed, no Set-Cookie, no Vary: Cookie, no private/no-store Cache-Control,
  and no CSRF token used while rendering (so form pages and /track/ are never stored).

Entries are keyed by the URL path, which carries the language (/en/…); the portal serves one site. The
host is checked against ALLOWED_HOSTS before the cache is read, so a hit is never served to a foreign
Host header: that request gets the Persian 400, as it would from the view. Publishing purges the
paths through PageCacheBackend (see portal/purge.py); PAGE_CACHE_SECONDS bounds what a missed purge
can leave behind.
"""

import hashlib
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, has_vary_header
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

HEADER = "X-Page-Cache"
# Headers that belong to one response only, or that the outer middleware adds again.
SKIPPED_HEADERS = {"set-cookie", "content-length", "date"}


def cache_key(path):
    return "pagecache:" + hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or getattr(request, "is_dummy", False):
        return False
    return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDE_PREFIXES))


def cacheable_response(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if has_vary_header(response, "Cookie") or has_vary_header(response, "*"):
        return False
    directives = {d.strip().split("=")[0].lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        # Raises DisallowedHost (a 400) for a name outside ALLOWED_HOSTS, before any entry is read.
        request.get_host()
        key = cache_key(request.path)
        entry = page_cache().get(key)
        if entry is not None:
            return self.from_entry(request, entry)
        response = self.get_response(request)
        if cacheable_response(request, response):
            page_cache().set(key, self.to_entry(response), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def to_entry(response):
        headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
        return (response.content, headers)

    @staticmethod
    def from_entry(request, entry):
        content, headers = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response[HEADER] = "hit"
        return response


def purge_paths(paths):
    page_cache().delete_many([cache_key(path) for path in paths])


class PageCacheBackend(BaseBackend):
    """wagtail.contrib.frontend_cache backend that drops URLs from our own page cache."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        purge_paths({unquote(urlsplit(url).path) for url in urls})
