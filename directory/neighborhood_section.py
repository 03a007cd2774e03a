"""The directory's section of a neighbourhood page: its assets, the organisations serving it, a map,
and the sub-routes ``…/<neighbourhood>/assets/`` and ``…/assets/csv/``.

Assets are a route rather than an index page type: every neighbourhood has the list the moment it has
an asset, no office has to create (or can forget, misname or unpublish) an extra page, and the URL is
the same everywhere. Asset pages stay direct children of the neighbourhood, so its staff group's
permissions cover them with no new rule.
"""

from django.conf import settings
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path

from neighborhoods.scopes import area, below_a_neighborhood
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists
from portal.caching.store import cached
from portal.visibility import listable_q

from .exports import assets_csv
from .maps import office_place
from .models import AssetPage, AssetType, OrganizationPage
from .models.index import paginate


def assets(neighborhood):
    return AssetPage.objects.listable().child_of(neighborhood).select_related("asset_type").order_by("asset_type__order", "title")


def asset_types_here(neighborhood):
    here = Q(assets__path__startswith=neighborhood.path, assets__depth=neighborhood.depth + 1) & listable_q("assets__")
    return AssetType.objects.filter(here).annotate(count=Count("assets", filter=here)).order_by("order", "name")


def serving_organizations(neighborhood):
    return neighborhood.organizations.filter(listable_q()).order_by("-verified", "title")


def assets_view(neighborhood, request):
    types = list(asset_types_here(neighborhood))
    chosen = next((kind for kind in types if kind.slug == request.GET.get("type")), None)
    listed = assets(neighborhood)
    if chosen:
        listed = listed.filter(asset_type=chosen)
    page = paginate(request, listed, settings.ASSETS_PER_PAGE, "ظرفیت‌ها")
    places = [asset.map_place(asset.get_url(request)) for asset in page if asset.has_location]
    organizations = list(serving_organizations(neighborhood).exclude(latitude=None))
    places += [org.map_place(org.get_url(request)) for org in organizations]
    context = neighborhood.get_context(request)
    type_query = f"type={chosen.slug}" if chosen else ""
    context.update(asset_types=types, chosen_type=chosen, assets=page, map_places=places, type_query=type_query)
    return TemplateResponse(request, "directory/neighborhood_assets.html", context)


def assets_csv_view(neighborhood, request):
    return assets_csv(neighborhood, assets(neighborhood).prefetch_related("opening_hours"))


def section_context(neighborhood, request):
    """The organisations serving it (one query, kept under its scope), its assets as plain links (from
    the page's family, no query), and a map of the office and those organisations. The full map of
    assets is on assets/."""
    organizations = cached(
        request,
        "serving-organizations",
        [neighborhood.pk],
        lambda: list(serving_organizations(neighborhood)[: settings.NEIGHBORHOOD_ORGANIZATIONS + 1]),
        [area(neighborhood)],
    )
    places = [office_place(neighborhood, request)] if neighborhood.has_location else []
    places += [org.map_place(org.get_url(request)) for org in organizations if org.has_location]
    # Every organisation is a child of the directory: its URL without the last segment is the
    # directory's, so the link to the filtered directory costs no query.
    directory_url = organizations[0].get_url(request).rstrip("/").rsplit("/", 1)[0] + "/" if organizations else None
    return {
        "serving_organizations": organizations[: settings.NEIGHBORHOOD_ORGANIZATIONS],
        "more_organizations": len(organizations) > settings.NEIGHBORHOOD_ORGANIZATIONS,
        "neighborhood_assets": neighborhood.children_of_type(AssetPage),
        "directory_url": directory_url,
        "map_places": places,
    }


def served_neighborhoods(organization):
    """The scopes of the neighbourhoods an organisation serves (as saved on the object given)."""
    return [area(neighborhood) for neighborhood in organization.neighborhoods.all()]


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
        Lists(AssetPage, below_a_neighborhood, "its assets, on the page and under assets/"),
        Lists(OrganizationPage, served_neighborhoods, "the organisations serving it, with their points on its maps"),
    ),
)
