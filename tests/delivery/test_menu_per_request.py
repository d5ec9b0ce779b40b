"""
The three menus on a page (main, section, breadcrumb) share one node tree per
request (delivery.menu_renderer), and each still gets nodes of its own to cut and
mark.
"""

import pytest
from cms.cms_menus import CMSMenu
from menus.base import NavigationNode

from delivery.menu_renderer import copy_nodes
from tests.html import nav_links, texts

pytestmark = pytest.mark.django_db

PROCEDURE = "/patients/balloon-kyphoplasty/"


@pytest.fixture
def menu_builds(monkeypatch):
    """Counts how often django CMS builds the page tree's nodes (the real method runs)."""
    calls = []
    real = CMSMenu.get_nodes

    def counting(self, request):
        calls.append(request.path)
        return real(self, request)

    monkeypatch.setattr(CMSMenu, "get_nodes", counting)
    return calls


@pytest.fixture
def no_cache(settings):
    """Caching off, as in the benchmark's uncached server: nothing is kept between tags."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_uncached_page_builds_the_menu_once_for_all_three_menus(
    client, site_tree, no_cache, menu_builds
):
    response = client.get(PROCEDURE)

    assert menu_builds == [PROCEDURE]
    assert "Patients" in nav_links(response, "Main")
    assert nav_links(response, "In this section") == ["Balloon Kyphoplasty", "After the Procedure"]
    assert nav_links(response, "Breadcrumb") == ["Welcome", "Patients"]
    assert texts(response, '//nav[@aria-label="Breadcrumb"]//*[@aria-current="page"]') == [
        "Balloon Kyphoplasty"
    ]


def test_each_request_builds_its_own_tree(client, site_tree, no_cache, menu_builds):
    client.get(PROCEDURE)
    client.get("/patients/")

    assert menu_builds == [PROCEDURE, "/patients/"]


def linked_tree() -> list[NavigationNode]:
    root = NavigationNode("Patients", "/patients/", 1, attr={"reverse_id": "patients"})
    child = NavigationNode("Procedure", "/patients/procedure/", 2, parent_id=1)
    grandchild = NavigationNode("After", "/patients/procedure/after/", 3, parent_id=2)
    for parent, node in ((root, child), (child, grandchild)):
        node.parent = parent
        parent.children.append(node)
    return [root, child, grandchild]


def test_copies_can_be_cut_and_marked_without_touching_the_original():
    original = linked_tree()
    copied = copy_nodes(original)

    copied[0].children.clear()
    copied[1].selected = True
    copied[0].attr["reverse_id"] = "changed"

    assert [node.title for node in copied] == ["Patients", "Procedure", "After"]
    assert copied[1].parent is copied[0] and copied[2].parent is copied[1]
    assert original[0].children == [original[1]]
    assert not original[1].selected
    assert original[0].attr["reverse_id"] == "patients"
