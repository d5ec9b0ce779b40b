"""
Keeping cached pages fresh.

Visitors get whole pages from django CMS's page cache, which is built from
per-placeholder caches. django CMS clears both when a page is published, but
not when something that pages embed changes:

- a published alias (a risk list placed with the alias plugin, or a site
  notice rendered by ``{% static_alias %}``);
- a library reference, which citations render.

These receivers clear exactly the placeholders that embed the changed thing,
then the page cache. The cache is shared (Redis) in production, so every app
process sees the same invalidation at its next request.
"""

from cms.cache import invalidate_cms_page_cache
from cms.models import Placeholder
from django.conf import settings
from djangocms_alias.models import AliasContent, AliasPlugin
from djangocms_versioning.constants import OPERATION_PUBLISH, OPERATION_UNPUBLISH

from .models import Citation


def clear_placeholders(placeholder_ids) -> None:
    for placeholder in Placeholder.objects.filter(pk__in=set(placeholder_ids)):
        for language, _name in settings.LANGUAGES:
            placeholder.clear_cache(language, site_id=settings.SITE_ID)


def content_published(sender, *, operation, obj, **kwargs):
    """An alias went live or was withdrawn: refresh every placeholder that embeds it."""
    if sender is not AliasContent or operation not in (OPERATION_PUBLISH, OPERATION_UNPUBLISH):
        return
    alias_id = obj.content.alias_id
    clear_placeholders(
        AliasPlugin.objects.filter(alias_id=alias_id).values_list("placeholder_id", flat=True)
    )
    invalidate_cms_page_cache()


def library_changed(sender, **kwargs):
    """A reference changed: citations render from the library, so refresh where they appear."""
    clear_placeholders(Citation.objects.values_list("placeholder_id", flat=True))
    invalidate_cms_page_cache()
