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


def test_sitemap_names_the_public_address_whatever_the_request(client, site_tree, settings):
    """Scheme and host from SITE_URL, though this request came over plain HTTP to testserver."""
    settings.PORTAL_SITE_URL = "https://www.example-portal.org"
    from seo.site_record import sync_site_record

    sync_site_record()

    response = client.get("/sitemap.xml")
    root = lxml.etree.fromstring(response.content)
    locations = [loc.text for loc in root.xpath("//s:loc", namespaces=NS)]

    assert locations
    assert {urlparse(url)[:2] for url in locations} == {("https", "www.example-portal.org")}
