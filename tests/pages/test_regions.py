"""The country selector: regions are django CMS languages with their own pages and notices."""

import pytest

from tests import factories
from tests.html import texts, tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def canada(site_tree, editor):
    """Canada has the home page and the procedure page, with its own region notice."""
    for page in (site_tree.home, site_tree.section, site_tree.procedure):
        factories.published_translation(page, "en-ca", user=editor)
    factories.notice("region-notice", "en-ca", "For CANADIAN customers only.", user=editor)
    return site_tree


def choose(client, region: str, next_path: str):
    return client.get("/region/", {"region": region, "next": next_path})


def test_header_offers_every_region_with_the_current_one_selected(client, canada):
    response = client.get(canada.procedure.get_absolute_url())
    root = tree(response)

    options = root.xpath('//select[@name="region"]/option')
    assert [(o.get("value"), o.text) for o in options] == [
        ("en-us", "United States"),
        ("en-ca", "Canada"),
    ]
    assert root.xpath('//select[@name="region"]/option[@selected]/@value') == ["en-us"]
    assert root.xpath('//label[@for="region-select"]')


def test_choosing_a_region_keeps_the_visitor_on_the_same_page(client, canada):
    response = choose(client, "en-ca", canada.procedure.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == "/en-ca/patients/balloon-kyphoplasty/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert tree(page).get("lang") == "en-ca"
    assert "For CANADIAN customers only." in texts(page, '//section[@class="notices"]/div')


def test_page_missing_in_the_region_leads_to_that_regions_home(client, canada):
    response = choose(client, "en-ca", canada.child.get_absolute_url())

    assert response["Location"] == "/en-ca/"


def test_switching_back_to_the_default_region_drops_the_prefix(client, canada):
    response = choose(client, "en-us", "/en-ca/patients/balloon-kyphoplasty/")

    assert response["Location"] == "/patients/balloon-kyphoplasty/"


@pytest.mark.parametrize(
    "region, next_path",
    [("xx", "/"), ("en-ca", "https://evil.example/"), ("", ""), ("en-ca", "//evil.example")],
)
def test_bad_region_input_is_handled_safely(client, canada, region, next_path):
    response = choose(client, region, next_path)

    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert not response["Location"].startswith("//")


def test_regions_keep_their_own_navigation(client, canada):
    us = texts(client.get("/"), '//nav[@aria-label="Main"]//a')
    ca = texts(client.get("/en-ca/"), '//nav[@aria-label="Main"]//a')

    assert us == ["Welcome", "Patients"]
    assert ca == ["Welcome", "Patients"]
    assert tree(client.get("/en-ca/")).xpath('//nav[@aria-label="Main"]//a/@href') == [
        "/en-ca/",
        "/en-ca/patients/",
    ]
