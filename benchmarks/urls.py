"""
URLs for `make bench-pages` only (benchmarks.settings).

The benchmark's floor: a view that returns the bytes of the procedure page,
saved by the benchmark to var/bench-floor.html, through the same middleware
stack as every page. Nothing here is reachable in a normal deployment.
"""

from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

FLOOR_BODY = settings.VAR_DIR / "bench-floor.html"


@cache
def _body() -> bytes:
    return FLOOR_BODY.read_bytes()


def floor(request):
    return HttpResponse(_body(), content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/floor/", floor, name="bench-floor"), *portal_urlpatterns]
