"""Great-circle helpers: reference distances, bounding boxes and the unit-vector test."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from physicians.geometry import (
    EARTH_RADIUS_MILES,
    Point,
    bounding_box,
    cos_angle_to_miles,
    haversine_miles,
    latitude_band,
    min_cos_angle,
    unit_vector,
)
from tests.physicians.spherical import destination

latitudes = st.floats(-80, 80)
longitudes = st.floats(-180, 180)
radii = st.floats(0.1, 100)


def test_known_distances():
    minneapolis, saint_paul = Point(44.9778, -93.2650), Point(44.9537, -93.0900)
    new_york, los_angeles = Point(40.7128, -74.0060), Point(34.0522, -118.2437)

    assert haversine_miles(minneapolis, saint_paul) == pytest.approx(8.7, abs=0.05)
    assert haversine_miles(new_york, los_angeles) == pytest.approx(2445.6, abs=1)
    assert haversine_miles(new_york, new_york) == 0


def test_a_degree_of_latitude_is_about_69_miles():
    one_degree = haversine_miles(Point(10, 20), Point(11, 20))

    assert one_degree == pytest.approx(EARTH_RADIUS_MILES * math.pi / 180)


@given(latitudes, longitudes, radii, st.floats(0, 360), st.floats(0, 1))
def test_bounding_box_holds_every_point_of_the_circle(lat, lon, miles, bearing, fraction):
    origin = Point(lat, lon)
    point = destination(origin, miles * fraction, bearing)
    box = bounding_box(origin, miles)

    assert box.min_latitude <= point.latitude <= box.max_latitude
    assert latitude_band(point.latitude) in box.bands
    assert any(west <= point.longitude <= east for west, east in box.longitude_ranges)


def test_box_near_the_antimeridian_wraps_around():
    box = bounding_box(Point(52.0, -179.5), 100)  # west of Adak, Alaska

    assert len(box.longitude_ranges) == 2
    assert box.longitude_ranges[0][1] == 180.0
    assert box.longitude_ranges[1][0] == -180.0


def dot(a: Point, b: Point) -> float:
    return sum(p * q for p, q in zip(unit_vector(a), unit_vector(b), strict=True))


@given(latitudes, longitudes, latitudes, longitudes)
def test_unit_vector_distance_is_the_haversine_distance(lat1, lon1, lat2, lon2):
    a, b = Point(lat1, lon1), Point(lat2, lon2)

    assert cos_angle_to_miles(dot(a, b)) == pytest.approx(haversine_miles(a, b), abs=1e-4)


@given(latitudes, longitudes, radii, st.floats(0, 360), st.floats(0, 2))
def test_cosine_limit_separates_inside_from_outside(lat, lon, miles, bearing, fraction):
    origin = Point(lat, lon)
    point = destination(origin, miles * fraction, bearing)
    distance = haversine_miles(origin, point)
    assume(abs(distance - miles) > 1e-6)

    assert (dot(origin, point) >= min_cos_angle(miles)) == (distance <= miles)
