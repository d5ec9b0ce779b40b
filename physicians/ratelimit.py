"""
Rate limits on physician searches, per visitor IP address.

The directory is public but curated; a client that searches faster than a
person could (PORTAL_SEARCH_RATE, 60 a minute by default) gets a friendly 429
with Retry-After, on the finder page and the API alike. Counts live in the
shared cache (Redis in production), so the limit holds across app servers,
and the client address is read behind trusted proxies by core.client_ip.

With Redis down no count can be kept, and searches are let through
(``RATELIMIT_FAIL_OPEN``): the finder is for patients, and refusing them all
would be worse than an unmetered scraper for the length of an outage. Login
lockout (django-axes) counts in PostgreSQL and is unaffected.
"""

from functools import wraps

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from core.client_ip import client_ip
from physicians import conf

GROUP = "physician-search"


def _visitor(group, request) -> str:
    return client_ip(request)


def _usage(request):
    return get_usage(
        request,
        group=GROUP,
        key=_visitor,
        rate=conf.SEARCH_RATE,
        method=["GET", "HEAD"],
        increment=True,
    )


def limit_searches(*, api: bool):
    """Decorate a search view; only requests that actually search are counted."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.GET:  # the empty form costs nothing and is not a search
                return view(request, *args, **kwargs)
            usage = _usage(request)
            if usage is None or not usage["should_limit"]:
                return view(request, *args, **kwargs)
            wait = max(1, int(usage["time_left"]))
            message = _(
                "You have searched many times in a short while. "
                "Please wait %(seconds)d seconds and try again."
            ) % {"seconds": wait}
            if api:
                response = JsonResponse({"error": message, "field": None}, status=429)
            else:
                response = render(
                    request, "physicians/rate_limited.html", {"message": message}, status=429
                )
            response["Retry-After"] = str(wait)
            return response

        return wrapper

    return decorator
