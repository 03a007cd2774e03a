"""The portal's URLs plus the baseline of bench/page_cache: the cheapest Django view there is."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import *  # noqa: F401,F403
from portal.urls import urlpatterns as portal_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *portal_urlpatterns]
