"""The sitemap: every language's pages, each with its translations as ``xhtml:link`` alternates.

wagtail.contrib.sitemaps lists only the pages under the site's root page, which is the Persian home;
the English and Arabic homes are its translations, beside it in the tree. Here the items are the pages
under every translation of the site's root page (aliases of untranslated pages left out: they are
404s), and each URL names the same page in the other languages and an x-default (Persian).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from .caching import scopes
from .languages import OWN_TEXT, language_codes


class LanguagesSitemap(Sitemap):
    def roots(self):
        site = self.get_wagtail_site()
        return list(
            Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code__in=language_codes())
            .live()
            .filter(OWN_TEXT)
        )

    def items(self):
        roots = self.roots()
        if not roots:
            return Page.objects.none()
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(under_a_root, locale__language_code__in=language_codes())
            .live()
            .public()
            .filter(OWN_TEXT)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def alternates_for(self, pages):
        """{translation key: [(language, full URL)]} of the live translations of ``pages``."""
        codes = language_codes()
        found = defaultdict(dict)
        rows = (
            Page.objects.filter(translation_key__in={page.translation_key for page in pages})
            .filter(locale__language_code__in=codes)
            .live()
            .public()
            .filter(OWN_TEXT)
            .select_related("locale")
        )
        for row in rows:
            url = row.get_full_url(self.request)
            if url:
                found[row.translation_key][row.locale.language_code] = url
        return {key: [(code, by_code[code]) for code in codes if code in by_code] for key, by_code in found.items()}

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates_for(pages)
        urls = []
        last_mods = set()
        for item in pages:
            versions = alternates.get(item.translation_key, [])
            links = []
            if len(versions) > 1:
                links = [{"lang_code": code, "location": url} for code, url in versions]
                default = dict(versions).get(settings.LANGUAGE_CODE)
                if default:
                    links.append({"lang_code": "x-default", "location": default})
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": links})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    # It lists every page: kept in the page cache only while no page changes.
    scopes.versions([scopes.portal_list("pages")])
    return wagtail_sitemap(request, sitemaps={"pages": LanguagesSitemap})
