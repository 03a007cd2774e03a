"""Error pages in Persian, and a health check.

Every error page here renders without the database: a template with no context processors and no
page tree, so it still answers while PostgreSQL is away.
"""

import logging
import sys

from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from .outage import RETRY_AFTER_SECONDS, is_outage

logger = logging.getLogger("portal.health")


def render_error_page(request, template_name, status):
    template = loader.get_template(template_name)
    return HttpResponse(template.render({"request_path": getattr(request, "path", "")}), status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return render_error_page(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return render_error_page(request, "403.html", 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render_error_page(request, "404.html", 404)


def service_unavailable(request):
    response = render_error_page(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request):
    # Django calls this while handling the exception, so it is still at hand: a lost database or
    # Redis is "try again shortly" (503), anything else our fault (500).
    if is_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    return render_error_page(request, "500.html", 500)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_cache():
    # The Redis caches swallow their errors (IGNORE_EXCEPTIONS): a value that does not come back is
    # the sign that Redis is away.
    cache = caches["default"]
    cache.set("health-check", "ok", 10)
    if cache.get("health-check") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_storage():
    default_storage.exists("health-check")


CHECKS = {"database": _check_database, "cache": _check_cache, "storage": _check_storage}


@never_cache
def health(request):
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure of a dependency is a failed check, reported by name
            logger.warning("health check %s failed: %s", name, error)
            failed.append(name)
    if failed:
        return JsonResponse({"status": "unavailable", "failed": failed}, status=503)
    return JsonResponse({"status": "ok", "checked": list(CHECKS)})


def csrf_failure(request, reason=""):
    return render_error_page(request, "403_csrf.html", 403)
