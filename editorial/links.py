"""Addresses of a draft for editors: its page, its comparison with the live version."""

from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.urls import reverse
from django.utils.http import urlencode
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version


def compare_url(version, *, back: str = "") -> str:
    """Versioning's side-by-side view of the draft against what is live now.

    `back` is where its Back button goes, My work unless told: left to itself versioning
    goes to the version list, which medical reviewers may not open (no change right).
    """
    back = back or my_work_url()
    proxy = version.versionable.version_model_proxy
    name = f"admin:{proxy._meta.app_label}_{proxy._meta.model_name}_compare"
    live = (
        Version.objects.filter_by_content_grouping_values(version.content)
        .filter(state=PUBLISHED)
        .first()
    )
    if live is None:
        return f"{reverse(name, args=[version.pk])}?{urlencode({'back': back})}"
    query = {"compare_to": version.pk, "back": back}
    return f"{reverse(name, args=[live.pk])}?{urlencode(query)}"


def draft_url(version, user) -> str:
    """The draft on its page: in edit mode for those who may change it, else as a preview."""
    if version.has_change_permission(user):
        return get_object_edit_url(version.content)
    return get_object_preview_url(version.content)


def my_work_url() -> str:
    return reverse("admin:editorial_review_my_work")
