"""
Keeping the index equal to what is published, page by page.

An entry is the published page content's title and the text its placeholders
render for an anonymous visitor, through django CMS's own ContentRenderer with
the toolbar off: the same plugins, aliases and templates a visit shows, never a
draft and never edit-mode markup. Rendering bypasses the placeholder cache
(a publish may still be committing) and skips plugins listing other pages
(``PORTAL_SEARCH_SKIP_PLUGINS``: the site map).

Everything here is idempotent: ``sync_page`` makes a page's entries match
what is published now, whatever happened before, so the receivers can call it
for any change and ``rebuild`` can run while visitors search.
"""

import logging
from dataclasses import dataclass, field
from functools import cache

from cms.models import CMSPlugin, Page, PageContent, Placeholder
from cms.plugin_rendering import ContentRenderer
from cms.toolbar.toolbar import CMSToolbar
from cms.utils import apphook_reload
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.test import RequestFactory
from django.utils import translation
from djangocms_versioning.constants import PUBLISHED
from sekizai.context import SekizaiContext

from . import conf
from .models import SearchEntry
from .text import html_to_text

logger = logging.getLogger(__name__)


class _VisitorRenderer(ContentRenderer):
    """django CMS's renderer, leaving out plugins whose text belongs to other pages."""

    def get_plugins_to_render(self, placeholder, language, template):
        plugins = super().get_plugins_to_render(placeholder, language, template)
        return [p for p in plugins if p.plugin_type not in conf.SEARCH_SKIP_PLUGINS]


def indexable_contents():
    """Published page contents of this site, those scheduled to go live or expired included.

    The default manager hides versions outside their go-live/expiry dates at the moment it
    is read; the index is written at a publish, so it takes every published version and the
    dates are applied when searching (search.visibility). A page scheduled for tomorrow is
    then found from its time on, with nothing to run at that moment.
    """
    return PageContent.admin_manager.filter(
        versions__state=PUBLISHED, page__site_id=settings.SITE_ID, page__is_page_type=False
    ).select_related("page")


def _indexed(slot: str, template: str) -> bool:
    """Whether a placeholder's text is this page's own (see SEARCH_SHARED_SLOTS)."""
    shared = conf.SEARCH_SHARED_SLOTS
    return slot not in shared or template in shared[slot]


def render_text(content: PageContent) -> str:
    """The text an anonymous visitor reads in the content's placeholders."""
    language, page = content.language, content.page
    if apphook_reload.get_local_revision() is None:
        # Outside a request (a command, a test's setup) this render may be what first builds
        # the process's URL patterns: record the apphook revision they reflect, as django
        # CMS's middleware does as a request starts, so a later apphook change rebuilds them.
        apphook_reload.ensure_urlconf_is_up_to_date()
    with translation.override(language):
        # RequestFactory: the smallest complete request django CMS's renderer accepts.
        request = RequestFactory().get(page.get_absolute_url(language) or "/")
        request.user = AnonymousUser()
        request.session = {}
        request.LANGUAGE_CODE = language
        request.current_page = page
        request.toolbar = CMSToolbar(request)
        renderer = _VisitorRenderer(request)
        context = SekizaiContext({"request": request})
        placeholders = sorted(
            (p for p in content.get_placeholders() if _indexed(p.slot, content.template)),
            key=lambda p: (p.slot != "content", p.pk),
        )
        html = [
            renderer.render_placeholder(p, context=context, language=language, use_cache=False)
            for p in placeholders
        ]
    return html_to_text(" ".join(html))


def _body(content: PageContent, *, on_error=None) -> str:
    """The rendered text; on a rendering error the title alone stays findable."""
    try:
        with transaction.atomic():  # a failed query must not break the publish around it
            return render_text(content)
    except Exception as exc:
        logger.exception("Search: could not render page %s (%s)", content.page_id, content.language)
        if on_error:
            on_error(content, exc)
        return ""


def write_entry(content: PageContent, body: str, *, vector: bool = True) -> SearchEntry:
    entry, _created = SearchEntry.objects.update_or_create(
        page=content.page,
        language=content.language,
        defaults={"title": (content.page_title or content.title)[:255], "body": body},
    )
    if vector and connection.vendor == "postgresql":
        from .postgres import update_vectors

        update_vectors(SearchEntry.objects.filter(pk=entry.pk))
    return entry


def sync_page(page: Page, languages=None) -> None:
    """Make the page's entries match its published contents (in these languages, or all)."""
    languages = languages or [code for code, _name in settings.LANGUAGES]
    published = {c.language: c for c in indexable_contents().filter(page=page)}
    for language in languages:
        content = published.get(language)
        if content is None:
            SearchEntry.objects.filter(page=page, language=language).delete()
        else:
            write_entry(content, _body(content))


@cache
def _alias_references() -> list[tuple[type, str]]:
    """Each plugin model pointing at an alias, with that field: the Alias plugin, sequences."""
    return [
        (model, f"{field.name}_id")
        for model in apps.get_models()
        if issubclass(model, CMSPlugin)
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model._meta.label == "djangocms_alias.Alias"
    ]


def sync_pages_showing_alias(alias_id: int, language: str) -> None:
    """A risk list or illustrated sequence changed: re-read the pages that show it."""
    placeholder_ids = set()
    for model, column in _alias_references():
        rows = model.objects.filter(**{column: alias_id}).values_list("placeholder_id", flat=True)
        placeholder_ids.update(rows)
    content_ids = Placeholder.objects.filter(
        pk__in=placeholder_ids, content_type=ContentType.objects.get_for_model(PageContent)
    ).values_list("object_id", flat=True)
    page_ids = PageContent.admin_manager.filter(pk__in=content_ids).values_list(
        "page_id", flat=True
    )
    for page in Page.objects.filter(pk__in=set(page_ids)):
        sync_page(page, languages=[language])


def prune() -> int:
    """Delete entries whose page has no published content in their language any more."""
    published = indexable_contents().filter(page=OuterRef("page"), language=OuterRef("language"))
    deleted, _ = SearchEntry.objects.exclude(Exists(published)).delete()
    return deleted


@dataclass
class RebuildReport:
    indexed: int = 0
    removed: int = 0
    failed: list[PageContent] = field(default_factory=list)  # indexed by title only


def rebuild(*, missing_only: bool = False, on_progress=None, on_error=None) -> RebuildReport:
    """Index every published page content (or only those without an entry), then prune."""
    contents = indexable_contents().order_by("page__path", "language")
    if missing_only:
        entries = SearchEntry.objects.filter(page=OuterRef("page"), language=OuterRef("language"))
        contents = contents.exclude(Exists(entries))
    contents = list(contents)
    report = RebuildReport()

    def failed(content, exc):
        report.failed.append(content)
        if on_error:
            on_error(content, exc)

    for number, content in enumerate(contents, 1):
        write_entry(content, _body(content, on_error=failed), vector=False)
        report.indexed += 1
        if on_progress:
            on_progress(number, len(contents))
    report.removed = prune()
    if connection.vendor == "postgresql" and contents:
        from .postgres import update_vectors

        stale = SearchEntry.objects.all()
        if missing_only:
            stale = stale.filter(search_vector__isnull=True)
        update_vectors(stale)
    return report
