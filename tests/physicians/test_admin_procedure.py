"""The curated "performs balloon kyphoplasty" flag, as the physician data manager keeps it."""

import pytest

from physicians.models import Physician
from tests.html import texts
from tests.physicians.factories import PhysicianFactory
from tests.physicians.test_admin import CHANGELIST, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client):
    """A data manager: staff with the physician permissions, not a superuser."""
    client.force_login(staff("view_physician", "add_physician", "change_physician"))
    return client


def test_the_data_manager_sets_the_flag_and_the_finder_filters_by_it(manager, finder_page):
    response = manager.post(
        "/admin/physicians/physician/add/",
        {
            "npi": "1234567893",
            "first_name": "Mary",
            "last_name": "Smith",
            "address_line1": "1 Main St",
            "city": "Minneapolis",
            "state": "MN",
            "zip_code": "55432",
            "is_listed": "on",
            "accepting_new_patients": "on",
            "performs_kyphoplasty": "on",
        },
    )
    PhysicianFactory(last_name="Other")

    assert response.status_code == 302
    assert Physician.objects.get(npi="1234567893").performs_kyphoplasty
    found = manager.get(
        "/physician-finder/", {"location": "55432", "procedure": "balloon-kyphoplasty"}
    )
    names = [name.split(",")[0] for name in texts(found, '//li[@class="physician"]/h3')]
    assert names == ["Mary Smith"]


def test_the_change_list_shows_and_filters_by_the_flag(manager):
    PhysicianFactory(last_name="Curated", performs_kyphoplasty=True)
    PhysicianFactory(last_name="Unconfirmed")

    response = manager.get(CHANGELIST, {"performs_kyphoplasty__exact": "1"})

    assert response.status_code == 200
    assert "Performs balloon kyphoplasty" in response.text
    rows = texts(response, '//table[@id="result_list"]//th[contains(@class, "field-last_name")]')
    assert rows == ["Curated"]
