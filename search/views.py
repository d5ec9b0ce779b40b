"""
The results page: GET /search/?q=… (and /en-ca/search/ for Canada).

Whatever arrives in ``q`` gets a page: control characters are dropped, a long
query is cut (and the page says so), markup is only ever shown escaped. The
answer depends on the visitor's input, so it is never stored: not by the page
cache (delivery.page_cache stores django CMS page views only), not by shared
caches (``Cache-Control: private, no-store``), and search engines are asked not
to index it (``X-Robots-Tag``), as result pages are thin, endless duplicates.
"""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import conf
from .selectors import search_pages
from .terms import clean_query

MAX_PAGE = 10_000


def _page_number(raw: str | None) -> int:
    try:
        return min(max(int(raw or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


def _page_link(query: str, page: int) -> str:
    return "?" + urlencode({"q": query, "page": page} if page > 1 else {"q": query})


@never_cache
@require_safe
def search(request):
    query, shortened = clean_query(request.GET.get("q"))
    results = None
    if query:
        results = search_pages(
            query=query, language=get_language(), page=_page_number(request.GET.get("page"))
        )
    context = {
        "query": query,
        "shortened": shortened,
        "max_length": conf.SEARCH_MAX_QUERY_LENGTH,
        "results": results,
    }
    if results:
        context["first_number"] = (results.page - 1) * conf.SEARCH_PAGE_SIZE + 1
    if results and results.page > 1:
        context["previous_url"] = _page_link(query, results.page - 1)
    if results and results.page < results.pages:
        context["next_url"] = _page_link(query, results.page + 1)
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
