"""The reference library in the admin: validated identifiers, friendly errors.

The form is the reference's (its number) with the version's fields named ``content__…``,
as django CMS's GrouperModelAdmin names them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pages.models import Reference, ReferenceContent
from tests.factories import ReferenceFactory

pytestmark = pytest.mark.django_db

VALID = {
    "number": "17",
    "authors": "Wardlaw D, Cummings SR",
    "title": "Efficacy and safety of balloon kyphoplasty (FREE)",
    "journal": "The Lancet",
    "year": "2009",
    "volume": "373",
    "issue": "9668",
    "pages": "1016-1024",
    "pmid": "",
    "doi": "10.1016/S0140-6736(09)60010-6",
    "clinical_trial_id": "NCT00211211",
}


def form_data(**changes) -> dict:
    values = {**VALID, **changes}
    return {(k if k == "number" else f"content__{k}"): v for k, v in values.items()}


@pytest.mark.parametrize(
    "field, value",
    [
        ("doi", "10.1016"),
        ("doi", "doi:10.1016/x"),
        ("doi", "11.1016/S1470-2045(11)70008-0"),
        ("pmid", "PMID22543412"),
        ("pmid", "0123"),
        ("pmid", "1234567890"),
        ("clinical_trial_id", "NCT123"),
        ("year", "1850"),
    ],
)
def test_malformed_identifiers_are_rejected(field, value):
    reference = ReferenceFactory.build(number=5, **{field: value})

    with pytest.raises(ValidationError) as error:
        reference.full_clean()

    assert field in error.value.message_dict


@pytest.mark.parametrize("doi", ["10.1016/S1470-2045(11)70008-0", "10.1007/s00586-012-2314-z"])
def test_well_formed_dois_are_accepted(doi):
    ReferenceFactory.build(number=5, doi=doi, pmid="").full_clean(exclude=["reference"])


def test_doi_pasted_as_a_link_is_stored_bare(admin_client):
    data = form_data(doi="https://doi.org/10.1016/S0140-6736(09)60010-6")

    response = admin_client.post(reverse("admin:pages_reference_add"), data)

    assert response.status_code == 302
    assert ReferenceContent.admin_manager.get().doi == "10.1016/S0140-6736(09)60010-6"


def test_admin_shows_form_errors_not_a_server_error(admin_client):
    data = form_data(doi="not a doi", pmid="abc", year="twenty")

    response = admin_client.post(reverse("admin:pages_reference_add"), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"content__doi", "content__pmid", "content__year"}
    assert not Reference.objects.exists()


def test_a_reference_needs_an_identifier_readers_can_look_up(admin_client):
    data = form_data(doi="", pmid="", clinical_trial_id="")

    response = admin_client.post(reverse("admin:pages_reference_add"), data)

    assert response.status_code == 200
    assert "Give a PubMed ID, a DOI or a ClinicalTrials.gov ID" in response.content.decode()
    assert not Reference.objects.exists()


def test_a_trial_registration_alone_is_enough(admin_client):
    data = form_data(doi="", pmid="")

    response = admin_client.post(reverse("admin:pages_reference_add"), data)

    assert response.status_code == 302
    assert ReferenceContent.admin_manager.get().clinical_trial_id == "NCT00211211"


def test_library_numbers_are_unique(admin_client):
    ReferenceFactory(number=17)

    response = admin_client.post(reverse("admin:pages_reference_add"), form_data())

    assert response.status_code == 200
    assert "Reference with this Library number already exists." in response.content.decode()
