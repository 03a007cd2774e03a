"""One view: the cheapest answer Django gives under its default middleware."""

from django.http import HttpResponse
from django.urls import path


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok), path("health/", ok)]
