"""What to purge when a page is published, unpublished, moved or deleted.

Wagtail's frontend cache purges only the page itself (and multiplies it across language prefixes
whether or not a translation exists). A news item is also shown by its news index, the month of the
archive it falls in, the feeds, its neighbourhood's page, the portal's news listing, the home page
and the sitemap; all of those must go as well. Each page type names the *other* URLs that show it:

    def get_cache_dependent_urls(self):
        '''Absolute URLs, other than this page's own, whose HTML shows this page.'''
        return [*page_urls(self.get_parent()), ...]

``page_urls(page, *sub_paths)`` gives a page's full URLs (and sub-routes such as "feed/") in every
language in which that page has a live translation. The handler here adds the page's own URLs
(``get_cached_paths()``, in every language), its parent and the sitemap, and sends the set to every
backend in WAGTAILFRONTENDCACHE (our page cache, and nginx/Varnish/a CDN when configured) through
wagtail.contrib.frontend_cache, after the transaction commits.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

logger = logging.getLogger("portal.purge")

SITEMAP_PATH = "sitemap.xml"


def translations(page):
    """The page in every locale where it is live (itself included, even if just unpublished)."""
    if page is None:
        return []
    others = list(page.get_translations().live().specific())
    return [page, *others]


def page_urls(page, *sub_paths):
    """Full URLs of ``page`` and its sub-routes, in every language the page exists in."""
    urls = []
    for translation in translations(page):
        base = translation.get_full_url()
        if base is None:
            continue
        urls.append(base)
        urls.extend(base + sub_path.lstrip("/") for sub_path in sub_paths)
    return urls


def ancestor_urls(page):
    """URLs of every page above ``page`` up to the home page, in every language."""
    urls = []
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        urls.extend(page_urls(ancestor))
    return urls


def own_urls(page):
    urls = []
    for translation in translations(page):
        base = translation.get_full_url()
        if base is not None:
            urls.extend(base + path.lstrip("/") for path in translation.get_cached_paths())
    return urls


def sitemap_url(page):
    parts = page.get_url_parts()
    return f"{parts[1]}/{SITEMAP_PATH}" if parts else None


def urls_for(page):
    """Every URL whose HTML shows ``page``: its own, its listings', the sitemap."""
    page = page.specific
    urls = set(own_urls(page))
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        urls.update(page_urls(parent.specific))
    dependent = getattr(page, "get_cache_dependent_urls", None)
    if dependent is not None:
        urls.update(dependent())
    sitemap = sitemap_url(page)
    if sitemap:
        urls.add(sitemap)
    return urls


LOCAL_BACKEND = "portal.page_cache.PageCacheBackend"


def send_purges(urls):
    """Our page cache at once (a few Redis deletes); HTTP purges to other caches through the task queue,
    so a slow CDN never holds up the editor who pressed Publish."""
    backends = getattr(settings, "WAGTAILFRONTENDCACHE", {})
    local = [name for name, config in backends.items() if config["BACKEND"] == LOCAL_BACKEND]
    remote = [name for name in backends if name not in local]
    if local:
        purge_urls_from_cache_task.call(urls, None, local)
    if remote:
        purge_urls_from_cache(urls, backends=remote)


def purge_urls(urls):
    urls = sorted(url for url in urls if url)
    if urls:
        # After the commit, so a reader between purge and commit cannot cache the old version again.
        transaction.on_commit(lambda: send_purges(urls))
    return urls


def purge_page(page):
    try:
        urls = urls_for(page)
    except Exception:
        # A purge must never stop a page from being published; PAGE_CACHE_SECONDS bounds what stays.
        logger.exception("Could not work out the URLs to purge for page %s", page.pk)
        return []
    return purge_urls(urls)


def on_published_or_unpublished(sender, instance, **kwargs):
    purge_page(instance)


def on_post_move(sender, instance, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    if page.live:
        purge_urls(_moved_before.pop(instance.pk, set()))
        purge_page(page)
    else:
        _moved_before.pop(instance.pk, None)


# The old address and listings of a page being moved, keyed by its id, until the move is done.
_moved_before = {}


def _remember_before_move(sender, instance, **kwargs):
    if instance.live:
        try:
            _moved_before[instance.pk] = urls_for(instance)
        except Exception:
            logger.exception("Could not work out the URLs to purge for page %s", instance.pk)


def on_pre_delete(sender, instance, **kwargs):
    if instance.live and instance.path:
        purge_page(instance)


def register():
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    for model in page_models:
        page_published.connect(on_published_or_unpublished, sender=model, dispatch_uid=f"purge-pub-{model._meta.label}")
        page_unpublished.connect(on_published_or_unpublished, sender=model, dispatch_uid=f"purge-unpub-{model._meta.label}")
        pre_page_move.connect(_remember_before_move, sender=model, dispatch_uid=f"purge-premove-{model._meta.label}")
        post_page_move.connect(on_post_move, sender=model, dispatch_uid=f"purge-move-{model._meta.label}")
        if model is not Page:
            pre_delete.connect(on_pre_delete, sender=model, dispatch_uid=f"purge-delete-{model._meta.label}")
