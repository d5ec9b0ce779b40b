"""
Content-Security-Policy: strict for the public, relaxed for staff while editing.

Visitors get ``CONTENT_SECURITY_POLICY`` from settings: scripts and styles
from this site only, nothing inline. The django CMS toolbar, structure board,
rich-text editor and admin inject inline scripts and styles, so a logged-in
staff user (the only person the toolbar is shown to) gets
``PORTAL_CSP_EDITING`` merged over it instead. Anonymous requests never get
the relaxed policy, whatever their path or query string.
"""

from csp.middleware import CSPMiddleware, PolicyParts

from core import conf


def is_editing(request) -> bool:
    """True for a logged-in, active staff user: the CMS shows them the toolbar."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_editing(request):
            parts.replace = {**(parts.replace or {}), **conf.CSP_EDITING}
        return parts
