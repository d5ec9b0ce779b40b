"""
The physician finder (helper-1's apphook, physicians.views) is never stored by
the page cache: its results depend on the query string and on physicians, so
every search is answered fresh, within the same query budget as CMS pages.
"""

import pytest

from delivery.invalidation import refresh_pages
from tests.performance import tree
from tests.physicians.conftest import finder_page, reload_apphooks  # noqa: F401 (fixtures)
from tests.physicians.factories import PhysicianFactory

pytestmark = pytest.mark.django_db

SEARCH = "/physician-finder/?location=55432&radius=25"


def test_results_are_never_cached_and_show_a_new_physician_at_once(client, finder_page):  # noqa: F811
    PhysicianFactory(last_name="Alpha")
    first = client.get(SEARCH)

    PhysicianFactory(last_name="Zulu")
    second = client.get(SEARCH)

    assert "X-Page-Cache" not in first.headers
    assert "X-Page-Cache" not in second.headers
    assert "Alpha" in first.content.decode() and "Zulu" not in first.content.decode()
    assert "Zulu" in second.content.decode()


def test_result_page_within_the_query_budget_on_500_pages(
    client,
    editor,
    finder_page,  # noqa: F811
    django_assert_max_num_queries,
):
    tree.add_tree(user=editor, sections=9, children=54)
    PhysicianFactory.create_batch(30)
    client.get(SEARCH)
    refresh_pages()

    with django_assert_max_num_queries(15):
        response = client.get(SEARCH)

    assert response.status_code == 200
    assert "30" in response.content.decode()
