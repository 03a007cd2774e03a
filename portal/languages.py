"""The portal's languages: which exist, which a page exists in, and where its translations are.

The set of languages is ``settings.LANGUAGES``; Persian (``LANGUAGE_CODE``) has no URL prefix. A page
*exists* in a language when a live page of its translation key is in that language's locale and holds
its own text. wagtail-localize fills the gaps of a translated tree with aliases of the Persian pages
(when it translates a page whose parent is not translated yet, or when a locale is synchronised), so
an alias of a page in another locale does not count: under /en/ it would show Persian text. Such
pages answer 404 (see ``serves_active_language``), and the switcher, hreflang links, the sitemap and
menus leave them out.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.db.models import F, Q
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .caching.invalidation import read_scopes
from .caching.store import cached as kept
from .visibility import listable_q

# Pages whose text is their own: not an alias, or an alias within its own locale.
OWN_TEXT = Q(alias_of__isnull=True) | Q(alias_of__locale_id=F("locale_id"))


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The language's name in itself («English», «العربية»), as settings.LANGUAGES gives it."""
    return dict(settings.LANGUAGES).get(code, code)


def is_rtl(code):
    return code.split("-")[0] in settings.LANGUAGES_BIDI


def active_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).lower()


def ensure_locales(using="default", **kwargs):
    """A Locale row for every language in settings.LANGUAGES (post_migrate), so editors can translate
    into each of them at once."""
    if "plan" not in kwargs:
        # `flush` (tests) sends post_migrate too, without a plan: it empties the tables, and a test that
        # restores a serialized database afterwards brings its own locales back; rows made here would
        # collide with them on PostgreSQL, whose id sequences a flush does not reset.
        return
    for code in language_codes():
        Locale.objects.using(using).get_or_create(language_code=code)


def translations(page, request=None):
    """``page`` in every language it exists in, in the order of settings.LANGUAGES: one query per
    version of the page's scopes (portal/caching/), kept on the page object so that the 404 check, the
    switcher and the hreflang links share it."""
    cached = getattr(page, "_language_versions", None)
    if cached is None:
        codes = language_codes()

        def find():
            rows = (
                Page.objects.filter(translation_key=page.translation_key, locale__language_code__in=codes)
                .live()
                .filter(OWN_TEXT)
                .select_related("locale")
            )
            by_code = {row.locale.language_code: row for row in rows}
            return [(code, by_code[code]) for code in codes if code in by_code]

        cached = page._language_versions = kept(request, "translations", [page.translation_key], find, read_scopes(page))
    return cached


def as_read_in(pages, locale_id):
    """``pages`` (a queryset of pages in one language) as a reader of ``locale_id`` finds them: each page's
    listable translation into that locale where it has one with its own text, else the page itself.

    A neighbourhood translated into English lists its Persian page's programmes, assets and organisations
    this way: as many as in Persian, in English where a translation exists. Still a queryset of the same
    model (filters, ordering, slicing and related reads stay the caller's), read in one query. A page left
    in its own language keeps its ``locale_id``: the caller marks it (``untranslated``).
    """
    translated = (
        pages.model.objects.filter(locale_id=locale_id, translation_key__in=pages.values("translation_key"))
        .filter(listable_q())
        .filter(OWN_TEXT)
    )
    return pages.model.objects.filter(
        Q(pk__in=translated.values("pk"))
        | Q(pk__in=pages.values("pk")) & ~Q(translation_key__in=translated.values("translation_key"))
    )


def untranslated(pages, locale_id):
    """``pages`` (a list), each marked ``untranslated`` when it is not in ``locale_id``: a page listed in
    another language's page, whose text is then marked as Persian (``written_in``)."""
    for page in pages:
        page.untranslated = page.locale_id != locale_id
    return pages


def written_in(page):
    """The ``lang`` and ``dir`` of the text of ``page`` when it is listed untranslated (``untranslated``)
    on a page in another language: the default language's. Empty for a page in the language shown."""
    if not getattr(page, "untranslated", False):
        return {}
    code = settings.LANGUAGE_CODE
    return {"lang": code, "dir": "rtl" if is_rtl(code) else "ltr"}


def serves_active_language(page, request=None):
    """True if ``page`` is a live page with its own text in the language of the current request."""
    return any(row.pk == page.pk and code == active_language() for code, row in translations(page, request))


def language_links(page, request=None):
    """The switcher's and hreflang's entries: one per language the page exists in."""
    links = []
    current = active_language()
    for code, row in translations(page, request):
        url = row.get_url(request)
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": language_name(code),
                "url": url,
                "full_url": row.get_full_url(request),
                "current": code == current,
                "default": code == settings.LANGUAGE_CODE,
                "dir": "rtl" if is_rtl(code) else "ltr",
            }
        )
    return links


def home_url(code=None):
    """The front page's URL in a language ("/" for Persian, "/en/" …), without a query."""
    with translation.override(code or active_language()):
        return reverse("wagtail_serve", args=("",))


def locale_root_path(request):
    """The tree path of the home page in the request's language: the routed page's top ancestor (no
    query), else the site's root page in the active language; None when the language has no home."""
    route = getattr(request, "_wagtail_route_for_request", None)
    if route:
        return route[0].path[: Page.steplen * 2]
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page.localized
    return root.path if serves_active_language(root, request) else None


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without ``Vary: Accept-Language``.

    With ``prefix_default_language=False`` a request's language is its URL prefix's, or Persian: Django
    then never reads the browser's Accept-Language, yet still marks every unprefixed response as varying
    on it. Shared caches (nginx's front cache, a CDN) honour Vary, so each Persian page was kept once per
    Accept-Language value browsers send, and hit far less often.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [part.strip() for part in response["Vary"].split(",") if part.strip().lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
