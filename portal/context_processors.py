from django.conf import settings
from django.utils import translation


def portal(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "LANGUAGE_BIDI": translation.get_language_bidi(),
        # Only a visitor with a session can be logged-in staff. Asking anyone else for request.user
        # would open the session, add "Vary: Cookie" and make the page uncacheable for every reader.
        "HAS_SESSION": settings.SESSION_COOKIE_NAME in getattr(request, "COOKIES", {}),
    }
