"""
An editor attaches the finder to a page in its advanced settings, and visitors
get the finder there at their next request: no server restart.
"""

import pytest
from cms.utils import apphook_reload
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from delivery.apphook_reload import CACHE_KEY, ensure_current
from tests import factories
from tests.html import tree

pytestmark = pytest.mark.django_db

NOT_CACHED = "/no-such-page/"  # a request the page cache does not answer
SEARCH_FIELD = '//form[@role="search"]//input[@name="location"]'


def form_values(response) -> dict:
    """What the editor's browser would submit unchanged: the form's current values."""
    form = tree(response).xpath('//form[@id="page_form"]')[0]
    values = {field.name: field.value or "" for field in form.inputs if field.name}
    return {name: value for name, value in values.items() if not name.startswith("_")}


def attach_finder(editor_client, page):
    url = reverse("admin:cms_page_advanced", args=[page.pk])
    form = form_values(editor_client.get(url))
    form.update(application_urls="PhysicianFinderApphook", application_namespace="physicians")
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.content[:800]


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def find_a_doctor(site_tree, editor, reload_apphooks):
    return factories.published_page("Find a doctor", user=editor, slug="find-a-doctor")


def test_finder_attached_in_the_admin_serves_at_the_next_request(
    client, editor_client, find_a_doctor
):
    url = find_a_doctor.get_absolute_url()
    before = client.get(url)  # also leaves the plain page in the page cache
    assert before.status_code == 200
    assert not tree(before).xpath(SEARCH_FIELD)

    attach_finder(editor_client, find_a_doctor)

    after = client.get(url)
    assert tree(after).xpath(SEARCH_FIELD), "the finder is not mounted on the page"
    results = client.get(url, {"location": "55432"})
    assert "within 25 miles of Minneapolis, MN 55432" in results.content.decode()


def test_a_process_rebuilds_its_urls_when_the_shared_revision_moves(site_tree):
    """What another app server does after an editor's change elsewhere."""
    client = Client()
    client.get(NOT_CACHED)
    served = apphook_reload.get_local_revision()
    assert cache.get(CACHE_KEY) == served

    cache.set(CACHE_KEY, "published-elsewhere", timeout=None)
    client.get(NOT_CACHED)

    assert apphook_reload.get_local_revision() == "published-elsewhere"


def test_a_lost_cache_entry_is_read_back_from_the_database(site_tree):
    Client().get(NOT_CACHED)
    cache.clear()  # Redis restarted, or the key evicted

    ensure_current("ignored")  # any state: the next request sets it right
    Client().get(NOT_CACHED)

    assert cache.get(CACHE_KEY) == apphook_reload.get_global_revision()
    assert apphook_reload.get_local_revision() == cache.get(CACHE_KEY)
