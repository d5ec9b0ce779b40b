"""GET /api/physicians/: the issue's JSON shape, 400s naming the field, and the OpenAPI file."""

import pytest

from physicians.api import PARAMETERS
from tests.physicians.factories import PhysicianFactory, specialty

pytestmark = pytest.mark.django_db

URL = "/api/physicians/"
RESULT_KEYS = {
    "npi",
    "name",
    "credentials",
    "practice",
    "address",
    "city",
    "state",
    "zip",
    "phone",
    "specialties",
    "procedures",
    "accepting_new_patients",
    "distance_miles",
    "latitude",
    "longitude",
}


def test_search_returns_the_documented_shape(client):
    PhysicianFactory(
        npi="1234567893",
        first_name="Jane",
        last_name="Doe",
        practice_name="Doe Spine Care",
        address_line1="100 Main St",
        address_line2="Suite 4",
        zip_code="55101",
        city="Saint Paul",
        phone="651-555-0123",
        specialties=[specialty("207X00000X")],
        performs_kyphoplasty=True,
    )

    response = client.get(URL, {"near": "55432", "radius": "25"})
    body = response.json()

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert set(body) == {"origin", "radius", "count", "count_capped", "page", "pages", "results"}
    assert body["origin"]["label"] == "Minneapolis, MN 55432"
    assert (body["radius"], body["count"], body["page"], body["pages"]) == (25, 1, 1, 1)
    [result] = body["results"]
    assert set(result) == RESULT_KEYS
    assert result["npi"] == "1234567893"
    assert result["name"] == "Jane Doe"
    assert result["practice"] == "Doe Spine Care"
    assert result["address"] == "100 Main St, Suite 4"
    assert (result["city"], result["state"], result["zip"]) == ("Saint Paul", "MN", "55101")
    assert result["specialties"] == [{"code": "207X00000X", "label": "Orthopaedic surgery"}]
    assert result["distance_miles"] == pytest.approx(12.33, abs=0.01)
    assert result["procedures"] == [{"code": "balloon-kyphoplasty", "label": "Balloon kyphoplasty"}]
    assert result["accepting_new_patients"] is True
    assert body["count_capped"] is False


def test_city_search_with_any_radius_up_to_the_maximum(client):
    PhysicianFactory()

    body = client.get(URL, {"near": "minneapolis, mn", "radius": "10.5"}).json()

    assert body["origin"]["label"] == "Minneapolis, MN"
    assert body["origin"]["zip"] is None
    assert body["radius"] == 10.5
    assert body["count"] == 1


def test_defaults_are_25_miles_and_page_1(client):
    body = client.get(URL, {"near": "55432"}).json()

    assert (body["radius"], body["page"], body["pages"], body["count"]) == (25, 1, 1, 0)
    assert body["results"] == []


def test_pages_hold_twenty(client):
    PhysicianFactory.create_batch(21)

    first = client.get(URL, {"near": "55432"}).json()
    second = client.get(URL, {"near": "55432", "page": "2"}).json()

    assert (len(first["results"]), len(second["results"])) == (20, 1)
    assert first["pages"] == second["pages"] == 2
    assert {r["npi"] for r in first["results"]}.isdisjoint(r["npi"] for r in second["results"])


def test_specialty_filter_and_unlisted_physicians(client):
    PhysicianFactory(last_name="Radiologist", specialties=[specialty("2085R0204X")])
    PhysicianFactory(last_name="Surgeon", specialties=[specialty("207X00000X")])
    PhysicianFactory(last_name="Unlisted", is_listed=False, specialties=[specialty("2085R0204X")])

    body = client.get(URL, {"near": "55432", "specialty": "2085R0204X"}).json()

    assert [r["name"].split()[-1] for r in body["results"]] == ["Radiologist"]


BAD_INPUT = [
    ({}, "near"),
    ({"near": ""}, "near"),
    ({"near": "1234"}, "near"),
    ({"near": "00000"}, "near"),
    ({"near": "Nowhereville, MN"}, "near"),
    ({"near": "x" * 101}, "near"),
    ({"near": "1; DROP TABLE physicians_physician"}, "near"),
    ({"near": "Ünïcödé, 東京"}, "near"),
    ({"near": "55432\x00"}, "near"),
    ({"near": "55432", "radius": "abc"}, "radius"),
    ({"near": "55432", "radius": "-5"}, "radius"),
    ({"near": "55432", "radius": "0"}, "radius"),
    ({"near": "55432", "radius": "100.5"}, "radius"),
    ({"near": "55432", "radius": "nan"}, "radius"),
    ({"near": "55432", "radius": "inf"}, "radius"),
    ({"near": "55432", "radius": "1e400"}, "radius"),
    ({"near": "55432", "specialty": "XXXXXXXXXX"}, "specialty"),
    ({"near": "55432", "specialty": "' OR '1'='1"}, "specialty"),
    ({"near": "55432", "specialty": "207x00000x"}, "specialty"),  # codes are exact
    ({"near": "55432", "specialty": "207X00000X\x00"}, "specialty"),
    ({"near": "55432", "specialty": "207X00000X "}, "specialty"),
    ({"near": "55432", "page": "0"}, "page"),
    ({"near": "55432", "page": "-1"}, "page"),
    ({"near": "55432", "page": "x"}, "page"),
    ({"near": "55432", "page": "1" * 40}, "page"),
    ({"near": "55432", "page": "2"}, "page"),
    ({"near": "55432", "procedure": "vertebroplasty"}, "procedure"),
    ({"near": "55432", "accepting_new_patients": "yes"}, "accepting_new_patients"),
    ({"near": "55432", "accepting_new_patients": "1"}, "accepting_new_patients"),
    ({"near": "55432", "name": "x" * 101}, "name"),
    ({"near": "55432", "name": "123456789"}, "name"),
    ({"near": "55432", "name": "1234567890"}, "name"),
    ({"lat": "44.9"}, "lng"),
    ({"lng": "-93.2"}, "lat"),
    ({"lat": "91", "lng": "-93.2"}, "lat"),
    ({"lat": "44.9", "lng": "-181"}, "lng"),
    ({"lat": "north", "lng": "-93.2"}, "lat"),
    ({"lat": "nan", "lng": "-93.2"}, "lat"),
    ({"near": "55432", "lat": "44.9", "lng": "-93.2"}, "near"),
]


@pytest.mark.parametrize(("params", "field"), BAD_INPUT)
def test_bad_input_is_a_400_naming_the_field(client, params, field):
    response = client.get(URL, params)
    body = response.json()

    assert response.status_code == 400
    assert set(body) == {"error", "field"}
    assert body["field"] == field
    assert body["error"]


def test_unknown_place_error_carries_suggestions(client):
    body = client.get(URL, {"near": "Minneapoliss, MN"}).json()

    assert "Did you mean: Minneapolis, MN" in body["error"]


def test_only_get_is_allowed(client):
    assert client.post(URL, {"near": "55432"}).status_code == 405


def test_openapi_describes_the_real_response(client):
    PhysicianFactory(specialties=[specialty()])
    document = client.get("/api/openapi.json").json()
    body = client.get(URL, {"near": "55432"}).json()
    error = client.get(URL, {"near": ""}).json()
    schemas = document["components"]["schemas"]

    assert document["openapi"].startswith("3.")
    operation = document["paths"]["/api/physicians/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == set(PARAMETERS)
    assert set(schemas["Error"]["properties"]["field"]["enum"]) == names | {None}
    assert set(schemas["SearchResult"]["required"]) == set(body)
    assert set(schemas["Origin"]["required"]) == set(body["origin"])
    assert set(schemas["Physician"]["required"]) == set(body["results"][0])
    assert set(schemas["Error"]["required"]) == set(error)
    specialty_parameter = next(p for p in operation["parameters"] if p["name"] == "specialty")
    assert "207X00000X" in specialty_parameter["schema"]["enum"]


def test_missing_place_says_near_or_lat_and_lng(client):
    body = client.get(URL, {}).json()

    assert body == {
        "error": "Send near (a ZIP code or 'City, ST'), or lat and lng.",
        "field": "near",
    }


def test_filters_by_procedure_new_patients_and_name(client):
    PhysicianFactory(last_name="Ames", performs_kyphoplasty=True)
    PhysicianFactory(last_name="Burke", performs_kyphoplasty=True, accepting_new_patients=False)
    PhysicianFactory(last_name="Cole", npi="1234567893")

    def names(**params):
        body = client.get(URL, {"near": "55432", **params}).json()
        return sorted(r["name"].split()[-1] for r in body["results"])

    assert names(procedure="balloon-kyphoplasty") == ["Ames", "Burke"]
    assert names(accepting_new_patients="true") == ["Ames", "Cole"]
    assert names(accepting_new_patients="false") == ["Ames", "Burke", "Cole"]
    assert names(procedure="balloon-kyphoplasty", accepting_new_patients="true") == ["Ames"]
    assert names(name="burk") == ["Burke"]
    assert names(name="1234567893") == ["Cole"]


def test_lat_and_lng_search_from_the_visitors_point(client):
    PhysicianFactory(last_name="Near", zip_code="55432")
    PhysicianFactory(last_name="Far", zip_code="10001", city="New York", state="NY")

    body = client.get(URL, {"lat": "45.095", "lng": "-93.2396", "radius": "10"}).json()

    assert body["origin"] == {
        "query": None,
        "label": "your location",
        "city": None,
        "state": None,
        "zip": None,
        "latitude": 45.095,
        "longitude": -93.2396,
    }
    assert [r["name"].split()[-1] for r in body["results"]] == ["Near"]
    assert body["results"][0]["distance_miles"] == pytest.approx(0.0, abs=0.01)
