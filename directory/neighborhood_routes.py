"""A neighbourhood's assets as sub-pages of the neighbourhood page (``…/bagh-khalaj/assets/``).

A route rather than an index page type: every neighbourhood has the list the moment it has an asset,
no office has to create (or can forget, misname or unpublish) an extra page, and the URL is the same
everywhere. Asset pages stay direct children of the neighbourhood, so its staff group's permissions
cover them with no new rule.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.visibility import listable_q


class NeighborhoodDirectoryMixin(RoutablePageMixin):
    def assets(self):
        from .models import AssetPage

        return AssetPage.objects.listable().child_of(self).select_related("asset_type").order_by("asset_type__order", "title")

    def asset_types_here(self):
        from django.db.models import Count, Q

        from .models import AssetType

        here = Q(assets__path__startswith=self.path, assets__depth=self.depth + 1) & listable_q("assets__")
        return AssetType.objects.filter(here).annotate(count=Count("assets", filter=here)).order_by("order", "name")

    def serving_organizations(self):
        return (
            self.organizations.filter(listable_q())
            .order_by("-verified", "title")
        )

    @path("assets/", name="assets")
    def assets_view(self, request):
        from .models.index import paginate

        types = list(self.asset_types_here())
        chosen = next((kind for kind in types if kind.slug == request.GET.get("type")), None)
        assets = self.assets()
        if chosen:
            assets = assets.filter(asset_type=chosen)
        page = paginate(request, assets, settings.ASSETS_PER_PAGE, "ظرفیت‌ها")
        places = [asset.map_place(asset.get_url(request)) for asset in page if asset.has_location]
        organizations = list(self.serving_organizations().exclude(latitude=None))
        places += [org.map_place(org.get_url(request)) for org in organizations]
        context = self.get_context(request)
        type_query = f"type={chosen.slug}" if chosen else ""
        context.update(asset_types=types, chosen_type=chosen, assets=page, map_places=places, type_query=type_query)
        return TemplateResponse(request, "directory/neighborhood_assets.html", context)

    @path("assets/csv/", name="assets_csv")
    def assets_csv(self, request):
        from .exports import assets_csv

        return assets_csv(self, self.assets().prefetch_related("opening_hours"))

    def directory_context(self, request=None):
        """What the neighbourhood page shows of the directory, for one query more: the organisations
        serving it (one query), its assets as plain links (from the page's cached family, no query),
        and a map of the office and those organisations. The full map of assets is on assets/."""
        from .maps import office_place
        from .models import AssetPage

        from portal.content_version import cached_value

        organizations = cached_value(
            request,
            "serving-organizations",
            [self.pk],
            lambda: list(self.serving_organizations()[: settings.NEIGHBORHOOD_ORGANIZATIONS + 1]),
        )
        places = [office_place(self, request)] if self.has_location else []
        places += [org.map_place(org.get_url(request)) for org in organizations if org.has_location]
        # Every organisation is a child of the directory: its URL without the last segment is the
        # directory's, so the link to the filtered directory costs no query.
        directory_url = organizations[0].get_url(request).rstrip("/").rsplit("/", 1)[0] + "/" if organizations else None
        return {
            "serving_organizations": organizations[: settings.NEIGHBORHOOD_ORGANIZATIONS],
            "more_organizations": len(organizations) > settings.NEIGHBORHOOD_ORGANIZATIONS,
            "neighborhood_assets": self.children_of_type(AssetPage),
            "directory_url": directory_url,
            "map_places": places,
        }
