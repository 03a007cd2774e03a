"""The neighbourhood page's sections, registered by the apps they belong to.

A neighbourhood page is a frame (its name, introduction, office and council); what it lists -- news,
programmes, the directory, participation forms, reports -- belongs to other apps, which register a
``Section`` through the Wagtail hook ``register_neighborhood_section``:

    @hooks.register("register_neighborhood_section")
    def news_section():
        return Section(
            name="news", order=10, template="news/includes/neighborhood_news.html",
            context=lambda neighborhood, request: {...},
            lists=[Lists(NewsPage, below_a_neighborhood, "its latest news")],
        )

- ``template`` and ``context(neighborhood, request)``: what the section shows; the context is built
  only when the section is rendered, so a section served from the cache costs no query.
- ``cached``: rendered once per version of the neighbourhood's scope; False for what changes
  without a page changing (seats left). ``varies_with()``: more parts of the cached fragment's key, for
  what turns on a known boundary (the day in Tehran, for what is overdue).
- ``urls``: sub-routes under the neighbourhood (``…/assets/``), Django ``path()``s whose views take
  the neighbourhood page and the request.
- ``lists``: what it shows, as cache declarations (portal/caching/invalidation.py): a publish of
  such a page bumps the scopes they name, which is what makes the neighbourhood's cached sections,
  its page and its sub-routes stale, and what the front caches are purged of.
- ``head_template``: links for the page's <head> (a feed), rendered with the same context.

This module knows no section: adding one touches only its own app.
"""

from dataclasses import dataclass
from typing import Callable

from wagtail import hooks

HOOK = "register_neighborhood_section"


@dataclass(frozen=True)
class Section:
    name: str
    order: int
    template: str
    context: Callable = lambda neighborhood, request: {}
    cached: bool = True
    varies_with: Callable = lambda: ()
    urls: tuple = ()
    lists: tuple = ()
    head_template: str = ""


def sections():
    return sorted((hook() for hook in hooks.get_hooks(HOOK)), key=lambda section: (section.order, section.name))


def section_urls():
    return [pattern for section in sections() for pattern in section.urls]


def section_lists():
    return [declaration for section in sections() for declaration in section.lists]
