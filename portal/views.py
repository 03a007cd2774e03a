"""Error pages in Persian, and a health check."""

from django.db import connection
from django.http import JsonResponse
from django.template import loader
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token


def _render(request, template_name, status):
    # Error pages must render even when the database is down, so they use no context processors
    # that query it and no page tree.
    template = loader.get_template(template_name)
    return HttpResponse(template.render({"request_path": getattr(request, "path", "")}), status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return _render(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return _render(request, "403.html", 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return _render(request, "404.html", 404)


@requires_csrf_token
def server_error(request):
    return _render(request, "500.html", 500)


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def csrf_failure(request, reason=""):
    response = _render(request, "403_csrf.html", 403)
    return response
