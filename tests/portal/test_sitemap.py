"""/sitemap.xml tells search engines about every public page, and only those."""

from urllib.parse import urlparse

import lxml.etree
import pytest
from cms.api import create_page

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = lxml.etree.fromstring(response.content)
    return {urlparse(loc.text).path for loc in root.xpath("//s:loc", namespaces=NS)}


def test_sitemap_lists_every_published_page(client, site_tree):
    pages = [site_tree.home, site_tree.section, site_tree.procedure, site_tree.child]
    pages += site_tree.footer_pages

    assert sitemap_paths(client) == {page.get_absolute_url() for page in pages}


def test_sitemap_leaves_out_unpublished_pages(client, site_tree, editor):
    create_page("Draft only", "cms/content.html", "en-us", created_by=editor)

    assert "/draft-only/" not in sitemap_paths(client)
