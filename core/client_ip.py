"""
The visitor's IP address, for login lockouts and rate limits.

Behind N trusted reverse proxies each one appends the address it received the
request from to X-Forwarded-For, so the client is the N-th entry from the
right. Entries further left are whatever the client sent and cannot be
trusted; with no proxy configured the header is ignored altogether.

The header is read only on connections from the proxies themselves
(``PORTAL_FORWARDED_ALLOW_IPS``, the ``FORWARDED_ALLOW_IPS`` gunicorn also uses
for X-Forwarded-Proto). Without that check a client that reaches the app server
directly could name a new address on every request and escape every limit.
"""

from core import conf


def client_ip(request) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = conf.TRUSTED_PROXY_COUNT
    if proxies <= 0 or not from_proxy(remote_addr):
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        # Fewer hops than proxies: the request did not come through all of them.
        return remote_addr
    return forwarded[-proxies]


def from_proxy(address: str) -> bool:
    """gunicorn's rule: the exact address is listed, or "*" trusts any."""
    allowed = conf.FORWARDED_ALLOW_IPS
    return "*" in allowed or address in allowed
