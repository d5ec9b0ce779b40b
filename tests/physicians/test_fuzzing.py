"""
Property tests: whatever a visitor or a client sends, the finder answers 200 or
400, never 500, and never returns a physician outside the radius.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from physicians.geometry import Point, haversine_miles
from tests.html import tree
from tests.physicians.factories import PhysicianFactory, specialty

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
plausible = st.sampled_from(
    ["55432", "55432-1234", "10001", "Minneapolis, MN", "new york, ny", "99999", "Springfield"]
)
numbers = st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True)).map(str)
values = st.one_of(st.text(max_size=150), plausible, numbers, st.sampled_from(["5", "25", "100"]))


@pytest.fixture
def physicians(db):
    PhysicianFactory.create_batch(3, specialties=[specialty()])
    PhysicianFactory(zip_code="55101", city="Saint Paul", specialties=[specialty("2085R0204X")])
    PhysicianFactory(zip_code="10001", city="New York", state="NY")
    PhysicianFactory(zip_code="55432", is_listed=False)


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["near", "radius", "specialty", "page"]), values))
def test_api_answers_200_or_400_and_stays_inside_the_radius(client, physicians, params):
    response = client.get("/api/physicians/", params)

    assert response.status_code in (200, 400)
    body = response.json()
    if response.status_code == 400:
        assert set(body) == {"error", "field"}
        return
    origin = Point(body["origin"]["latitude"], body["origin"]["longitude"])
    for result in body["results"]:
        assert result["distance_miles"] <= body["radius"] + 0.005
        point = Point(result["latitude"], result["longitude"])
        assert haversine_miles(origin, point) <= body["radius"] + 1e-6


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["location", "radius", "specialty", "page"]), values))
def test_finder_page_answers_200_or_400_and_stays_inside_the_radius(
    client, finder_page, physicians, params
):
    response = client.get("/physician-finder/", params)

    assert response.status_code in (200, 400)
    page = tree(response)
    if response.status_code == 400:
        assert page.xpath('//div[@class="error-summary"]')
        return
    heading = " ".join(page.xpath('string(//*[@id="results-heading"])').split())
    if heading:
        radius = int(re.search(r"within (\d+) miles", heading).group(1))
        for distance in page.xpath('//p[@class="physician__distance"]/text()'):
            assert float(distance.split()[0]) <= radius
