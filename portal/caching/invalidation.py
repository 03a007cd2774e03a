"""What a change makes stale, worked out from what each app declares it lists (``Lists``, through the
Wagtail hook ``register_cache_lists``; see the package docstring).

The scopes a changed page's declarations name, its own ``page:<id>`` and ``url:<path>``, and those of
its translations' pages (their switcher shows it) are bumped at once and again when the transaction
commits, so a reader who rendered the old content in between cannot leave it behind; relations that a
publish can change (the neighbourhoods an organisation serves) are read before the change and after.
"""

import functools
from dataclasses import dataclass
from typing import Callable, Iterable

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move, pre_page_move

from . import purge
from . import scopes as scoping


@dataclass(frozen=True)
class Lists:
    """Pages of ``model`` are shown in the scopes ``scopes(page)`` names."""

    model: type
    scopes: Callable[[Page], Iterable[str]]
    description: str = ""


def declarations():
    return [declaration for hook in hooks.get_hooks("register_cache_lists") for declaration in hook()]


def read_scopes(page):
    """The scopes that what is rendered of ``page`` itself depends on (its ``cache_scopes()``)."""
    method = getattr(page, "cache_scopes", None)
    return list(method()) if method else [scoping.page(page.pk)]


def scopes_for(page, with_translations=True):
    """Every scope that shows ``page`` (specific), by the declarations, and the route to it."""
    found = {scoping.page(page.pk), scoping.address(page.url_path)}
    for declaration in declarations():
        if isinstance(page, declaration.model):
            found.update(declaration.scopes(page))
    if with_translations and page.pk:
        for other in page.get_translations().live().specific():
            found.update(read_scopes(other))
    return found


def changed(page, before=(), structure=False):
    """``page`` changed in what readers see: bump and purge every scope that shows it."""
    found = set(before) | scopes_for(page.specific)
    if structure:
        found.add(scoping.SITE)
    bump(found)


def bump(found):
    scoping.bump(found)
    transaction.on_commit(functools.partial(_after_commit, found))


def _after_commit(found):
    scoping.bump(found)
    purge.purge_scopes(found)


# Page fields that only a draft, a revision, a lock, a comment or the tree's child counter change.
DRAFT_STATE_FIELDS = {"latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes",
                      "wagtail_admin_comments", "locked", "locked_at", "locked_by", "numchild"}


def _draft_only(update_fields):
    return update_fields is not None and set(update_fields) <= DRAFT_STATE_FIELDS


def _before(stored):
    """What showed a page as it is stored now, and its address, for the handler after the change."""
    return scopes_for(stored.specific, with_translations=False), stored.url_path


def on_pre_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None or _draft_only(update_fields):
        return
    stored = Page.objects.filter(pk=instance.pk, live=True).first()
    if stored is not None:
        instance._cache_before = _before(stored)


def on_post_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """Publishing, unpublishing and any save of a live page outside its draft state."""
    if raw:
        # Rows loaded as they are (a fixture, a restored database): the tree may be half there, and
        # anything may have changed.
        scoping.bump({scoping.SITE})
        return
    if _draft_only(update_fields):
        return
    before, url_path = instance.__dict__.pop("_cache_before", ((), instance.url_path))
    if instance.live or before:
        moved_below = url_path != instance.url_path or not instance.live
        changed(instance, before, structure=moved_below and instance.numchild > 0)


# What showed a page being moved, from just before the move until the move is done (Wagtail sends
# the two signals with different objects for the page).
_moving = {}


def on_pre_move(sender, instance, **kwargs):
    _moving[instance.pk] = _before(instance)


def on_post_move(sender, instance, **kwargs):
    before, _url_path = _moving.pop(instance.pk, ((), None))
    changed(Page.objects.get(pk=instance.pk), before, structure=instance.numchild > 0)


def on_pre_delete(sender, instance, **kwargs):
    if instance.path:
        changed(instance, structure=instance.numchild > 0)


def on_frame_changed(sender, instance=None, **kwargs):
    """A site, a locale or a view restriction: what every page is served under."""
    found = {scoping.SITE}
    page = getattr(instance, "page", None) if isinstance(instance, PageViewRestriction) else None
    if page is not None:
        # The restricted section leaves (or rejoins) every list that showed it or a page below it; the
        # front caches are purged of those (ours follow ``site``).
        for shown in Page.objects.descendant_of(page, inclusive=True).live().specific():
            found |= scopes_for(shown, with_translations=False)
    bump(found)


def register():
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        uid = model._meta.label
        pre_save.connect(on_pre_save, sender=model, dispatch_uid=f"cache-pre-save-{uid}")
        post_save.connect(on_post_save, sender=model, dispatch_uid=f"cache-save-{uid}")
        pre_page_move.connect(on_pre_move, sender=model, dispatch_uid=f"cache-pre-move-{uid}")
        post_page_move.connect(on_post_move, sender=model, dispatch_uid=f"cache-move-{uid}")
        pre_delete.connect(on_pre_delete, sender=model, dispatch_uid=f"cache-delete-{uid}")
    for model in (Site, Locale, PageViewRestriction):
        uid = model._meta.label
        post_save.connect(on_frame_changed, sender=model, dispatch_uid=f"cache-frame-save-{uid}")
        post_delete.connect(on_frame_changed, sender=model, dispatch_uid=f"cache-frame-delete-{uid}")
