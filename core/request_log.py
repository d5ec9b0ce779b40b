"""
One log line per request, and a JSON formatter for log shippers.

With ``LOG_FORMAT=json`` every record is printed as one JSON object; the
request log's records carry method, path, status and duration_ms as fields.
Only the standard library is used, so logging cannot fail on a missing
package.
"""

import json
import logging
import time
from datetime import UTC, datetime

logger = logging.getLogger("portal.requests")

REQUEST_FIELDS = ("method", "path", "status", "duration_ms")


class RequestLogMiddleware:
    """Outermost middleware, so the duration covers everything Django does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": duration_ms,
        }
        logger.info(
            "%s %s %s %sms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra=fields,
        )
        return response


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
