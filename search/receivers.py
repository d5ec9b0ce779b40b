"""
Signals that change what is published, and the index entries they touch.

- djangocms-versioning's ``post_version_operation``: a page content published
  or unpublished re-syncs that page in that region; an alias (risk list,
  illustrated sequence) re-syncs the pages showing it. When a publish replaces
  a live version, versioning first unpublishes the old one (with
  ``to_be_published`` set): that step is skipped, the publish re-syncs.
- django CMS's ``post_obj_operation`` for the page tree: a deleted page's
  entries go with it (the foreign key cascades; ``prune`` catches the rest), a
  deleted translation is re-synced, and a moved page is re-read, as its text
  can show where it sits. What a move changes for visitors (URLs, the
  healthcare-professional section, inherited view restrictions) is read at
  search time (search.visibility, search.selectors), so no descendant needs
  re-indexing.

Writes happen inside the publishing transaction, so the new text is findable
exactly when the publish commits.
"""

from cms.models import PageContent
from cms.operations import DELETE_PAGE, DELETE_PAGE_TRANSLATION, MOVE_PAGE
from djangocms_alias.models import AliasContent
from djangocms_versioning.constants import OPERATION_PUBLISH, OPERATION_UNPUBLISH

from . import indexing


def version_changed(sender, *, operation, obj, **kwargs):
    if operation not in (OPERATION_PUBLISH, OPERATION_UNPUBLISH):
        return
    if operation == OPERATION_UNPUBLISH and kwargs.get("to_be_published") is not None:
        return  # part of a publish, which re-syncs the page once it is live
    content = obj.content
    if sender is PageContent:
        indexing.sync_page(content.page, languages=[content.language])
    elif sender is AliasContent:
        indexing.sync_pages_showing_alias(content.alias_id, content.language)


def page_operation(sender, *, operation, obj=None, **kwargs):
    if operation == DELETE_PAGE:
        indexing.prune()
    elif operation == DELETE_PAGE_TRANSLATION:
        indexing.sync_page(obj, languages=[kwargs["translation"].language])
    elif operation == MOVE_PAGE:
        indexing.sync_page(obj)


def connect() -> None:
    """Wire the receivers; called once from SearchConfig.ready()."""
    from cms.signals import post_obj_operation
    from djangocms_versioning.signals import post_version_operation

    post_version_operation.connect(version_changed, dispatch_uid="search-index-versions")
    post_obj_operation.connect(page_operation, dispatch_uid="search-index-page-operations")
