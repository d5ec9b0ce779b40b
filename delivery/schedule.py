"""
Scheduled visibility: pages and aliases that go live or expire at a set time, and
*Scheduled content* plugins, appear and disappear to the second on every app server,
with no cron job.

Two things make that so:

- **No cache outlives the next boundary.** ``seconds_to_boundary`` is the time left
  until the next moment anything scheduled starts or ends: a published version's
  go-live or expiry (djangocms-timed-publishing's ``TimedPublishingInterval``) or a
  Scheduled content plugin's dates. The page cache stores an entry no longer than that
  and the edge gets no larger ``s-maxage``. The moment is read from the database once
  per generation of the page cache (its key holds the counters, so every publish reads
  it again) and shared through Redis, so every process caps at the same moment.
- **The first request after a boundary refreshes what it changed.** django CMS's
  menu and placeholder caches know nothing of the schedule: a page going live must
  join the menu, an alias going live must show in the placeholders that embed it.
  ``cross_passed_boundary`` runs before any page is rendered, for visitors and editors
  alike (they fill the same menu cache); when the shared moment has passed, one process
  (``cache.add`` decides which) refreshes those caches the way a publish would
  (delivery.invalidation), which also starts a new generation. The database itself
  needs nothing: timed-publishing's manager filters by the clock.

The moment's key outlives the moment by at least ``PORTAL_PAGE_CACHE_SECONDS``, the
longest any django CMS cache keeps content, so a boundary nobody requested a page
across is still noticed while anything filled before it can remain. (Should Redis
evict the key early, what was cached before the moment lives out its own lifetime.)
"""

import time

from cms.models import Placeholder
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from djangocms_alias.models import AliasContent
from djangocms_timed_publishing.models import TimedPublishingInterval
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from delivery import conf
from delivery.invalidation import (
    placeholders_embedding_alias,
    placeholders_with_page_links,
    read_versions,
    refresh_pages,
)
from pages.models import ScheduledContent


def _moment_key(versions) -> str:
    return "page-cache:next-boundary:{}:{}".format(*versions)


def next_moment() -> float:
    """The timestamp of the next scheduled start or end, 0 when nothing is scheduled.

    Drafts' Scheduled content counts too (it only ends some cache entries early);
    timed versions count only once published, as only those can become visible. One
    query (a union), as it runs in a page render's query budget once per generation.
    """
    now = timezone.now()
    notices = ScheduledContent.objects.order_by()
    timed = TimedPublishingInterval.objects.filter(version__state=PUBLISHED).order_by()
    moments = [
        notices.filter(display_from__gt=now).values_list("display_from", flat=True),
        notices.filter(display_until__gt=now).values_list("display_until", flat=True),
        timed.filter(start__gt=now).values_list("start", flat=True),
        timed.filter(end__gt=now).values_list("end", flat=True),
    ]
    first = moments[0].union(*moments[1:], all=True).order_by("display_from").first()
    return first.timestamp() if first else 0


def shared_moment(versions) -> float:
    """next_moment(), read once per generation and kept in the shared cache (read each time
    when the cache keeps nothing: Redis down, the benchmark's DummyCache)."""
    if versions is None:
        return next_moment()
    key = _moment_key(versions)
    moment = cache.get(key)
    if moment is None or 0 < moment <= time.time():
        moment = next_moment()
        left = max(0, moment - time.time()) if moment else 0
        cache.set(key, moment, left + max(conf.PAGE_CACHE_SECONDS, conf.EDGE_SECONDS))
    return moment


def seconds_to_boundary(versions, limit: float) -> float:
    """How long content rendered now stays true: until the next boundary, at most `limit`."""
    moment = shared_moment(versions)
    if not moment:
        return limit
    return max(0.0, min(limit, moment - time.time()))


def cross_passed_boundary(versions):
    """Refresh the caches a boundary made stale, once, before this request renders.

    Returns the counters to key the page on: new ones when this request refreshed.
    Every request a page may be rendered for comes here first (EdgeCacheMiddleware), so
    under new counters the first request reads the moment before anything is cached.
    """
    moment = cache.get(_moment_key(versions))
    if moment is None:
        shared_moment(versions)
        return versions
    if not moment or moment > time.time():
        return versions
    if cache.add(f"page-cache:boundary-crossed:{moment}", True, conf.PAGE_CACHE_SECONDS):
        refresh_pages(placeholders=scheduled_placeholders(), menus=True, edge_keys=())
    return read_versions() or versions


def scheduled_placeholders() -> list[int]:
    """Placeholders whose cached rendering a boundary can change: those embedding a timed
    alias or an alias with Scheduled content, those holding Scheduled content, and rich
    text linking to pages (a page that went live or expired changes its link)."""
    timed_contents = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(AliasContent),
        visibility__isnull=False,
    ).values("object_id")
    scheduled = set(ScheduledContent.objects.values_list("placeholder_id", flat=True))
    alias_placeholders = Placeholder.objects.filter(
        pk__in=scheduled, content_type=ContentType.objects.get_for_model(AliasContent)
    ).values("object_id")
    alias_ids = set(
        AliasContent.admin_manager.filter(
            Q(pk__in=timed_contents) | Q(pk__in=alias_placeholders)
        ).values_list("alias_id", flat=True)
    )
    embedding = [p for alias_id in alias_ids for p in placeholders_embedding_alias(alias_id)]
    return [*scheduled, *embedding, *placeholders_with_page_links()]
