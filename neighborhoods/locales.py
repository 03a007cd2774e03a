"""Which page stands for a neighbourhood in the portal's data.

A neighbourhood translated into English is one neighbourhood with two pages. Submissions, programmes,
organisations, reports and staff scopes refer to the page in the default language (Persian); the
translations are how readers of other languages see it. Lists that choose or count neighbourhoods
therefore keep to the default language, or every translated neighbourhood would appear twice.
"""

from django.conf import settings
from wagtail.models import Locale


def in_default_language(queryset):
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def source_of(page):
    """The default-language page ``page`` is a translation of (``page`` itself when it is the source or
    has none)."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    source = page.get_translations().filter(locale=default).specific().first() if default else None
    return source or page
