"""The directory's section of a neighbourhood page: its assets, the organisations serving it, a map,
and the sub-routes ``…/<neighbourhood>/assets/`` and ``…/assets/csv/``.

Assets are a route rather than an index page type: every neighbourhood has the list the moment it has
an asset, no office has to create (or can forget, misname or unpublish) an extra page, and the URL is
the same everywhere. Asset pages stay direct children of the neighbourhood, so its staff group's
permissions cover them with no new rule.

Assets and the organisations serving a neighbourhood belong to its Persian page. A translation of the page
lists the same ones, each in its language where it is translated and otherwise in Persian, marked so
(``untranslated``); their changes make the translations' pages stale too (the declarations below).
"""

from django.conf import settings
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path

from neighborhoods.locales import listing_source
from neighborhoods.scopes import area, areas_in_every_language, below_a_neighborhood_in_every_language
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists
from portal.caching.store import cached
from portal.languages import as_read_in, untranslated, written_in
from portal.visibility import listable_q

from .exports import assets_csv
from .maps import office_place
from .models import AssetPage, AssetType, OrganizationPage
from portal.paging import paginate


def _as_read_here(pages, neighborhood, source):
    """``pages`` of the Persian page ``source`` as ``neighborhood`` (``source`` or a translation) lists them."""
    return pages if source.pk == neighborhood.pk else as_read_in(pages, neighborhood.locale_id)


def assets(neighborhood, request=None):
    source = listing_source(neighborhood, request)
    listed = _as_read_here(AssetPage.objects.listable().child_of(source), neighborhood, source)
    return listed.select_related("asset_type").order_by("asset_type__order", "title")


def asset_types_here(neighborhood):
    """The types of the assets of ``neighborhood`` (a Persian page), with their counts; a translation
    lists as many, each in its language or in Persian."""
    here = Q(assets__path__startswith=neighborhood.path, assets__depth=neighborhood.depth + 1) & listable_q("assets__")
    return AssetType.objects.filter(here).annotate(count=Count("assets", filter=here)).order_by("order", "name")


def serving_organizations(neighborhood, request=None):
    # Translations of an organisation name the Persian neighbourhoods too: the Persian list keeps to Persian.
    source = listing_source(neighborhood, request)
    serving = source.organizations.filter(listable_q(), locale_id=source.locale_id)
    return _as_read_here(serving, neighborhood, source).order_by("-verified", "title")


def _place(page, request):
    """A map point of ``page``, its name marked Persian where the page is listed untranslated."""
    return {**page.map_place(page.get_url(request)), **written_in(page)}


def assets_view(neighborhood, request):
    types = list(asset_types_here(listing_source(neighborhood, request)))
    chosen = next((kind for kind in types if kind.slug == request.GET.get("type")), None)
    listed = assets(neighborhood, request)
    if chosen:
        listed = listed.filter(asset_type=chosen)
    page = paginate(request, listed, settings.ASSETS_PER_PAGE, "ظرفیت‌ها")
    language = neighborhood.locale_id
    places = [_place(asset, request) for asset in untranslated(list(page), language) if asset.has_location]
    organizations = untranslated(list(serving_organizations(neighborhood, request).exclude(latitude=None)), language)
    places += [_place(org, request) for org in organizations]
    context = neighborhood.get_context(request)
    type_query = f"type={chosen.slug}" if chosen else ""
    context.update(asset_types=types, chosen_type=chosen, assets=page, map_places=places, type_query=type_query)
    return TemplateResponse(request, "directory/neighborhood_assets.html", context)


def assets_csv_view(neighborhood, request):
    return assets_csv(neighborhood, assets(neighborhood, request).prefetch_related("opening_hours"))


def section_context(neighborhood, request):
    """The organisations serving it (one query, kept under its scope), its assets as plain links (from
    the page's family, no query; a translation's in one query), and a map of the office and those
    organisations. The full map of assets is on assets/."""
    source = listing_source(neighborhood, request)
    organizations = cached(
        request,
        "serving-organizations",
        [neighborhood.pk],
        lambda: list(serving_organizations(neighborhood, request)[: settings.NEIGHBORHOOD_ORGANIZATIONS + 1]),
        [area(neighborhood)],
    )
    untranslated(organizations, neighborhood.locale_id)
    if source.pk == neighborhood.pk:
        listed_assets = neighborhood.children_of_type(AssetPage)
    else:
        listed_assets = untranslated(list(assets(neighborhood, request)), neighborhood.locale_id)
    places = [office_place(neighborhood, request)] if neighborhood.has_location else []
    places += [_place(org, request) for org in organizations if org.has_location]
    # Every organisation is a child of the directory: its URL without the last segment is the
    # directory's, so the link to the filtered directory costs no query. A translation links to the
    # directory in its language when it lists a translated organisation; the directory's filter names
    # neighbourhoods by their Persian pages.
    shown = next((org for org in organizations if not org.untranslated), organizations[0]) if organizations else None
    directory_url = shown.get_url(request).rstrip("/").rsplit("/", 1)[0] + "/" if shown else None
    return {
        "serving_organizations": organizations[: settings.NEIGHBORHOOD_ORGANIZATIONS],
        "more_organizations": len(organizations) > settings.NEIGHBORHOOD_ORGANIZATIONS,
        "neighborhood_assets": listed_assets,
        "directory_url": directory_url,
        "directory_neighborhood": source.pk,
        "map_places": places,
    }


def served_neighborhoods(organization):
    """The scopes of the neighbourhoods an organisation serves (as saved on the object given), and of
    their translations, which list it too."""
    return areas_in_every_language([neighborhood.path for neighborhood in organization.neighborhoods.all()])


SECTION = Section(
    name="directory",
    order=40,
    template="directory/includes/neighborhood_directory.html",
    context=section_context,
    urls=(
        path("assets/", assets_view, name="assets"),
        path("assets/csv/", assets_csv_view, name="assets_csv"),
    ),
    lists=(
        Lists(AssetPage, below_a_neighborhood_in_every_language, "its assets, on its page and assets/, in each language"),
        Lists(OrganizationPage, served_neighborhoods, "the organisations serving it, with their points on its maps"),
    ),
)
