"""
/healthz for load balancers and uptime checks.

Answered by a middleware at the top of the stack, before host validation, the
HTTPS redirect, sessions and the CMS: a probe speaks plain HTTP to an internal
address and must not create sessions or touch the page cache. Each check is
one cheap round trip: ``SELECT 1`` on the database, a set/get on the cache.

The two fail differently. Without its database the site cannot serve, so the
probe answers 503 and the load balancer takes the server out. Without Redis it
serves pages uncached from PostgreSQL (core.cache_outage), so the probe answers
200 with ``"cache": "degraded"``: taking every server out over a cache outage
would turn a slower site into no site. Monitoring alerts on the body.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

HEALTH_PATHS = {"/healthz", "/healthz/"}


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 returned something else")


def check_cache() -> None:
    key = "healthz:probe"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the value written was not read back")


CHECKS = {"database": check_database, "cache": check_cache}
# What each part's failure is called: "error" fails the probe, "degraded" does not.
FAILURE = {"database": "error", "cache": "degraded"}


def health_response() -> JsonResponse:
    body = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure of a dependency is reported, never a 500
            if FAILURE[name] == "error":
                logger.exception("Health check failed: %s", name)
            # (a cache outage is logged once by core.cache_outage, not at every probe)
            body[name] = FAILURE[name]
        else:
            body[name] = "ok"
    states = set(body.values())
    status = "error" if "error" in states else "degraded" if "degraded" in states else "ok"
    response = JsonResponse({"status": status, **body})
    response.status_code = 503 if status == "error" else 200
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in HEALTH_PATHS and request.method in {"GET", "HEAD"}:
            return health_response()
        return self.get_response(request)
