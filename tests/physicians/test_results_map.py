"""The map of a page of results: pins where the state outlines are, each a link to its result."""

import re
from pathlib import Path

import pytest

from physicians.results_map import project
from tests.html import tree
from tests.physicians.factories import PhysicianFactory

OUTLINES = Path(__file__).resolve().parents[2] / "physicians/static/physicians/img/us-states.svg"
URL = "/physician-finder/"


def state_box(name: str) -> tuple[float, float, float, float]:
    """The bounding box of a state's outline in the committed SVG."""
    svg = OUTLINES.read_text()
    path = re.search(rf'd="([^"]+)"><title>{name}</title>', svg)[1]
    points = [tuple(map(float, p.split(","))) for p in re.findall(r"[-\d.]+,[-\d.]+", path)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), max(xs), min(ys), max(ys)


@pytest.mark.parametrize(
    ("state", "name", "latitude", "longitude"),
    [
        ("MN", "Minnesota", 44.98, -93.27),
        ("NY", "New York", 42.65, -73.75),
        ("CA", "California", 34.05, -118.24),
        ("FL", "Florida", 25.76, -80.19),
        ("AK", "Alaska", 61.22, -149.9),
        ("HI", "Hawaii", 21.31, -157.86),
    ],
)
def test_pins_land_inside_their_states_outline(state, name, latitude, longitude):
    x, y = project(latitude, longitude, state)
    left, right, top, bottom = state_box(name)

    assert left < x < right and top < y < bottom


def test_territories_are_left_off_the_map():
    assert project(18.47, -66.11, "PR") is None


@pytest.mark.django_db
def test_each_pin_links_to_its_result_in_the_list(client, finder_page):
    PhysicianFactory(last_name="Near")
    PhysicianFactory(last_name="Across", zip_code="55101", city="Saint Paul")

    page = tree(client.get(URL, {"location": "55432"}))

    pins = page.xpath('//figure[@class="results-map"]//*[local-name()="a"]')
    assert [pin.get("href") for pin in pins] == ["#result-1", "#result-2"]
    for pin in pins:
        result = page.xpath(f'//li[@id="{pin.get("href")[1:]}"]')[0]
        assert result.xpath("h3")[0].text_content().split(",")[0] in pin.get("aria-label")
    assert page.xpath('//*[local-name()="use"]/@href')[0].endswith("us-states.svg#states")
