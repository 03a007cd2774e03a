from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from council.api import ResolutionsAPIViewSet
from directory.api import api_router
from forms.own_data import own_data
from forms.tracking_views import track

from . import views
from .admin_scope import ScopedPageTypesUsageReportView
from .two_factor import SecondFactorView
from .sitemap import sitemap

# The portal's open data gathers every app's endpoint on one router (the directory's pages, the council's resolutions).
api_router.register_endpoint("resolutions", ResolutionsAPIViewSet)

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    # Wagtail's page-types report, naming only pages the user may read (portal/admin_scope.py).
    path("admin/reports/page-types-usage/", never_cache(require_admin_access(ScopedPageTypesUsageReportView.as_view()))),
    path(
        "admin/reports/page-types-usage/results/",
        never_cache(require_admin_access(ScopedPageTypesUsageReportView.as_view(results_only=True))),
    ),
    # wagtail-2fa's code prompt, with a form django-otp accepts (portal/two_factor.py); the name is the one
    # wagtail-2fa's middleware lets through unverified.
    path("admin/2fa/auth", never_cache(require_admin_access(SecondFactorView.as_view())), name="wagtail_2fa_auth"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    # Open data: organisations, their services and neighbourhood assets (see README).
    path("api/v2/", api_router.urls),
    path("health/", views.health, name="health"),
]

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # Uploaded media in development, but never media/private/ (residents' photos, meetings' papers): those are
    # streamed by scoped views only, here as behind the production web server.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?!private/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Persian is the default language and has no prefix; other languages get /en/… and so on.
urlpatterns += i18n_patterns(
    path("track/", track, name="track"),
    path("track/data/", own_data, name="own_data"),
    path("search/", include("search.urls")),
    path("", include("alerts.urls")),
    path("safety-map/", include("reports.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
