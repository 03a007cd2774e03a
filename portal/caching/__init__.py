"""The portal's caches, and the rules they keep.

What a shared cache may hold
    Only what every anonymous reader may see. A preview, "view draft", a moderation or workflow preview
    and every request with a session (logged-in staff) neither read nor write any of them: the page cache,
    kept fragments and values, routes, and front caches (nginx bypasses on the session cookie; previews
    are ``Cache-Control: private``). Nothing rendered behind a view restriction is kept: whoever passed
    one has a session. Restricted pages are in no public list at all (portal/visibility.py).

What is kept, and under what (scopes.py, store.py, middleware.py)
    Every kept thing -- a whole page, a fragment (``{% cachedfragment %}``), a value (``cached()``), the
    route to a page -- names the scopes it depends on: ``site``, a neighbourhood (``nb:<path>``), a page
    outside the neighbourhoods (``page:<id>``), a portal-wide list (``list:news`` …). It is stored with
    their versions, read before it was computed, and used only while they are current.

What invalidates what (invalidation.py, purge.py)
    Apps declare which scopes show pages of a type (``register_cache_lists``; a neighbourhood's sections
    declare theirs through ``register_neighborhood_section``). Publishing, unpublishing, moving or
    deleting a page, or saving a live page outside its draft state, bumps the scopes the declarations
    name for it -- its neighbourhood's, the lists that show it -- and nothing else: a publish in one
    neighbourhood leaves every other neighbourhood's pages, fragments and routes valid. Sites, locales,
    view restrictions and the address of a page with pages below it bump ``site``. Drafts, revisions,
    autosave, locks and workflow steps bump nothing. Front caches are purged of the URLs they may hold
    under the bumped scopes.

Home-made because no library fits: Django's and Wagtail's fragment caches (``{% cache %}``,
``{% wagtailcache %}``) expire by time, not by what changed; django-cacheops and django-cachalot
invalidate per table, which for Wagtail's one page table means every page at every publish. What is
not home-made: django-redis (the cache, ``IGNORE_EXCEPTIONS``), wagtail.contrib.frontend_cache (front
cache purges), and Wagtail's rule of never caching previews, which ``{% cachedfragment %}`` follows.
"""
