from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def overdue_on(resolution, today):
    """Whether ``resolution`` is overdue on ``today`` (the day in Tehran the page was rendered for)."""
    return resolution.is_overdue(today)


@register.filter
def count_of(counts, status):
    return counts.get(status, 0)


@register.simple_tag
def written_in_persian():
    """Attributes for what offices write in Persian (resolutions, progress), shown on a page in another
    language: screen readers and browsers read it as Persian, right to left."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}" dir="rtl"')
