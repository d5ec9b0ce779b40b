"""`load_demo_content` builds the reference site once, and only once."""

from io import StringIO
from urllib.parse import urlparse

import lxml.etree
import pytest
from cms.models import CMSPlugin, Page, PageContent
from django.core.management import call_command
from django.urls import reverse
from djangocms_alias.models import Alias, AliasContent
from djangocms_versioning.models import Version

from pages.models import Reference
from tests.editing import admin_form_data
from tests.html import nav_links, texts, visible_text

pytestmark = pytest.mark.django_db

REFERENCE_NAVIGATION = [
    "Home",
    "Patients",
    "Physicians",
    "About Kyphon",
    "Products",
    "Media",
    "Careers",
    "Physician Finder",
    "Reimbursement",
]


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=StringIO())


def row_counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "page contents": PageContent.admin_manager.count(),
        "versions": Version.objects.count(),
        "plugins": CMSPlugin.objects.count(),
        "aliases": Alias.objects.count(),
        "alias contents": AliasContent.admin_manager.count(),
    }


def test_navigation_follows_the_reference_site(client, demo_site):
    response = client.get("/")

    assert response.status_code == 200
    assert nav_links(response, "Main") == REFERENCE_NAVIGATION


def test_procedure_page_carries_the_reference_facts(client, demo_site):
    response = client.get("/patients/balloon-kyphoplasty/")
    page_text = visible_text(response)

    assert texts(response, "//h1") == ["Balloon Kyphoplasty"]
    for fact in (
        "spinal fracture caused by osteoporosis, cancer or benign tumors",
        "local or general anesthesia",
        "about one hour per fracture treated",
        "Recovery Room for about an hour",
        "follow-up visit",
        "not all patients are candidates for balloon kyphoplasty",
        "myocardial infarction (heart attack)",
        "Patients should consult with their doctor for a full discussion of risks.",
    ):
        assert fact in page_text
    assert nav_links(response, "In this section") == [
        "Balloon Kyphoplasty",
        "Procedure Animation",
        "Procedure Step-by-Step",
        "After the Procedure",
    ]


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/patients/balloon-kyphoplasty/procedure-animation/", "Procedure Animation"),
        ("/patients/balloon-kyphoplasty/procedure-step-by-step/", "Procedure Step-by-Step"),
        ("/patients/balloon-kyphoplasty/after-the-procedure/", "After the Procedure"),
    ],
)
def test_procedure_children_render(client, demo_site, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert texts(response, "//h1") == [heading]


def test_every_page_in_the_sitemap_carries_the_notices(client, demo_site):
    sitemap = lxml.etree.fromstring(client.get("/sitemap.xml").content)
    paths = [urlparse(loc.text).path for loc in sitemap.iter("{*}loc")]

    assert len(paths) == PageContent.objects.count() == 16 + 9
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        footer = visible_text(response)
        region = "CANADIAN" if path.startswith("/en-ca/") else "UNITED STATES"
        assert f"intended for {region} customers only" in footer, path
        assert "not a substitute for professional medical advice" in footer, path
        assert "Medtronic's Donations Registry" in footer, path
        assert "© Medtronic Spine LLC." in footer, path
        assert "Last update:" in footer, path
        assert nav_links(response, "Footer") == ["Site Map", "Terms of Use", "Privacy Statement"]


def test_second_run_changes_nothing(demo_site):
    before = row_counts()

    call_command("load_demo_content", stdout=StringIO())

    assert row_counts() == before


def test_reset_rebuilds_the_same_site(client, demo_site):
    before = row_counts()
    old_home = Page.objects.get(is_home=True).pk

    call_command("load_demo_content", "--reset", stdout=StringIO())

    assert row_counts() == before
    assert Page.objects.get(is_home=True).pk != old_home
    assert nav_links(client.get("/"), "Main") == REFERENCE_NAVIGATION


def test_pages_are_published_versions_editors_can_see(demo_site):
    contents = PageContent.admin_manager.all()

    assert contents.count() == Page.objects.count() + 9  # nine pages also exist in Canada
    assert all(Version.objects.get_for_content(c).state == "published" for c in contents)


def test_procedure_page_cites_the_verified_library(client, demo_site):
    response = client.get("/patients/balloon-kyphoplasty/")

    assert texts(response, '//sup[@class="citation"]') == ["[17,19,29]", "[17,19]"]
    entries = texts(response, '//ol[@class="references__list"]/li')
    assert [e.split(".")[0] for e in entries] == [
        "Wardlaw D, Cummings SR, Van Meirhaeghe J, Bastian L, Tillman JB, Ranstam J, Eastell R, "
        "Shabe P, Talmadge K, Boonen S",
        "Berenson J, Pflugmacher R, Jarzem P, Zonder J, Schechtman K, Tillman JB, Bastian L, "
        "Ashraf T, Vrionis F",
        "Papanastassiou ID, Phillips FM, Van Meirhaeghe J, Berenson JR, Andersson GBJ, Chung G, "
        "Small BJ, Aghayev K, Vrionis FD",
    ]


def test_safety_information_lists_the_reference_pages_six_events_in_order(client, demo_site):
    response = client.get("/patients/balloon-kyphoplasty/")

    assert texts(response, '//section[@class="safety"]//li') == [
        "myocardial infarction (heart attack)",
        "cerebrovascular accident (stroke)",
        "pulmonary embolism (cement leakage that migrates to the lungs)",
        "cardiac arrest (heart stops beating)",
        "paralysis or muscle weakness",
        "death",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/patients/balloon-kyphoplasty/procedure-animation/",
        "/patients/balloon-kyphoplasty/procedure-step-by-step/",
        "/patients/balloon-kyphoplasty/after-the-procedure/",
        "/en-ca/",
        "/en-ca/patients/balloon-kyphoplasty/procedure-animation/",
    ],
)
def test_every_page_presenting_the_therapy_carries_the_safety_information(client, demo_site, path):
    """Fair balance (editorial.fair_balance): the home page and the procedure's section."""
    response = client.get(path)

    assert texts(response, '//section[@class="safety"]/h2') == ["Important Safety Information"]
    assert len(texts(response, '//section[@class="safety"]//li')) == 6


def test_canadian_home_says_the_finder_covers_the_united_states(client, demo_site):
    response = client.get("/en-ca/")

    assert "Our Physician Finder covers the United States only" in response.text
    assert client.get("/physician-finder/").status_code == 200
    assert '<a href="/physician-finder/">search for physicians in the United States</a>' in (
        response.text
    )


def test_pages_outside_the_therapy_show_no_empty_safety_section(client, demo_site):
    response = client.get("/terms-of-use/")

    assert response.status_code == 200
    assert texts(response, '//section[@class="safety"]') == []


def test_every_demo_reference_can_be_saved_unchanged_in_the_admin(admin_client, demo_site):
    """An editor fixing a typo in a demo reference must not meet a validation error."""
    for reference in Reference.objects.all():
        url = reverse("admin:pages_reference_change", args=[reference.pk])
        data = admin_form_data(admin_client.get(url).context["adminform"].form)
        response = admin_client.post(url, data)
        assert response.status_code == 302, f"reference {reference.number} does not save"


def test_every_demo_page_has_a_description_for_search_engines(demo_site):
    contents = PageContent.admin_manager.all()

    assert contents.count() > 20
    assert [str(c) for c in contents if not (c.meta_description or "").strip()] == []
