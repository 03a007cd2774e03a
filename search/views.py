"""The site-wide search page and the suggestions its box asks for while the visitor types."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from neighborhoods.models import NeighborhoodPage
from portal.digits import to_latin_digits
from portal.templatetags.persian import fa_digits

from . import query as search_query
from .highlight import excerpt, highlight
from .text import MAX_QUERY_LENGTH, Query

RESULTS_PER_PAGE = getattr(settings, "SEARCH_RESULTS_PER_PAGE", 10)
SUGGEST_CACHE_SECONDS = 300
SUGGEST_MIN_CHARS = 2

TYPE_LABELS = {
    "news": (_("خبرها"), _("خبر")),
    "programme": (_("برنامه‌ها"), _("برنامه")),
    "neighborhood": (_("محله‌ها"), _("محله")),
    "asset": (_("ظرفیت‌های محله"), _("ظرفیت محله")),
    "organization": (_("سمن‌ها و خیریه‌ها"), _("سازمان")),
}


def _number(value):
    """A positive int from a query parameter in any digits, or None."""
    value = to_latin_digits(value or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def _neighborhood_depth(locale):
    return NeighborhoodPage.objects.filter(locale=locale).values_list("depth", flat=True).first()


@require_GET
def search(request):
    query = Query(request.GET.get("q", ""))
    locale = Locale.get_active()
    types = search_query.searchable_types()
    models = dict(types)
    type_key = request.GET.get("type", "")
    type_key = type_key if type_key in models else ""
    context = {"query": query, "q": query.raw[:MAX_QUERY_LENGTH], "type_key": type_key, "results": None}
    if query.too_long:
        context["error"] = gettext("عبارت جستجو طولانی است؛ حداکثر %(count)s نویسه بنویسید.") % {
            "count": fa_digits(MAX_QUERY_LENGTH)
        }
        return render(request, "search/search.html", context, status=400)
    if not query:
        return render(request, "search/search.html", context)

    neighborhood = None
    neighborhood_id = _number(request.GET.get("neighborhood"))
    if neighborhood_id:
        neighborhood = NeighborhoodPage.objects.live().public().filter(locale=locale, pk=neighborhood_id).first()
    depth = _neighborhood_depth(locale)
    outcome = search_query.search(
        query, locale, type_model=models.get(type_key), neighborhood=neighborhood, neighborhood_depth=depth
    )

    paginator = Paginator(outcome.ids, RESULTS_PER_PAGE)
    results_page = paginator.get_page(_number(request.GET.get("page")) or 1)
    pages = Page.objects.filter(pk__in=list(results_page.object_list)).specific().in_bulk()
    ordered = [pages[pk] for pk in results_page.object_list if pk in pages]

    # Each result's neighbourhood and the neighbourhood facet's names, in one query, from the tree.
    width = (depth or 0) * Page.steplen
    prefixes = {page.path[:width] for page in ordered if depth and page.depth >= depth}
    prefixes |= {prefix for prefix, _count in outcome.neighborhood_counts}
    neighborhoods = {
        n.path: n for n in NeighborhoodPage.objects.filter(path__in=prefixes, locale=locale).only("title", "path", "id")
    } if prefixes else {}

    labels = {model: key for key, model in types}
    terms = query.highlight_terms
    results = []
    for page in ordered:
        key = labels.get(type(page), "")
        results.append({
            "url": page.get_url(request),
            "title": highlight(page.title, terms),
            "excerpt": excerpt(page.search_excerpt_source(), terms),
            "type": TYPE_LABELS[key][1] if key else "",
            "neighborhood": neighborhoods.get(page.path[:width]) if width else None,
        })

    content_types = search_query.content_type_keys()
    context.update({
        "outcome": outcome,
        "results": results,
        "results_page": results_page,
        "capped": outcome.total > len(outcome.ids),
        "neighborhood": neighborhood,
        "type_facets": [
            {"key": key, "label": TYPE_LABELS[key][0], "count": count}
            for key in models
            for ct, count in outcome.type_counts.items()
            if content_types.get(ct) == key
        ],
        "neighborhood_facets": [
            {"page": neighborhoods[prefix], "count": count}
            for prefix, count in outcome.neighborhood_counts
            if prefix in neighborhoods
        ],
    })
    return render(request, "search/search.html", context)


def _details(pages, locale):
    """What tells two like titles apart under the box: the kind of page and its neighbourhood («خبر · باغ خلج»),
    the neighbourhoods read in one query from the tree."""
    depth = _neighborhood_depth(locale) if pages else None
    width = (depth or 0) * Page.steplen
    prefixes = {page.path[:width] for page in pages if depth and page.depth > depth}
    names = dict(NeighborhoodPage.objects.filter(path__in=prefixes, locale=locale).values_list("path", "title")) if prefixes else {}
    labels = {model: key for key, model in search_query.searchable_types()}
    details = []
    for page in pages:
        key = labels.get(page.specific_class, "")
        parts = [str(TYPE_LABELS[key][1])] if key else []
        if width and page.path[:width] in names:
            parts.append(names[page.path[:width]])
        details.append(" · ".join(parts))
    return details


@require_GET
def suggest(request):
    """Titles for the search box's list: JSON, at most a few, cached per locale and folded query."""
    raw = request.GET.get("q", "")[:100]
    query = Query(raw)
    if not query or len("".join(query.terms)) < SUGGEST_MIN_CHARS:
        return JsonResponse({"suggestions": []})
    key_text = f"{get_language()}|{'|'.join(' '.join(terms) for terms in query.alternatives)}"
    key = "search-suggest:" + hashlib.sha256(key_text.encode()).hexdigest()
    suggestions = cache.get(key)
    if suggestions is None:
        locale = Locale.get_active()
        pages = search_query.suggest(query, locale)
        suggestions = [
            {"title": page.title, "detail": detail, "url": page.get_url(request)}
            for page, detail in zip(pages, _details(pages, locale))
        ]
        cache.set(key, suggestions, SUGGEST_CACHE_SECONDS)
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = f"public, max-age={SUGGEST_CACHE_SECONDS // 5}"
    return response
