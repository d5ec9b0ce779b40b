"""
A reference version on its own page, for the django CMS toolbar.

References have no placeholders, so editors change a draft's fields in the admin; this
page is what the toolbar's preview and edit endpoints, My work, the review emails and
versioning's compare view (two of these side by side) show: the entry exactly as the
References list prints it, with the toolbar's Review menu and versioning's buttons.
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode


def change_url(content) -> str:
    """The admin form of this very version (GrouperModelAdmin's ``cms_content``)."""
    base = reverse("admin:pages_reference_change", args=[content.reference_id])
    return f"{base}?{urlencode({'cms_content': content.pk})}"


def render_reference_content(request, content) -> TemplateResponse:
    toolbar = getattr(request, "toolbar", None)
    editing = bool(toolbar and toolbar.edit_mode_active)
    may_change = request.user.has_perm("pages.change_reference")
    context = {
        "reference": content,
        "references": [content],
        "change_url": change_url(content) if editing and may_change else "",
    }
    return TemplateResponse(request, "pages/reference_preview.html", context)
