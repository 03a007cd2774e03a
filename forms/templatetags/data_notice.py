"""What every public form tells its sender before they send: what is kept, for how long, who sees it."""

from django import template
from django.conf import settings
from django.utils.translation import ngettext

from portal.digits import format_number

register = template.Library()


def retention_text(days):
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s سال", "%(count)s سال", years) % {"count": format_number(years)}
    return ngettext("%(count)s روز", "%(count)s روز", days) % {"count": format_number(days)}


@register.inclusion_tag("participation/includes/data_notice.html", takes_context=True)
def data_notice(context, confidential=False, reader="office"):
    """``reader``: "office" (a neighbourhood's case) or "directory" (an NGO's application)."""
    return {
        "request": context.get("request"),
        "confidential": confidential,
        "reader": reader,
        "retention": retention_text(settings.SUBMISSION_RETENTION_DAYS),
    }
