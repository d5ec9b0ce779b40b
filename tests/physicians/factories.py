"""Physicians for tests: valid NPIs, placed at a ZIP centroid unless told otherwise."""

import factory

from physicians.geocoding import zip_centroid
from physicians.models import Physician, Specialty
from physicians.npi import check_digit


def npi_for(n: int) -> str:
    """A valid NPI from a sequence number, in a range real NPIs are not issued from yet."""
    first_nine = f"{500_000_000 + n:09d}"
    return first_nine + check_digit(first_nine)


class PhysicianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Physician
        skip_postgeneration_save = True

    npi = factory.Sequence(npi_for)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    credentials = "MD"
    practice_name = factory.LazyAttribute(lambda p: f"{p.last_name} Spine Care")
    address_line1 = factory.Faker("street_address")
    city = "Minneapolis"
    state = "MN"
    zip_code = "55432"
    phone = "612-555-0100"
    procedures = "Balloon kyphoplasty"
    latitude = factory.LazyAttribute(lambda p: zip_centroid(p.zip_code).latitude)
    longitude = factory.LazyAttribute(lambda p: zip_centroid(p.zip_code).longitude)

    @factory.post_generation
    def specialties(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialties.set(extracted)


def specialty(code: str = "207X00000X") -> Specialty:
    """One of the specialties the migration seeds."""
    return Specialty.objects.get(code=code)
