"""
Go-live and expiry: publishing an approved draft with dates, through djangocms-timed-publishing.

timed-publishing keeps versioning's model: a version is published as usual and carries a
``TimedPublishingInterval`` (its ``visibility``); versioning's published manager then hides
it before its start and after its end. Its own publish dialog wrote that interval before
versioning's checks ran (so a refused publish, or a POST naming a live version, left dates
behind that the next plain publish, or the live page, would obey), so the portal replaces
it (editorial.scheduling_views) with ``publish_on_schedule`` here, which checks first and
writes everything in one transaction:

- the user must be a publisher and the draft approved, balanced, described and with its
  media alternatives: versioning's ``check_publish`` (editorial.conditions);
- a go-live date only for content with no published version: versioning keeps one
  published version per page or alias, so publishing a scheduled replacement would take
  the live one off the site (a 404, or pages without their risk list) until then;
- no expiry for a risk list that is the safety information of a page presenting the
  therapy (editorial.fair_balance): those pages would lose it at that moment; nor for
  the home page.

django CMS 5.1 derives a page's address from its *visible* content when it is published,
which a pending version is not, so the address is set here from the scheduled content
(``_route_pending_page``); the page resolves at its go-live and 404s before it.
"""

from cms.models import PageContent
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from djangocms_alias.models import AliasContent, AliasPlugin
from djangocms_timed_publishing.models import TimedPublishingInterval
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from . import conf, fair_balance
from .models import AuditEntry


def local_time(moment) -> str:
    """A moment as editors read it: the site's time zone, named ("Dec. 2, 2026, 9 a.m. CST")."""
    moment = timezone.localtime(moment)
    return f"{formats.date_format(moment, 'DATETIME_FORMAT')} {moment.strftime('%Z')}"


def live_version(version):
    """The published version of the same page or alias in the same language, if any."""
    return (
        Version.objects.filter_by_content_grouping_values(version.content)
        .filter(state=PUBLISHED)
        .exclude(pk=version.pk)
        .first()
    )


def _pages_relying_on(alias_content) -> list[str]:
    """Titles of page contents presenting the therapy whose safety slot places this alias."""
    placeholder_ids = AliasPlugin.objects.filter(
        alias_id=alias_content.alias_id, placeholder__slot=conf.FAIR_BALANCE_SLOT
    ).values("placeholder_id")
    contents = PageContent.admin_manager.filter(
        placeholders__in=placeholder_ids, language=alias_content.language
    ).distinct()
    return sorted({c.title for c in contents if fair_balance.needs_safety_information(c)})


def check_schedule(version, *, start=None, end=None) -> None:
    """Refuse dates that would leave visitors with less than the rules require."""
    content = version.content
    if start and live_version(version) is not None:
        raise ConditionFailed(
            _(
                "“%(content)s” is live now. Only one version can be published, so scheduling "
                "this draft would take the live one off the site until its go-live. Publish "
                "it now, or leave “Goes live” empty."
            )
            % {"content": content}
        )
    if end and isinstance(content, PageContent) and content.page.is_home:
        raise ConditionFailed(_("The home page cannot expire: the site would have none."))
    if end and isinstance(content, AliasContent):
        pages = _pages_relying_on(content)
        if pages and fair_balance._has_risks(list(content.placeholder.get_plugins())):
            raise ConditionFailed(
                _(
                    "“%(content)s” is the Important Safety Information of %(pages)s, which "
                    "present the therapy: it cannot expire, or they would be shown without "
                    "their risks. Publish a new version of it instead."
                )
                % {"content": content, "pages": ", ".join(f"“{p}”" for p in pages)}
            )


@transaction.atomic
def publish_on_schedule(*, version, user, start=None, end=None) -> None:
    """Publish an approved draft now, visible from `start` (or now) until `end` (or always).

    Raises ConditionFailed with the rule broken, IntegrityError when the page's address
    is taken; either way nothing is changed.
    """
    if not version.can_be_published():
        raise ConditionFailed(_("Only a draft can be published: this version is not one."))
    version.check_publish(user)
    check_schedule(version, start=start, end=end)
    if start or end:
        TimedPublishingInterval.objects.update_or_create(
            version=version, defaults={"start": start, "end": end}
        )
    else:
        TimedPublishingInterval.objects.filter(version=version).delete()
    version.publish(user)
    if start and isinstance(version.content, PageContent):
        _route_pending_page(version.content)
    if start or end:
        _note_schedule(version, start=start, end=end)


def _route_pending_page(content) -> None:
    """Give the page the address of its scheduled content (see the module docstring)."""
    page, language = content.page, content.language
    data = page.get_url_data(content.slug, content.overwrite_url, language)
    if page.urls.filter(language=language).exists():
        page.update_urls(language, **data)  # checks for a collision itself
    else:
        taken = page.urls.model.objects.filter(
            language=language, path=data["path"], site=page.site_id
        ).exists()
        if data["path"] is not None and taken:
            raise IntegrityError(f"The address {data['path']!r} is used by another page.")
        page.urls.create(site_id=page.site_id, language=language, **data)
    page.urls_cache = {}
    page._update_url_path_recursive(language)


def dialog_url(version, *, back: str = "") -> str:
    """The Schedule publication dialog (editorial.scheduling_views), at timed-publishing's
    address; with `back` it is a page of its own that returns there."""
    proxy = version.versionable.version_model_proxy
    name = f"admin:{proxy._meta.app_label}_{proxy._meta.model_name}_timed_publish"
    url = reverse(name, args=[version.pk])
    return f"{url}?{urlencode({'back': back})}" if back else url


def describe(*, start=None, end=None) -> str:
    parts = []
    if start:
        parts.append(_("goes live %(when)s") % {"when": local_time(start)})
    if end:
        parts.append(_("expires %(when)s") % {"when": local_time(end)})
    return "; ".join(parts)


def _note_schedule(version, *, start, end) -> None:
    """The audit history's publish entry says when it really shows."""
    entry = (
        AuditEntry.objects.filter(version=version, action=AuditEntry.Action.PUBLISHED)
        .order_by("-pk")
        .first()
    )
    if entry is not None:
        schedule = describe(start=start, end=end)
        entry.note = f"{entry.note}; {schedule}" if entry.note else schedule.capitalize()
        entry.save(update_fields=["note"])


def upcoming(content=None):
    """Published versions that go live or expire later: those of `content`'s page or alias
    (same language), or all; soonest first, as (version, interval) pairs."""
    now = timezone.now()
    intervals = TimedPublishingInterval.objects.filter(
        Q(start__gt=now) | Q(end__gt=now), version__state=PUBLISHED
    )
    if content is not None:
        grouping = Version.objects.filter_by_content_grouping_values(content)
        intervals = intervals.filter(version__in=grouping)
    pairs = [(i.version, i) for i in intervals.select_related("version")]
    return sorted(pairs, key=lambda pair: next_moment(pair[1], now))


def next_moment(interval, now=None):
    now = now or timezone.now()
    return interval.start if interval.start and interval.start > now else interval.end


def is_pending(interval, now=None) -> bool:
    return bool(interval.start and interval.start > (now or timezone.now()))
