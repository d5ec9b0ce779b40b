"""
Query budget: a page the page cache cannot answer costs at most 15 SQL queries
on a 500-page site, and no more with more pages, risks or citations.

"Uncached" is the state every page is in after any publish: the page cache
misses, while django CMS's placeholder and menu caches still hold what did not
change. A fully cold render (after a cache flush) costs more, once, and its
count is shown here not to depend on the size of the site or the page either.
"""

import pytest
from cms.models import Page
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delivery import apphook_reload
from delivery.invalidation import refresh_pages
from tests import factories
from tests.performance import tree

pytestmark = pytest.mark.django_db

BUDGET = 15


def procedure_page(*, editor, parent, risks: int, citations: int, code: str):
    factories.references()
    for number in range(1, citations + 1):
        factories.ReferenceFactory(number=number)
    risk_alias = factories.risk_list_alias(
        user=editor, code=code, risks=[(f"risk {i}", f"gloss {i}") for i in range(risks)]
    )
    markers = "".join(f"sentence {n}{{cite:{n}}}. " for n in range(1, citations + 1))
    return factories.published_page(
        f"Procedure {code}",
        user=editor,
        parent=parent,
        template="cms/procedure.html",
        content=factories.text(f'<p>{markers}<a href="{{page:privacy}}">Privacy</a></p>'),
        safety=[{"plugin": "Alias", "alias": risk_alias.static_code}],
    )


@pytest.fixture
def big_site(site_tree, editor):
    """site_tree plus 495 published pages: 500 in all."""
    tree.add_tree(user=editor, sections=9, children=54)
    tree.check_tree()
    assert Page.objects.count() >= 500
    return site_tree


def uncached_render(client, url, max_queries, assert_max):
    client.get(url)  # fills the placeholder and menu caches
    refresh_pages()  # what any publish does: every page misses the page cache
    with assert_max(max_queries):
        response = client.get(url)
    assert response.status_code == 200
    assert response.headers["X-Page-Cache"] == "miss"
    return response


def cold_query_count(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_procedure_page(client, editor, big_site, django_assert_max_num_queries):
    page = procedure_page(
        editor=editor, parent=big_site.section, risks=30, citations=40, code="many"
    )

    response = uncached_render(
        client, page.get_absolute_url(), BUDGET, django_assert_max_num_queries
    )

    assert len(response.content.decode().split('class="risk-list__item"')) == 31


def test_home_page(client, big_site, django_assert_max_num_queries):
    uncached_render(client, "/", BUDGET, django_assert_max_num_queries)


def test_bulk_page_is_served_like_any_other(client, big_site, django_assert_max_num_queries):
    page = Page.objects.filter(pagecontent_set__title="Bulk3 7").get()

    response = uncached_render(
        client, page.get_absolute_url(), BUDGET, django_assert_max_num_queries
    )

    assert "Bulk3 7" in response.content.decode()


def test_cold_render_does_not_grow_with_pages_risks_or_citations(client, editor, site_tree):
    small = procedure_page(editor=editor, parent=site_tree.section, risks=1, citations=1, code="a")
    # What the site's earlier requests did: record the URL revision and build URLs for it.
    apphook_reload.update_url_patterns()
    small_count = cold_query_count(client, small.get_absolute_url())

    tree.add_tree(user=editor, sections=9, children=54)
    large = procedure_page(
        editor=editor, parent=site_tree.section, risks=30, citations=40, code="b"
    )
    large_count = cold_query_count(client, large.get_absolute_url())

    assert large_count == small_count
