"""The language switcher and hreflang links of a page (portal/languages.py), and the marks of a page listed
untranslated on a page in another language."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from portal import languages

register = template.Library()


@register.simple_tag
def written_in(page):
    """`` lang="fa" dir="rtl"`` on the text of ``page`` when it is listed untranslated on a page in another
    language (portal.languages.untranslated), so browsers and screen readers read it as Persian; nothing
    for a page in the language it is shown in."""
    return format_html_join("", ' {}="{}"', languages.written_in(page).items())


@register.simple_tag
def untranslated_note(page):
    """A word, in the reader's language, beside a page listed untranslated: what it links to is Persian."""
    if not getattr(page, "untranslated", False):
        return ""
    return format_html(' <span class="muted untranslated">({})</span>', gettext("فقط به فارسی"))


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    """One entry per language ``page`` exists in (code, name, url, full_url, current, dir); empty
    outside pages."""
    page = page or context.get("page")
    if page is None or not getattr(page, "translation_key", None):
        return []
    return languages.language_links(page, context.get("request"))


@register.simple_tag
def home_url():
    """The front page in the current language."""
    return languages.home_url()
