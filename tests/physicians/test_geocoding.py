"""Offline geocoding of ZIP codes, ZIP+4 and "City, ST", and what bad input is told."""

import pytest

from physicians import geocoding
from physicians.geocoding import LocationError, geocode, zip_centroid


@pytest.mark.parametrize("text", ["55432", "55432-1234", "554321234", " 55432 "])
def test_zip_and_zip_plus_four_give_the_zip_centroid(text):
    origin = geocode(text)

    assert origin.label == "Minneapolis, MN 55432"
    assert origin.zip_code == "55432"
    assert (origin.point.latitude, origin.point.longitude) == (45.095, -93.2396)


@pytest.mark.parametrize(
    "text",
    [
        "Minneapolis, MN",
        "minneapolis,mn",
        "  MINNEAPOLIS ,   mn ",
        "Minneapolis MN",
        "Minneapolis, Minnesota",
    ],
)
def test_city_and_state_ignore_case_and_spacing(text):
    origin = geocode(text)

    assert origin.label == "Minneapolis, MN"
    assert origin.state == "MN"
    assert 44.9 < origin.point.latitude < 45.1
    assert -93.4 < origin.point.longitude < -93.1


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("St. Paul, MN", "Saint Paul, MN"),
        ("Ft Lauderdale, FL", "Fort Lauderdale, FL"),
        ("Fridley, MN", "Fridley, MN"),  # an acceptable name for ZIP 55432
        ("Fridley", "Fridley, MN"),  # a city name found in only one state
        ("San José, CA", "San Jose, CA"),
    ],
)
def test_abbreviations_alternative_names_and_accents(text, label):
    assert geocode(text).label == label


@pytest.mark.parametrize("text", ["", "   ", ",", "東京", "x" * 101])
def test_empty_or_meaningless_input_asks_for_a_zip_or_city(text):
    with pytest.raises(LocationError, match="ZIP code or a city and state"):
        geocode(text)


def test_unknown_zip_suggests_nearby_real_ones():
    with pytest.raises(LocationError) as caught:
        geocode("99999")

    assert "99999" in caught.value.message
    assert caught.value.suggestions
    assert all(s[:2] == "99" for s in caught.value.suggestions)


@pytest.mark.parametrize("text", ["1234", "123456", "55432-12"])
def test_wrong_number_of_digits_explains_zip_format(text):
    with pytest.raises(LocationError, match="5 digits"):
        geocode(text)


def test_ambiguous_city_lists_the_states_to_choose_from():
    with pytest.raises(LocationError, match="add the state") as caught:
        geocode("Minneapolis")

    assert "Minneapolis, MN" in caught.value.suggestions
    assert "Minneapolis, KS" in caught.value.suggestions


def test_misspelt_city_suggests_the_real_one():
    with pytest.raises(LocationError, match="Minnesota") as caught:
        geocode("Minneapoliss, MN")

    assert caught.value.suggestions[0] == "Minneapolis, MN"


def test_unknown_state_suggests_states_that_have_the_city():
    with pytest.raises(LocationError, match="not a US state") as caught:
        geocode("Minneapolis, XX")

    assert "Minneapolis, MN" in caught.value.suggestions


@pytest.mark.parametrize("text", ["'; DROP TABLE physicians; --", "<script>alert(1)</script>"])
def test_hostile_text_is_just_an_unknown_place(text):
    with pytest.raises(LocationError):
        geocode(text)


def test_military_and_unlocated_zips_are_not_places():
    # APO/FPO ZIPs carry 0,0 as coordinates in the data.
    assert zip_centroid("09001") is None
    with pytest.raises(LocationError):
        geocode("09001")


def test_index_is_built_once_per_process():
    assert geocoding._index() is geocoding._index()
