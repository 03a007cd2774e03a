"""Finding pages for a query: live, public pages of the active locale, of the types the site search covers.

Wagtail's search index (`wagtailsearch_indexentry`) is the one source, kept current by Wagtail when pages
are published. On PostgreSQL we query it ourselves: Wagtail's database backend concatenates the title
and body vectors before matching (no index can serve that) and ranks every match, which took a second
at 50,000 news items. Here the match is `body @@ query` on the body's GIN index (the body holds the
normalised title too, see `search.indexing`), the count and the type counts come from that match, and
ranking (`ts_rank`) is bounded to the newest `CANDIDATES` matches. Other databases (SQLite in
development and tests) go through Wagtail's own search API over the same normalised fields.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import BigIntegerField, CharField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.models import IndexEntry
from wagtail.search.query import Or, PlainText

from directory.models import AssetPage, OrganizationPage
from neighborhoods.models import NeighborhoodPage
from news.models import NewsPage
from portal.visibility import listable_q
from programmes.models import ProgramPage

# The ranked part of the results: relevance among the newest matches. Beyond it a query is too broad
# to page through, and the page says so.
CANDIDATES = 200
# Matches counted (per type and neighbourhood); beyond it the page says «more than …».
COUNT_LIMIT = 1000
SUGGESTIONS = 8


def searchable_types():
    """(key, model, Persian plural) of every page type the site search covers, in display order."""
    return [
        ("news", NewsPage),
        ("programme", ProgramPage),
        ("neighborhood", NeighborhoodPage),
        ("asset", AssetPage),
        ("organization", OrganizationPage),
    ]


@dataclass
class Outcome:
    total: int = 0
    ids: list = field(default_factory=list)  # ranked, at most CANDIDATES
    type_counts: dict = field(default_factory=dict)  # content type id → matches (before the type filter)
    neighborhood_counts: list = field(default_factory=list)  # (path prefix, matches), most first
    capped_count: bool = False  # more than COUNT_LIMIT matches: the counts are of the first ones


def _content_type_ids(models):
    return [ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values()]


def content_type_keys():
    """{content type id: key} of the searchable types."""
    by_model = ContentType.objects.get_for_models(*(model for _, model in searchable_types()), for_concrete_models=False)
    return {by_model[model].pk: key for key, model in searchable_types()}


def _use_postgres():
    """True when the index is Wagtail's database backend on PostgreSQL (not OpenSearch/Elasticsearch)."""
    if connection.vendor != "postgresql":
        return False
    return isinstance(get_search_backend(), PostgresSearchBackend)


def _tsquery(query, prefix=False, config=None):
    combined = None
    for terms in query.alternatives:
        words = None
        for position, term in enumerate(terms):
            lexeme = Lexeme(term, prefix=prefix and position == len(terms) - 1)
            words = lexeme if words is None else words & lexeme
        combined = words if combined is None else combined | words
    return SearchQuery(combined, search_type="raw", config=config)


def _wagtail_query(query):
    parts = [PlainText(" ".join(terms), operator="and") for terms in query.alternatives]
    return parts[0] if len(parts) == 1 else Or(parts)


def base_pages(locale, models):
    return Page.objects.filter(listable_q(), locale=locale, content_type_id__in=_content_type_ids(models))


def search(query, locale, type_model=None, neighborhood=None, neighborhood_depth=None):
    """Match `query` (a `search.text.Query`) and return an `Outcome`."""
    models = [model for _, model in searchable_types()]
    pages = base_pages(locale, models)
    if neighborhood is not None:
        serving = OrganizationPage.neighborhoods.through.objects.filter(neighborhoodpage_id=neighborhood.pk)
        pages = pages.filter(Q(path__startswith=neighborhood.path) | Q(pk__in=serving.values("organizationpage_id")))

    if _use_postgres():
        backend = get_search_backend()
        tsquery = _tsquery(query, config=backend.config)
        # EXISTS on (content type, object id), the index entry's unique key: PostgreSQL can either walk
        # the pages and look each entry up (a broad query stops after the first rows it needs) or start
        # from the body's GIN index (a narrow one), whichever its statistics favour.
        entry = IndexEntry.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            body=tsquery,
        )
        matched = pages.filter(Exists(entry))
        ranked_ids = None
    else:
        backend = get_search_backend()
        results = backend.search(_wagtail_query(query), Page, order_by_relevance=True)
        ranked_ids = [page.pk for page in results]
        matched = pages.filter(pk__in=ranked_ids)

    # Counts and facets from at most COUNT_LIMIT matches, read once: counting every match of a query
    # that half the site contains is what made search slow, and nobody pages that far.
    outcome = Outcome()
    # Newest first, so that the newest matches, which are ranked below, are the first of these rows.
    rows = list(matched.order_by("-pk").values_list("pk", "content_type_id", "path")[: COUNT_LIMIT + 1])
    outcome.capped_count = len(rows) > COUNT_LIMIT
    rows = rows[:COUNT_LIMIT]
    for _pk, content_type_id, _path in rows:
        outcome.type_counts[content_type_id] = outcome.type_counts.get(content_type_id, 0) + 1
    if type_model is not None:
        wanted = set(_content_type_ids([type_model]))
        rows = [row for row in rows if row[1] in wanted]
        matched = matched.filter(content_type_id__in=wanted)
    outcome.total = len(rows)
    if not outcome.total:
        return outcome

    if neighborhood_depth and neighborhood is None:
        width = neighborhood_depth * Page.steplen
        places = {}
        for _pk, _ct, path in rows:
            if len(path) >= width:
                places[path[:width]] = places.get(path[:width], 0) + 1
        outcome.neighborhood_counts = sorted(places.items(), key=lambda item: (-item[1], item[0]))[:10]

    if ranked_ids is None:
        # Relevance among the newest matches only (by id, read above with the counts): ranking all of a
        # broad query's matches is the cost.
        newest = [row[0] for row in rows[:CANDIDATES]]
        ranks = dict(
            IndexEntry.objects.filter(
                content_type_id__in=_content_type_ids(models), object_id__in=[str(pk) for pk in newest]
            )
            .annotate(rank=_rank(tsquery))
            .values_list("object_id", "rank")
        )
        order = {pk: position for position, pk in enumerate(newest)}
        outcome.ids = sorted(newest, key=lambda pk: (-ranks.get(str(pk), 0), order[pk]))
    else:
        wanted = {row[0] for row in rows}
        outcome.ids = [pk for pk in ranked_ids if pk in wanted][:CANDIDATES]
    return outcome


def _rank(tsquery):
    return SearchRank(F("body"), tsquery)


def suggest(query, locale):
    """Up to SUGGESTIONS (title, url path) of pages whose title has words starting as the query's words do."""
    models = [model for _, model in searchable_types()]
    pages = base_pages(locale, models)
    if _use_postgres():
        backend = get_search_backend()
        entries = IndexEntry.objects.filter(
            content_type_id__in=_content_type_ids(models),
            autocomplete=_tsquery(query, prefix=True, config=backend.autocomplete_config),
        )
        pages = pages.filter(pk__in=entries.annotate(page_id=Cast("object_id", BigIntegerField())).values("page_id"))
        return list(pages.order_by("-first_published_at", "-pk")[:SUGGESTIONS])
    parts = [PlainText(" ".join(terms), operator="and") for terms in query.alternatives]
    results = get_search_backend().autocomplete(
        parts[0] if len(parts) == 1 else Or(parts), Page, order_by_relevance=False
    )
    ids = [page.pk for page in results[:500]]
    return list(pages.filter(pk__in=ids).order_by("-first_published_at", "-pk")[:SUGGESTIONS])
