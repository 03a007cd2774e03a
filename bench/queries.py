"""SQL queries per page for every public page type, in process with the test client (page cache off).
Deterministic: the same figures as the budgets in tests/test_query_budgets.py, at this volume."""

from urllib.parse import urlsplit

from django.conf import settings


def examples():
    from directory.models import AssetPage, DirectoryIndexPage, OrganizationPage
    from forms.models import ParticipationFormPage
    from home.models import HomePage
    from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
    from news.models import NewsIndexPage, NewsPage
    from programmes.models import ProgramCalendarPage, ProgramPage

    def path(model, **filters):
        page = model.objects.live().filter(**persian, **filters).order_by("-pk").first()
        return urlsplit(page.get_url()).path if page else None

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    home = HomePage.objects.live().filter(**persian).first()
    neighborhood = NeighborhoodPage.objects.live().filter(**persian).order_by("-pk").first()
    pages = {
        "home": path(HomePage),
        "neighbourhood index": path(NeighborhoodIndexPage),
        "province": path(ProvincePage),
        "neighbourhood": path(NeighborhoodPage),
        "neighbourhood assets": f"{path(NeighborhoodPage)}assets/",
        "news listing (portal)": path(NewsIndexPage, depth=home.depth + 1),
        "news listing (neighbourhood)": path(NewsIndexPage, depth=neighborhood.depth + 1),
        "news item": path(NewsPage),
        "programme calendar": path(ProgramCalendarPage),
        "programme": path(ProgramPage),
        "participation form": path(ParticipationFormPage),
        "asset": path(AssetPage),
        "directory": path(DirectoryIndexPage),
        "organisation": path(OrganizationPage),
        "tracking lookup": "/track/",
    }
    return {name: p for name, p in pages.items() if p}


def measure():
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    results = {}
    with override_settings(PAGE_CACHE_SECONDS=0):
        client = Client()
        for name, path in examples().items():
            client.get(path)  # warm per-process caches (content types, site root paths), as a running server has
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            results[name] = {"path": path, "status": response.status_code, "queries": len(queries)}
    return results
