"""The demo's English pages, made the way an editor makes them: wagtail-localize's translation of each
Persian page, with the English of every string (demo.english) stored as the translator's own entry.
The translation editor in the admin then shows them as translated, and a second run changes nothing.

Pages are translated from the home page down, so every English page has an English parent (a page
translated before its parent would get an alias of the Persian parent, which is a 404 in English).
"""

import re

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from directory.models import AssetPage
from home.models import HomePage, StatementPage
from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
from news.models import NewsIndexPage, NewsPage

from . import english

PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
# Inline rows translated with their page (translatable models): the fields each English row gives, in order.
ROW_FIELDS = {"council_members": ("name", "organization"), "committees": ("name", "chair", "description")}


def _row_strings(page, name, rows):
    """{Persian: English} for the inline rows ``name`` of ``page``, given in the order of the Persian rows."""
    persian_rows = list(getattr(page, name).all())
    if len(persian_rows) != len(rows):
        raise ValueError(f"{page.url_path} {name}: {len(persian_rows)} Persian rows, {len(rows)} English")
    pairs = {}
    for persian_row, english_row in zip(persian_rows, rows):
        for field, english in zip(ROW_FIELDS[name], english_row, strict=True):
            persian = getattr(persian_row, field)
            if bool(persian) != bool(english) or pairs.get(persian, english) != english:
                raise ValueError(f"{page.url_path} {name}: «{persian}» cannot be {english!r}")
            if persian:
                pairs[persian] = english
    return pairs


def _strings(page, fields):
    """{Persian string: English string} for the fields of ``page`` that ``fields`` translates."""
    pairs = {}
    for name, value in fields.items():
        if name in ("path", "province", "news", "assets"):
            continue
        if name in ROW_FIELDS:
            pairs.update(_row_strings(page, name, value))
            continue
        persian = getattr(page, name)
        if isinstance(value, list):
            paragraphs = PARAGRAPH.findall(str(persian))
            if len(paragraphs) != len(value):
                raise ValueError(f"{page.url_path} {name}: {len(paragraphs)} Persian paragraphs, {len(value)} English")
            pairs.update(zip(paragraphs, value))
        else:
            pairs[persian] = value
    return {StringValue.from_plaintext(fa).data: StringValue.from_plaintext(en).data for fa, en in pairs.items()}


class EnglishTranslator:
    def __init__(self, result):
        self.result = result
        self.locale, _ = Locale.objects.get_or_create(language_code="en")

    def translate(self, page, fields):
        page = page.specific
        strings = _strings(page, fields)
        # Brought up to date with the Persian page (an editor's «Sync translated pages»): unchanged, it is
        # kept as it is; otherwise its strings are extracted again (the council's rows among them).
        source, _ = TranslationSource.update_or_create_from_instance(page)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=self.locale, defaults={"enabled": True}
        )
        changed = False
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = strings.get(segment.string.data)
            if text is None:
                continue
            entry, created = StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=self.locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
            if not created and entry.data != text:
                entry.data = text
                entry.save(update_fields=["data", "updated_at"])
                changed = True
            changed = changed or created
        existing = page.get_translation_or_none(self.locale)
        if existing is None:
            self.result.pages_created += 1
        if existing is None or changed or not existing.live or existing.alias_of_id:
            # wagtail-localize publishes when the transaction commits; the demo publishes at once, so
            # the pages are live inside the caller's transaction too (tests, the next step of the build).
            translation.save_target(publish=False)
            page.get_translation(self.locale).get_latest_revision().publish()
            self.result.pages_published += 1
        return page


@transaction.atomic
def build_english(builder, home):
    translator = EnglishTranslator(builder.result)
    translator.translate(home, english.HOME)
    portal_news = NewsIndexPage.objects.child_of(home).get(slug="news")
    translator.translate(portal_news, english.PORTAL_NEWS)
    for slug, fields in (("privacy", english.PRIVACY), ("accessibility", english.ACCESSIBILITY)):
        translator.translate(StatementPage.objects.child_of(home).get(slug=slug), fields)
    index = NeighborhoodIndexPage.objects.child_of(home).get(slug="neighborhoods")
    translator.translate(index, english.NEIGHBORHOOD_INDEX)
    provinces = {province.slug: province for province in ProvincePage.objects.child_of(index)}
    for slug, fields in english.PROVINCES.items():
        translator.translate(provinces[slug], fields)
    for slug, fields in english.NEIGHBORHOODS.items():
        neighborhood = NeighborhoodPage.objects.child_of(provinces[fields["province"]]).get(slug=slug)
        translator.translate(neighborhood, fields)
        news_index = NewsIndexPage.objects.child_of(neighborhood).get(slug="news")
        translator.translate(news_index, english.NEIGHBORHOOD_NEWS)
        for news_slug, news_fields in fields.get("news", {}).items():
            translator.translate(NewsPage.objects.child_of(news_index).get(slug=news_slug), news_fields)
        for asset_slug, asset_fields in fields.get("assets", {}).items():
            translator.translate(AssetPage.objects.child_of(neighborhood).get(slug=asset_slug), asset_fields)
