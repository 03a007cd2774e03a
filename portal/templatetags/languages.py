"""The language switcher and hreflang links of a page (portal/languages.py)."""

from django import template

from portal import languages

register = template.Library()


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
