"""
Site notices render from django CMS's placeholder cache when it has them; the
notices it lacks load their plugins together, in one query (delivery.lookups).
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delivery.invalidation import refresh_pages
from tests.factories import NOTICES
from tests.html import texts

pytestmark = pytest.mark.django_db

PLUGIN_LIST = re.compile(r'FROM "cms_cmsplugin" WHERE .*"placeholder_id" IN \(([\d, ]+)\)')


def plugin_lists(client, url) -> tuple[list[set[int]], object]:
    """The placeholder ids of each query loading a list of plugins, and the response."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    found = [PLUGIN_LIST.search(query["sql"]) for query in queries]
    return [{int(pk) for pk in match[1].split(",")} for match in found if match], response


def test_cold_render_loads_all_notices_plugins_in_one_query(client, site_tree):
    cache.clear()
    lists, response = plugin_lists(client, site_tree.procedure.get_absolute_url())

    assert texts(response, '//section[@class="notices"]/div') == list(NOTICES.values())
    notices = [ids for ids in lists if len(ids) >= len(NOTICES)]
    assert len(notices) == 1, lists
    assert len(lists) == 2  # all the page's placeholders at once, then all the notices


def test_warm_render_loads_no_notice_plugins(client, site_tree):
    url = site_tree.procedure.get_absolute_url()
    client.get(url)
    refresh_pages()  # the page cache misses; django CMS's placeholder cache still holds all

    lists, _ = plugin_lists(client, url)

    assert lists == []
