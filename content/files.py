"""A document's kind and size, as staff and readers are told them: «PDF»، «۱٫۲ مگابایت»."""

import os

from django.utils.translation import gettext

from portal.digits import format_decimal, format_number


def extension(document):
    return os.path.splitext(document.file.name)[1].lower().lstrip(".")


def readable_size(size, language="fa"):
    if size < 1024 * 1024:
        return gettext("%(size)s کیلوبایت") % {"size": format_number(max(1, round(size / 1024)), language)}
    megabytes = round(size / (1024 * 1024), 1)
    return gettext("%(size)s مگابایت") % {"size": format_decimal(int(megabytes) if megabytes.is_integer() else megabytes, language)}
