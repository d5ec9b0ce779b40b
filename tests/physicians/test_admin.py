"""The physician admin: search, filters, coordinates from the ZIP, and the CSV import view."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from physicians.geocoding import zip_centroid
from physicians.models import Physician
from tests import factories
from tests.html import visible_text
from tests.physicians.factories import PhysicianFactory, specialty
from tests.physicians.nppes import nppes_row, write_nppes

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/physicians/physician/"
IMPORT = "/admin/physicians/physician/import/"


def staff(*permissions):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="physicians", codename__in=permissions)
    )
    return user


@pytest.fixture
def manager(client):
    """A data manager: staff with the physician permissions, not a superuser."""
    client.force_login(staff("view_physician", "add_physician", "change_physician"))
    return client


def upload(tmp_path, rows):
    path = write_nppes(tmp_path / "npidata.csv", rows)
    return SimpleUploadedFile("npidata.csv", path.read_bytes(), content_type="text/csv")


@pytest.mark.parametrize("term", ["Zebedee", "1234567893", "55101", "Saint Paul"])
def test_search_by_name_npi_zip_or_city(manager, term):
    PhysicianFactory(last_name="Zebedee", npi="1234567893", zip_code="55101", city="Saint Paul")
    PhysicianFactory(last_name="Other")

    response = manager.get(CHANGELIST, {"q": term})

    assert response.status_code == 200
    assert "Zebedee" in visible_text(response)
    assert "Other" not in visible_text(response)


@pytest.mark.parametrize(
    "params",
    [{"state__exact": "NY"}, {"specialties__code__exact": "2085R0204X"}, {"is_listed__exact": "0"}],
)
def test_filters_by_state_specialty_and_listing(manager, params):
    PhysicianFactory(
        last_name="Match",
        state="NY",
        city="New York",
        zip_code="10001",
        is_listed=False,
        specialties=[specialty("2085R0204X")],
    )
    PhysicianFactory(last_name="Other", specialties=[specialty("207X00000X")])

    response = manager.get(CHANGELIST, params)

    assert response.status_code == 200
    assert "Match" in visible_text(response) and "Other" not in visible_text(response)


def test_blank_coordinates_come_from_the_zip_code(manager):
    response = manager.post(
        "/admin/physicians/physician/add/",
        {
            "npi": "1234567893",
            "first_name": "Mary",
            "last_name": "Smith",
            "address_line1": "1 Main St",
            "city": "Saint Paul",
            "state": "MN",
            "zip_code": "55101",
            "is_listed": "on",
        },
    )

    assert response.status_code == 302
    assert Physician.objects.get().point == zip_centroid("55101")


def test_a_wrong_npi_check_digit_is_a_form_error(manager):
    response = manager.post(
        "/admin/physicians/physician/add/",
        {
            "npi": "1234567890",
            "first_name": "M",
            "last_name": "S",
            "address_line1": "1 Main",
            "city": "X",
            "state": "MN",
            "zip_code": "55101",
        },
    )

    assert response.status_code == 200
    assert "check digit is wrong" in visible_text(response)


def test_staff_without_physician_permissions_cannot_import(client, tmp_path):
    client.force_login(staff("view_physician", "change_physician"))

    assert client.get(IMPORT).status_code == 403
    response = client.post(IMPORT, {"file": upload(tmp_path, [nppes_row()])})
    assert response.status_code == 403
    assert not Physician.objects.exists()
    assert "Import CSV" not in visible_text(client.get(CHANGELIST))


def test_data_manager_sees_the_import_link(manager):
    """The upload itself, its job and its status page: tests/jobs/test_import_job.py."""
    assert "Import CSV" in visible_text(manager.get(CHANGELIST))
    assert manager.get(IMPORT).status_code == 200


def test_import_needs_the_csrf_token(tmp_path):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff("add_physician", "change_physician"))

    response = client.post(IMPORT, {"file": upload(tmp_path, [nppes_row()])})

    assert response.status_code == 403
    assert not Physician.objects.exists()
