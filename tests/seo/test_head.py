"""What search engines and link previews read in each page's head."""

import json

import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.utils import timezone

from editorial.models import MedicalReview
from seo.site_record import sync_site_record
from tests import factories
from tests.html import tree
from tests.media.images import illustration
from tests.seo import vocabulary

pytestmark = pytest.mark.django_db

SITE_URL = "https://portal.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.PORTAL_SITE_URL = SITE_URL


def head(response):
    return tree(response).xpath("//head")[0]


def json_ld(response) -> dict:
    (script,) = head(response).xpath("script[@type='application/ld+json']/text()")
    return json.loads(script)


def test_every_page_names_its_canonical_address(client, site_tree):
    for page in (site_tree.home, site_tree.section, site_tree.procedure, site_tree.child):
        path = page.get_absolute_url()
        canonical = head(client.get(path)).xpath("link[@rel='canonical']/@href")
        assert canonical == [SITE_URL + path]


def test_regions_name_each_other_as_alternates(client, editor, site_tree):
    factories.published_translation(site_tree.child, "en-ca", user=editor)
    us = site_tree.child.get_absolute_url("en-us")
    ca = site_tree.child.get_absolute_url("en-ca")

    for path in (us, ca):
        links = head(client.get(path)).xpath("link[@rel='alternate']")
        assert {(a.get("hreflang"), a.get("href")) for a in links} == {
            ("en-US", SITE_URL + us),
            ("en-CA", SITE_URL + ca),
            ("x-default", SITE_URL + us),
        }


def test_a_page_in_one_region_names_no_alternates(client, site_tree):
    response = client.get(site_tree.child.get_absolute_url())

    assert head(response).xpath("link[@rel='alternate']") == []


def test_link_previews_use_the_page_title_description_and_picture(client, editor, site_tree):
    page = factories.published_page(
        "Illustrated",
        user=editor,
        parent=site_tree.section,
        meta_description="How the balloon lifts the bone.",
        content=[{"plugin": "PicturePlugin", "image": illustration("lift.png"), "alt_text": "A"}],
    )
    meta = {
        m.get("property") or m.get("name"): m.get("content")
        for m in head(client.get(page.get_absolute_url())).xpath("meta")
    }

    assert meta["description"] == meta["og:description"] == "How the balloon lifts the bone."
    assert meta["og:title"] == meta["twitter:title"] == "Illustrated"
    assert meta["og:image"].startswith(SITE_URL + "/uploads/") and "lift" in meta["og:image"]
    assert meta["twitter:card"] == "summary_large_image"


def test_the_procedure_page_is_a_medical_web_page_about_the_procedure(client, site_tree):
    data = json_ld(client.get(site_tree.procedure.get_absolute_url()))

    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == "MedicalProcedure"
    crumbs = [item["name"] for item in data["breadcrumb"]["itemListElement"]]
    assert crumbs == ["Welcome", "Patients", "Balloon Kyphoplasty"]
    assert vocabulary.problems(data) == []


def test_the_medical_review_is_stated_without_naming_a_login(client, site_tree, editor):
    editor.first_name, editor.last_name = "Rita", "Reviewer"
    editor.save()
    MedicalReview.objects.create(
        extended_object=site_tree.child, reviewed_at=timezone.now(), reviewed_by=editor
    )

    data = json_ld(client.get(site_tree.child.get_absolute_url()))

    assert data["lastReviewed"] == timezone.now().date().isoformat()
    assert data["reviewedBy"] == {"@type": "Person", "name": "Rita Reviewer"}
    assert "editor" not in json.dumps(data)  # the username is a login, never published
    assert vocabulary.problems(data) == []


def test_json_ld_cannot_be_broken_out_of_by_page_text(client, editor, site_tree):
    page = factories.published_page(
        "</script><script>alert(1)</script>", user=editor, parent=site_tree.section
    )
    response = client.get(page.get_absolute_url())

    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == "</script><script>alert(1)</script>"


def test_the_validator_catches_what_is_not_schema_org():
    assert vocabulary.problems({"@type": "MedicalWebPage", "lastReviewd": "2026-01-01"})
    assert vocabulary.problems({"@type": "Person", "lastReviewed": "2026-01-01"})


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()

    assert f"Sitemap: {SITE_URL}/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /cms_login/" in text


def test_the_sitemap_and_the_sites_record_use_the_real_host(client, site_tree):
    sync_site_record()

    site = Site.objects.get_current()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert site.domain == "portal.example.org"
    assert "example.com" not in sitemap and "portal.example.org/patients/" in sitemap


@pytest.mark.django_db(transaction=True)
def test_migrate_names_the_site_in_the_toolbar_and_the_admin():
    """Regression: the record stayed "example.com" after migrate, so the toolbar showed it.

    Django sends post_migrate only for apps with models, and seo has none.
    """
    Site.objects.filter(pk=1).update(domain="example.com", name="example.com")
    Site.objects.clear_cache()

    call_command("migrate", verbosity=0)

    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("portal.example.org", "Kyphon Balloon Kyphoplasty")
