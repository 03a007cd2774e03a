"""Slugs (page addresses) from Persian titles.

The zero-width non-joiner (نیم‌فاصله, U+200C) joins the parts of one Persian word without joining their letters:
«کوچه‌های», «می‌شود». Django's slugify and the Wagtail admin's slug field keep only letters, digits, hyphens
and underscores, so they drop it and glue the parts into a word that does not exist («کوچههای»). A slug
cannot keep it either (Django's slug validator accepts only word characters and hyphens), so it becomes a
hyphen: «کوچه-های». The same rule runs in the admin, as the slug field's formatter, and on the server.
"""

from django.utils.text import slugify

from .text import ZWNJ

# (pattern, replacement) pairs applied by Wagtail's slug field (the w-slug controller) before it slugifies.
ADMIN_SLUG_FORMATTERS = [(ZWNJ, "-")]


def slugify_title(title):
    """The slug of a (Persian) title: «کوچه‌های روشن» → «کوچه-های-روشن»."""
    return slugify(str(title).replace(ZWNJ, "-"), allow_unicode=True)
