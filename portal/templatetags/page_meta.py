"""The <meta name="description"> of every public page: what a search engine or a shared link shows under the
title. The editor's own «search description» when set, else the page's first sentence or two (a news item's
lead, a programme's summary, a form's introduction …), else the page's title with the portal's tagline."""

import html
import re

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext

from portal.context_processors import site_name
from portal.text import field_text

register = template.Library()

MAX_LENGTH = 160
# The fields page types use for their opening text, in the order a description prefers them.
SOURCES = ("search_description", "lead", "summary", "intro", "introduction", "description", "tagline", "body")
_SPACES = re.compile(r"\s+")


def plain(value):
    """The text of a field, rich or plain, on one line."""
    text = html.unescape(strip_tags(str(field_text(value) or "")))
    return _SPACES.sub(" ", text).strip()


def describe(page):
    if page is not None:
        for name in SOURCES:
            text = plain(getattr(page, name, ""))
            if text:
                return Truncator(text).chars(MAX_LENGTH)
    tagline = gettext("درگاه دفاتر تسهیلگری و شوراهای پیشرفت محله")
    title = getattr(page, "seo_title", "") or getattr(page, "title", "") or site_name()
    return f"{title}: {tagline}"


@register.simple_tag(takes_context=True)
def meta_description(context):
    return describe(context.get("page"))
