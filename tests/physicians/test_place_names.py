"""Place names as patients write and read them (issue 17's cases), and the finder's US reach."""

import pytest

from physicians.geocoding import LocationError, geocode


def refused(text: str) -> LocationError:
    with pytest.raises(LocationError) as caught:
        geocode(text)
    return caught.value


@pytest.mark.parametrize(
    "text", ["Washington, D.C.", "Washington, DC", "Washington D.C.", "washington, d. c."]
)
def test_washington_dc_is_a_place(text):
    assert geocode(text).label == "Washington, DC"


def test_a_zip_plus_four_may_be_written_with_a_space():
    assert geocode("55401 1234").label == "Minneapolis, MN 55401"


@pytest.mark.parametrize("code", ["09001", "96507"])
def test_military_zips_say_they_cannot_be_searched_and_suggest_nothing(code):
    error = refused(code)

    assert error.message.startswith(f"ZIP code {code} is a military (APO/FPO/DPO) address")
    assert error.suggestions == []


def test_suggestions_spell_names_out_once_each():
    near_minnetonka = refused("Minnetnka Mls, MN").suggestions
    pittsburgs = refused("Pittsburgh, MN").suggestions + refused("Pittsburg").suggestions

    assert "Minnetonka Mills, MN" in near_minnetonka
    assert not [s for s in near_minnetonka + pittsburgs if "Mls" in s or s.startswith("W ")]
    for suggestions in (near_minnetonka, pittsburgs):
        assert len(suggestions) == len(set(suggestions))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("W Pittsburg, PA", "West Pittsburg, PA"),
        ("West Pittsburg, PA", "West Pittsburg, PA"),
        ("Los Angeles AFB, CA", "Los Angeles AFB, CA"),
        ("Minnetonka Mills, MN", "Minnetonka Mills, MN"),
        ("Fernan Lake Village, ID", "Fernan Lake Village, ID"),
    ],
)
def test_abbreviated_and_full_names_are_one_place(text, label):
    assert geocode(text).label == label


def test_ambiguous_names_list_the_largest_places_first():
    suggestions = refused("Springfield").suggestions

    assert set(suggestions[:3]) == {"Springfield, IL", "Springfield, MA", "Springfield, MO"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("NYC", "New York, NY"),
        ("New York, NY", "New York, NY"),
        ("10001", "New York, NY 10001"),
        ("Coeur d'Alene, ID", "Coeur d'Alene, ID"),
        ("coeur d alene idaho", "Coeur d'Alene, ID"),
        ("83814", "Coeur d'Alene, ID 83814"),
        ("O'Fallon, MO", "O'Fallon, MO"),
        ("McLean, VA", "McLean, VA"),
        ("Lee's Summit, MO", "Lee's Summit, MO"),
    ],
)
def test_labels_use_proper_names(text, label):
    assert geocode(text).label == label


@pytest.mark.parametrize("text", ["M5V 3L9", "m5v3l9", "K1A 0B1"])
def test_canadian_postal_codes_say_the_finder_covers_the_united_states(text):
    error = refused(text)

    assert "is a Canadian postal code" in error.message
    assert "covers the United States only" in error.message


@pytest.mark.parametrize(
    ("text", "province"), [("Toronto, ON", "Ontario"), ("Montreal, Quebec", "Quebec")]
)
def test_canadian_provinces_say_the_finder_covers_the_united_states(text, province):
    error = refused(text)

    assert error.message.startswith(f"{province} is in Canada.")
    assert "covers the United States only" in error.message
