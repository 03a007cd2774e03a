from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext, pgettext_lazy

# WAGTAIL_SITE_NAME holds the Persian name; makemessages reads only literals, so it is named here.
DEFAULT_SITE_NAME = pgettext_lazy("site name", "محله")


def site_name():
    """The site's name in the active language."""
    return pgettext("site name", settings.WAGTAIL_SITE_NAME)


def portal(request):
    return {
        "SITE_NAME": site_name(),
        "LANGUAGE_BIDI": translation.get_language_bidi(),
        # Only a visitor with a session can be logged-in staff. Asking anyone else for request.user
        # would open the session, add "Vary: Cookie" and make the page uncacheable for every reader.
        "HAS_SESSION": settings.SESSION_COOKIE_NAME in getattr(request, "COOKIES", {}),
    }
