from django.conf import settings
from django.utils import translation


def portal(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "LANGUAGE_BIDI": translation.get_language_bidi(),
    }
