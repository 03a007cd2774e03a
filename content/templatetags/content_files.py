"""A document's kind and size as a reader sees them, in the page's digits: «PDF، ۱٫۲ مگابایت»."""

from django import template

from portal.templatetags.persian import _language

from .. import files

register = template.Library()


@register.filter
def file_kind(document):
    return files.extension(document).upper() if document is not None else ""


@register.filter
def file_size(size):
    return files.readable_size(size, _language()) if size else ""
