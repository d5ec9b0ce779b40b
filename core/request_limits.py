"""
Oversized requests get the portal's own 400, not gunicorn's bare one.

gunicorn refuses a request line over ``limit_request_line`` with a bare HTML
400: no security headers, no JSON for API clients. portal/gunicorn.conf.py
therefore lets lines up to its maximum (8190 bytes) through, and this
middleware sets the real limit on the query string, the part of the URL a
form or a client builds: over ``MAX_QUERY_STRING`` characters, visitors get
templates/400.html and the API its usual ``{"error", "field"}`` JSON. It sits
below the security, CSP and Permissions-Policy middlewares, so the answer
carries their headers, and above the page cache, which never sees such a URL.

The API's other 400s are its own JSON; Django's (too many query parameters,
a malformed cookie) arrive as HTML from its ``bad_request`` view and are
turned into the same JSON shape here, so an API client never parses HTML.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

# Well above any search the finder or the API builds (under 200), well below gunicorn's line.
MAX_QUERY_STRING = 4096
API_PREFIX = "/api/"


def bad_request(request, message: str):
    if request.path_info.startswith(API_PREFIX):
        response = JsonResponse({"error": message, "field": None}, status=400)
    else:
        response = HttpResponseBadRequest(render_to_string("400.html"))
    # Answered above django's XFrameOptionsMiddleware, which every other response passes.
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    return response


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            message = _("The address is too long: its query may hold %(limit)d characters.")
            return bad_request(request, message % {"limit": MAX_QUERY_STRING})
        response = self.get_response(request)
        if (
            response.status_code == 400
            and request.path_info.startswith(API_PREFIX)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return bad_request(request, _("The request could not be read."))
        return response
