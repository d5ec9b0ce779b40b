"""Demo physicians: a few hundred, clearly fictitious, spread over the US, loaded once."""

from io import StringIO

import pytest
from django.core.management import call_command

from physicians.demo import DEMO_COUNT, load_demo_physicians
from physicians.geocoding import geocode
from physicians.models import Physician
from physicians.npi import is_valid_npi
from physicians.search import Filters, find_physicians
from tests.html import visible_text

pytestmark = pytest.mark.django_db


def test_demo_physicians_are_fictitious_and_marked():
    created = load_demo_physicians()
    physicians = list(Physician.objects.prefetch_related("specialties"))

    assert created == len(physicians) == DEMO_COUNT
    assert all(p.is_demo for p in physicians)
    assert all(is_valid_npi(p.npi) and p.npi.startswith("30000") for p in physicians)
    assert all(p.phone[3:].startswith("-555-01") for p in physicians)
    assert all("(Demo)" in p.practice_name for p in physicians)
    assert all(p.specialties.all() for p in physicians)
    assert len({p.state for p in physicians}) >= 40
    assert sum(p.is_listed for p in physicians) > 0.9 * DEMO_COUNT


def test_loading_again_adds_nothing_and_the_seed_fixes_the_data():
    load_demo_physicians()
    first = list(Physician.objects.order_by("npi").values_list("npi", "last_name", "zip_code"))

    assert load_demo_physicians() == 0
    Physician.objects.all().delete()
    load_demo_physicians()
    again = list(Physician.objects.order_by("npi").values_list("npi", "last_name", "zip_code"))

    assert again == first


def test_the_issue_example_search_finds_demo_physicians():
    load_demo_physicians()

    page = find_physicians(origin=geocode("55432"), miles=25)

    assert page.count >= 3
    assert page.origin.label == "Minneapolis, MN 55432"


def test_load_demo_content_loads_them_inside_its_transaction():
    out = StringIO()
    call_command("load_demo_content", stdout=out)

    assert f"created {DEMO_COUNT} demo physicians" in out.getvalue()
    again = StringIO()
    call_command("load_demo_content", stdout=again)
    assert "demo physicians already there" in again.getvalue()
    assert Physician.objects.count() == DEMO_COUNT


def test_the_demo_finder_page_searches_on_a_running_site_at_once(client, reload_apphooks):
    client.get("/")  # the site is serving already: no restart after loading
    call_command("load_demo_content", stdout=StringIO())

    response = client.get("/physician-finder/", {"location": "55432"})

    assert response.status_code == 200
    assert "physicians within 25 miles of Minneapolis, MN 55432" in visible_text(response)
    assert "Physicians listed here have asked to be included" in visible_text(response)
    Physician.objects.update(is_listed=False)
    fresh = client.get("/physician-finder/", {"location": "55432"})
    assert "0 physicians within 25 miles" in visible_text(fresh)


def test_the_procedure_filter_finds_demo_physicians():
    """Most demo physicians carry the curated flag, so the filter shows a real result list."""
    load_demo_physicians()
    origin = geocode("55432")

    everyone = find_physicians(origin=origin, miles=100)
    performing = find_physicians(
        origin=origin, miles=100, filters=Filters(performs_kyphoplasty=True)
    )

    listed = Physician.objects.filter(is_listed=True)
    assert 0.6 < listed.filter(performs_kyphoplasty=True).count() / listed.count() < 0.8
    assert 0 < performing.count < everyone.count
