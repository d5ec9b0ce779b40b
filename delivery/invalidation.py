"""
Keeping cached pages fresh: what changed, and which caches forget it.

Visitors get whole pages from delivery.page_cache, keyed on two counters held
in the shared cache (Redis in production, so every app process reads the same
numbers at its next request):

- the *generation*, which ``refresh_pages`` bumps whenever something a
  visitor can see changes: a page or alias (risk list, site notice) published
  or unpublished, a page moved, deleted or its settings saved, a reference
  published, view permissions changed;
- the *epoch*, which ``discard_render`` bumps when a page render overlapped
  such a change (see delivery.page_cache).

One counter for the whole site means every publish re-renders every page once.
That is deliberate: the menu, breadcrumbs and site map put every page's title
and URL on every other page, so a page publish really does touch them all. The
re-render stays cheap because the caches underneath are cleared exactly: the
placeholders that embed the changed alias, the ones with citations when a
reference changes, the ones with page links when URLs may have moved, and the
menu only for page changes. Untouched placeholders come from django CMS's
placeholder cache.

Order matters across processes. django CMS clears its caches inside the
publishing transaction, so a request in another process can re-cache the old
content before the commit. ``refresh_pages`` therefore runs again once the
transaction has committed, and each run bumps the generation, clears the
placeholder and menu caches, then bumps again: a page rendered while the
clearing was under way is stored under a generation nobody reads any more.

An HTTP cache in front (Varnish, a CDN) is purged by surrogate key once the
change commits: each receiver names the keys it makes stale
(delivery.surrogate_keys), delivery.edge_purge sends them. Unlike the page
cache's single generation, a risk list or reference change purges only the pages
showing it there; page changes purge every page, since every page shows the menu.

Changes made outside the admin and djangocms-versioning's API (raw ORM updates
in a shell) are not seen by these receivers: call ``refresh_pages()`` after
them (it purges the whole edge).
"""

import time
from functools import partial

from cms.cache import invalidate_cms_page_cache
from cms.models import Placeholder
from cms.operations import DELETE_PAGE, DELETE_PAGE_TRANSLATION, MOVE_PAGE
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from djangocms_alias.models import AliasContent, AliasPlugin
from djangocms_text.models import Text
from djangocms_versioning.constants import OPERATION_PUBLISH, OPERATION_UNPUBLISH
from menus.menu_pool import menu_pool

from delivery import edge_purge, surrogate_keys
from media.models import SequenceDisplay
from pages.models import Citation, ReferenceContent

GENERATION_KEY = "page-cache:generation"
EPOCH_KEY = "page-cache:epoch"
COUNTERS = (GENERATION_KEY, EPOCH_KEY)
# Internal links in rich text, stored as data-cms-href="cms.page:<pk>".
PAGE_LINK_MARKER = "cms.page:"
PAGE_OPERATIONS = (MOVE_PAGE, DELETE_PAGE, DELETE_PAGE_TRANSLATION)


# --- Counters ----------------------------------------------------------------


def _initial_value() -> int:
    # Milliseconds since the epoch: should Redis ever lose the counter, the new
    # one starts above any value used before, so no old entry becomes readable.
    return int(time.time() * 1000)


def read_versions() -> tuple[int, int] | None:
    """(generation, epoch), in one round trip; None when the cache keeps nothing.

    That is Redis down (its failed reads are misses) or the benchmark's DummyCache:
    then no page may be stored or served from the cache, as nothing could end it.
    """
    values = cache.get_many(COUNTERS)
    if len(values) < len(COUNTERS):
        for key in COUNTERS:
            if key not in values:
                cache.add(key, _initial_value(), timeout=None)
        values = cache.get_many(COUNTERS)
    if len(values) < len(COUNTERS):
        return None
    return values[GENERATION_KEY], values[EPOCH_KEY]


def _bump(key: str) -> None:
    """Atomic increment (INCR on Redis), so concurrent bumps are never lost."""
    try:
        cache.incr(key)
    except ValueError:  # the counter is missing: any new value is a change
        cache.add(key, _initial_value(), timeout=None)
        cache.incr(key)


# --- Clearing ------------------------------------------------------------------


def clear_placeholders(placeholders) -> None:
    """Forget the cached rendering of these placeholders (objects or ids) in every region."""
    ids = {getattr(p, "pk", p) for p in placeholders}
    for placeholder in Placeholder.objects.filter(pk__in=ids):
        for language, _name in settings.LANGUAGES:
            placeholder.clear_cache(language, site_id=settings.SITE_ID)


def _refresh(placeholder_ids: list[int], menus: bool) -> None:
    _bump(GENERATION_KEY)
    clear_placeholders(placeholder_ids)
    if menus:
        menu_pool.clear(all=True)
    # django CMS's own caches keyed on its version (page_url, xframe options).
    invalidate_cms_page_cache()
    _bump(GENERATION_KEY)


def refresh_pages(*, placeholders=(), menus: bool = False, edge_keys=(surrogate_keys.SITE,)):
    """Make every page fresh at its next request, in every process.

    Runs now (so this request and this process see the change) and again
    after the surrounding transaction commits (so no other process can have
    re-cached what was there before); then the edge forgets `edge_keys`.
    """
    run = partial(_refresh, [getattr(p, "pk", p) for p in placeholders], menus)
    if connection.in_atomic_block:
        run()
    transaction.on_commit(run)
    edge_purge.purge_after_commit(edge_keys)


def discard_render(request) -> None:
    """A render overlapped a change: forget the caches it may have filled with old data."""
    toolbar = getattr(request, "toolbar", None)
    if toolbar is not None:
        clear_placeholders(toolbar.content_renderer.get_rendered_placeholders())
    menu_pool.clear(all=True)
    invalidate_cms_page_cache()
    _bump(EPOCH_KEY)


# --- What embeds what ------------------------------------------------------------


def placeholders_embedding_alias(alias_id: int) -> list[int]:
    """Where an alias shows: the Alias plugin, and illustrated sequences showing its steps."""
    placed = AliasPlugin.objects.filter(alias_id=alias_id).values_list("placeholder_id", flat=True)
    sequences = SequenceDisplay.objects.filter(alias_id=alias_id).values_list(
        "placeholder_id", flat=True
    )
    return [*placed, *sequences]


def placeholders_with_citations():
    return Citation.objects.values_list("placeholder_id", flat=True)


def placeholders_with_page_links():
    """Rich text linking to pages shows their URL, which a publish or a move can change."""
    return Text.objects.filter(body__contains=PAGE_LINK_MARKER).values_list(
        "placeholder_id", flat=True
    )


# --- Receivers (connected in delivery.apps) ----------------------------------------


def content_published(sender, *, operation, obj, **kwargs):
    """A version went live or was withdrawn: pages, risk lists, site notices, references."""
    if operation not in (OPERATION_PUBLISH, OPERATION_UNPUBLISH):
        return
    if sender is ReferenceContent:
        library_changed(sender, obj.content.reference)
    elif sender is AliasContent:
        alias_id = obj.content.alias_id
        refresh_pages(
            placeholders=placeholders_embedding_alias(alias_id),
            edge_keys=surrogate_keys.for_alias_change(alias_id),
        )
    else:
        page_changed(sender)


def page_changed(sender, **kwargs):
    """The page tree, a page's URL or its visibility may have changed: menus and links too."""
    refresh_pages(
        placeholders=placeholders_with_page_links(), menus=True, edge_keys=(surrogate_keys.MENU,)
    )


def page_operation(sender, *, operation, **kwargs):
    """Admin operations on the page tree that do not go through versioning."""
    if operation in PAGE_OPERATIONS:
        page_changed(sender)


def library_changed(sender, instance, **kwargs):
    """A reference was published, withdrawn or deleted: citations render from the
    library, so refresh where they appear. Saving a draft changes nothing patients see."""
    refresh_pages(
        placeholders=placeholders_with_citations(),
        edge_keys=surrogate_keys.for_reference_change(instance),
    )


def database_restored(sender, **kwargs):
    """A backup replaced the database: everything in the shared cache came from the old one.

    Pages, placeholders, menus, permissions and the apphook revision are all stale, in every
    process, so the shared cache is emptied. The counters then start again above any value
    used before (``_initial_value``), so no old page entry can be read back.
    """
    cache.clear()
    edge_purge.purge_after_commit((surrogate_keys.SITE,))


def cache_reconnected(sender, **kwargs):
    """Redis is back after an outage: what it kept may predate changes made meanwhile.

    During the outage the counters' bumps and django CMS's cache clearing were dropped, so a
    Redis that kept its data (a network partition, a paused host) would serve pages, menus and
    placeholders from before a publish. Emptied, as after a restore; the edge may have
    fetched from it too, so it is purged.
    """
    cache.clear()
    edge_purge.purge_after_commit((surrogate_keys.SITE,))


def connect() -> None:
    """Wire the receivers; called once from DeliveryConfig.ready()."""
    from cms.models import GlobalPagePermission, Page, PagePermission
    from cms.signals import post_obj_operation
    from djangocms_versioning.signals import post_version_operation

    from core import signals
    from core.cache_outage import cache_reconnected as reconnected
    from pages.models import Reference

    post_version_operation.connect(content_published, dispatch_uid="page-cache-versions")
    signals.database_restored.connect(database_restored, dispatch_uid="page-cache-restore")
    reconnected.connect(cache_reconnected, dispatch_uid="page-cache-reconnected")
    post_obj_operation.connect(page_operation, dispatch_uid="page-cache-page-operations")
    # Page settings (reverse id, home page), the tree and who may see which page.
    saved_or_deleted = {
        Page: page_changed,
        PagePermission: page_changed,
        GlobalPagePermission: page_changed,
    }
    for model, receiver in saved_or_deleted.items():
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
    # A reference's words change by publishing (content_published); saving its number or a
    # draft changes nothing patients see, deleting it removes it from the citing pages.
    post_delete.connect(library_changed, sender=Reference, dispatch_uid="page-cache-Reference")
