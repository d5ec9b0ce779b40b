"""The page frame every visitor meets: landmarks, headings, navigation, footer."""

from urllib.parse import urlparse

import pytest

from tests.html import nav_links, texts, tree, visible_text

pytestmark = pytest.mark.django_db


def test_inner_page_has_breadcrumbs_to_home(client, site_tree):
    response = client.get(site_tree.child.get_absolute_url())

    assert response.status_code == 200
    assert nav_links(response, "Breadcrumb") == ["Welcome", "Patients", "Balloon Kyphoplasty"]
    assert texts(response, '//nav[@aria-label="Breadcrumb"]//*[@aria-current="page"]') == [
        "After the Procedure"
    ]


def test_home_page_has_no_breadcrumbs(client, site_tree):
    response = client.get("/")

    assert response.status_code == 200
    assert nav_links(response, "Breadcrumb") == []


@pytest.mark.parametrize("which", ["home", "section", "procedure", "child"])
def test_every_page_has_one_h1_a_skip_link_and_landmarks(client, site_tree, which):
    response = client.get(getattr(site_tree, which).get_absolute_url())
    root = tree(response)

    assert len(root.xpath("//h1")) == 1
    skip = root.xpath('//a[@class="skip-link"]')[0]
    assert skip.get("href") == "#main"
    assert root.xpath('//main[@id="main"]')
    assert root.xpath("//header") and root.xpath("//footer")
    assert root.xpath('//nav[@aria-label="Main"]')
    assert root.get("lang") == "en-us"


def test_main_navigation_lists_published_pages_in_tree_order(client, site_tree, editor):
    response = client.get("/")

    assert nav_links(response, "Main") == ["Welcome", "Patients"]


def test_section_navigation_shows_the_procedure_and_its_children(client, site_tree):
    response = client.get(site_tree.procedure.get_absolute_url())

    assert nav_links(response, "In this section") == ["Balloon Kyphoplasty", "After the Procedure"]


def test_footer_carries_notices_and_links_to_real_pages(client, site_tree):
    response = client.get(site_tree.procedure.get_absolute_url())
    footer_links = tree(response).xpath('//nav[@aria-label="Footer"]//a')

    assert [a.text_content() for a in footer_links] == [
        "Site Map",
        "Terms of Use",
        "Privacy Statement",
    ]
    for link in footer_links:
        assert client.get(link.get("href")).status_code == 200
    footer = visible_text(tree(response).xpath("//footer")[0])
    assert "information purposes only" in footer
    assert "Donations Registry" in footer
    assert "UNITED STATES customers only" in footer
    assert "© Medtronic Spine LLC." in footer


def test_site_map_page_lists_the_page_tree(client, site_tree):
    response = client.get("/site-map/")

    links = texts(response, '//ul[@class="site-map"]//a')
    assert links == ["Welcome", "Patients", "Balloon Kyphoplasty", "After the Procedure"]


def test_no_asset_is_loaded_from_another_host(client, site_tree):
    response = client.get(site_tree.procedure.get_absolute_url())
    root = tree(response)

    # Canonical and alternate links name pages by their full address; they load nothing.
    loaded = "//link[not(@rel='canonical' or @rel='alternate')]/@href"
    sources = root.xpath(f"//script/@src | {loaded} | //img/@src | //iframe/@src")
    assert sources
    for source in sources:
        assert not urlparse(source).netloc, source


def test_draft_changes_are_not_public(client, site_tree, editor):
    from cms.api import create_page

    create_page("Unpublished draft", "cms/content.html", "en-us", created_by=editor)

    assert "Unpublished draft" not in nav_links(client.get("/"), "Main")
    assert client.get("/unpublished-draft/").status_code == 404
