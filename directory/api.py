"""Open data through Wagtail's API v2: live pages only, each type exposing only its ``api_fields``.

/api/v2/organizations/ and /api/v2/assets/ are the pages endpoint narrowed to one type, so clients
need not know Wagtail's ``type=`` parameter; /api/v2/pages/ stays available for everything public.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from portal.caching import scopes

from .models import AssetPage, OrganizationPage


class PortalPagesAPIViewSet(PagesAPIViewSet):
    def dispatch(self, request, *args, **kwargs):
        # Answers list pages of any type: kept in the page cache only while no page changes.
        scopes.versions([scopes.portal_list("pages")])
        return super().dispatch(request, *args, **kwargs)


class TypedPagesAPIViewSet(PortalPagesAPIViewSet):
    page_model = None

    def get_base_queryset(self):
        return super().get_base_queryset().type(self.page_model)

    def get_queryset(self):
        # As if ``?type=`` named the model: its fields become available to ``fields=`` and filters.
        ids = self.get_base_queryset().values_list("id", flat=True)
        return self.page_model.objects.filter(id__in=ids).order_by("path")


class OrganizationsAPIViewSet(TypedPagesAPIViewSet):
    name = "organizations"
    page_model = OrganizationPage


class AssetsAPIViewSet(TypedPagesAPIViewSet):
    name = "assets"
    page_model = AssetPage


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("organizations", OrganizationsAPIViewSet)
api_router.register_endpoint("assets", AssetsAPIViewSet)
