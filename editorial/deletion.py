"""
Deleting never silently loses published medical content.

A page that has ever been published keeps its version history: it can be
unpublished (recorded in the audit history, and restorable by reverting), but
not deleted. Only pages that never went live can be deleted. Aliases in use on
a page are already refused by djangocms-alias.
"""

from cms.models import Page, PageContent
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version


def has_been_published(page: Page) -> bool:
    content_ids = PageContent.admin_manager.filter(page__path__startswith=page.path).values("pk")
    return (
        Version.objects.filter(
            content_type=ContentType.objects.get_for_model(PageContent),
            object_id__in=content_ids,
        )
        .exclude(state=DRAFT)
        .exists()
    )


def protect_page_deletion() -> None:
    """Wrap the registered page admin's delete permission (django CMS owns that admin class)."""
    page_admin = admin.site._registry.get(Page)
    if page_admin is None or getattr(page_admin, "_portal_protected", False):
        return
    original = page_admin.has_delete_permission

    def has_delete_permission(request, obj=None):
        if obj is not None and has_been_published(obj):
            return False
        return original(request, obj)

    page_admin.has_delete_permission = has_delete_permission
    page_admin._portal_protected = True
