"""One middleware for the caches: the page cache, the request's scope versions, and the Wagtail site.

It sits right after SecurityMiddleware and WhiteNoise; a hit is two cache reads (the entry, and the
versions of the scopes it was rendered from) and skips everything below. It stores only what every
anonymous reader gets: a GET without a query string outside PAGE_CACHE_EXCLUDE_PREFIXES from a request
that is not private, answered 200, not streamed, with no cookie set, no Vary: Cookie, nothing private
and no CSRF token used (so form pages and /track/ are never stored). An entry is served while every
scope the request read when rendering it keeps its version; PAGE_CACHE_SECONDS bounds the rest.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import cc_delim_re, has_vary_header, patch_cache_control
from wagtail.models import Page, Site

from . import purge
from . import scopes as scoping
from .store import cached

HEADER = "X-Page-Cache"
# Headers that belong to one response only, or that the outer middleware adds again.
SKIPPED_HEADERS = {"set-cookie", "content-length", "date"}
# How long nginx keeps a page (site/mahalle_locations: proxy_cache_valid) unless the page says less.
FRONT_CACHE_SECONDS = 60


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def page_key(path):
    return "pagecache:" + hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()


def cacheable_request(request):
    """A request whose answer any cache may keep (ours, if PAGE_CACHE_SECONDS is set, or a front cache)."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING") or scoping.is_private(request):
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


class CacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = scoping.begin(request)
        try:
            return self.respond(request)
        finally:
            scoping.end(token)

    def respond(self, request):
        cacheable = cacheable_request(request)
        kept_here = cacheable and settings.PAGE_CACHE_SECONDS > 0
        if kept_here:
            request.get_host()  # DisallowedHost (a Persian 400) before any entry is read
            entry = page_cache().get(page_key(request.path))
            if entry is not None and self.current(entry[2]):
                return self.from_entry(request, entry)
        if not scoping.is_private(request):
            find_site_when_asked(request)
        response = self.get_response(request)
        if cacheable and cacheable_response(request, response):
            depends = scoping.collected()
            seconds = settings.PAGE_CACHE_SECONDS
            deadline = scoping.deadline()
            if deadline is not None:
                # Something on the page ends sooner (an urgent notice): no cache keeps it past that.
                left = max(1, int(deadline - time.time()))
                seconds = min(seconds, left)
                if left < FRONT_CACHE_SECONDS:
                    patch_cache_control(response, max_age=left)
            # Kept only under known versions (none while Redis is away: then rendered every time).
            if depends and None not in depends.values():
                # A front cache may keep it too: remembered for the purge when a scope changes.
                purge.remember(request.build_absolute_uri(), depends)
                if kept_here:
                    headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
                    entry = (response.content, headers, depends)
                    page_cache().set(page_key(request.path), entry, seconds)
            if kept_here:
                response[HEADER] = "miss"
        return response

    @staticmethod
    def current(depends):
        now = scoping.versions(depends)
        return now is not None and all(now[scope] == version for scope, version in depends.items())

    @staticmethod
    def from_entry(request, entry):
        content, headers, _depends = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response[HEADER] = "hit"
        return response


def find_site(request):
    """The request's Wagtail site, with its home page (specific, and in each language), from the cache:
    Wagtail would otherwise ask the database for them on every request it routes."""
    hostname = split_domain_port(request._get_raw_host())[0]

    def find():
        site = Site._find_for_request(request)
        if site is None:
            return False
        site.root_page = root = site.root_page.specific
        # Wagtail routes from the home page in the request's language (home/routing.py): its live
        # translation in that language, else the home page itself, as Page.localized would answer.
        live = Page.objects.filter(translation_key=root.translation_key, live=True)
        by_code = dict(live.values_list("locale__language_code", "pk"))
        others = [pk for pk in by_code.values() if pk != root.pk]
        found = {page.pk: page for page in type(root).objects.filter(pk__in=others)} if others else {}
        root._localized_by_language = {code: found.get(by_code.get(code), root) for code, _name in settings.LANGUAGES}
        return site

    return cached(request, "site", [hostname, request.get_port()], find, []) or None


def find_site_root_paths(request):
    # Every page URL is built from these (Page.get_url); Wagtail reads them once per request otherwise.
    return cached(request, "site-root-paths", [], Site.get_site_root_paths, [])


class FoundWhenAsked:
    """An attribute of the request that is found the first time something reads it, and kept on it.

    Wagtail keeps its answers on the request (``request._wagtail_site``, read with ``hasattr``): a
    request whose view asks for no site (an API call, a health check) then pays nothing for one, and a
    request that does gets exactly what Wagtail would have given, None included. A non-data descriptor,
    so Wagtail's own assignment replaces it as usual."""

    def __init__(self, find):
        self.find = find

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, request, owner=None):
        if request is None:
            return self
        value = request.__dict__[self.name] = self.find(request)
        return value


_request_classes = {}


def find_site_when_asked(request):
    base = type(request)
    if base not in _request_classes:
        _request_classes[base] = type(
            base.__name__,
            (base,),
            {"_wagtail_site": FoundWhenAsked(find_site), "_wagtail_cached_site_root_paths": FoundWhenAsked(find_site_root_paths)},
        )
    request.__class__ = _request_classes[base]
