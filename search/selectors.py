"""
``search_pages``: what the results page shows for one query, in one region.

The query is expanded through the synonym groups (search.terms), limited to
what the visitor may see (search.visibility), and run by the database's own
engine: PostgreSQL's full-text search, or the SQLite fallback for ``make
run``. Links are the pages' public URLs in the region searched, read in one
query for the page of results shown.
"""

from dataclasses import dataclass, field

from cms.models import PageUrl
from django.db import connection
from django.utils.safestring import SafeString

from . import conf, fallback, postgres
from .models import Synonym
from .terms import variants
from .visibility import visible_entries


@dataclass
class Hit:
    title: str
    url: str | None
    snippet: SafeString


@dataclass
class Results:
    total: int = 0
    page: int = 1
    pages: int = 1
    hits: list[Hit] = field(default_factory=list)


def _urls(page_ids, language: str) -> dict[int, str | None]:
    urls = {}
    for url in PageUrl.objects.filter(page_id__in=page_ids, language=language).select_related(
        "page"
    ):
        url.page.urls_cache = {language: url}  # get_absolute_url then needs no query
        urls[url.page_id] = url.page.get_absolute_url(language)
    return urls


def search_pages(*, query: str, language: str, page: int = 1) -> Results:
    """The `page`-th page of hits for `query` (already cleaned, see terms.clean_query)."""
    engine = postgres if connection.vendor == "postgresql" else fallback
    entries = visible_entries(language)
    expanded = variants(query, Synonym.objects.groups())
    size = conf.SEARCH_PAGE_SIZE
    total, rows = engine.search(entries, expanded, offset=(page - 1) * size, limit=size)
    pages = max(1, -(-total // size))
    if page > pages:  # a page number past the end (an old link): show the last page instead
        page = pages
        total, rows = engine.search(entries, expanded, offset=(page - 1) * size, limit=size)
    urls = _urls([row["page_id"] for row in rows], language)
    hits = [Hit(row["title"], urls.get(row["page_id"]), row["snippet"]) for row in rows]
    return Results(total=total, page=page, pages=pages, hits=hits)
