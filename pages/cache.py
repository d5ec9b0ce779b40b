"""
Keeping cached pages fresh.

django CMS empties its page cache when a page is published, but not when an
alias (a site notice or a risk list) is published or a library reference
changes, and those appear on many pages. These receivers close that gap, so a
published change is on every page at the next request. The cache is shared
(Redis) in production, so every app process sees the same invalidation.
"""

from cms.cache import invalidate_cms_page_cache
from djangocms_alias.models import AliasContent
from djangocms_versioning.constants import OPERATION_PUBLISH, OPERATION_UNPUBLISH


def content_published(sender, *, operation, **kwargs):
    if sender is AliasContent and operation in (OPERATION_PUBLISH, OPERATION_UNPUBLISH):
        invalidate_cms_page_cache()


def library_changed(sender, **kwargs):
    invalidate_cms_page_cache()
