"""
Great-circle geometry for the radius search, in plain Python.

Distances are haversine distances on a sphere of radius 3958.8 miles. The
database search needs three things from here: a bounding box to narrow the
rows an index has to visit, the latitude bands that box covers (the index's
leading column), and an exact test for "within the radius".

That test works on unit vectors, stored per physician: their dot product is
the cosine of the central angle between the two points, and the haversine of
that angle is (1 - cos) / 2. So "haversine distance <= r" is exactly
"dot >= cos(r / R)": three multiplications per row in SQL instead of five
trigonometric calls, which is what keeps a dense city's count cheap. Shown
distances go back through the haversine formula (`cos_angle_to_miles`).
"""

import math
from dataclasses import dataclass

EARTH_RADIUS_MILES = 3958.8
# Rows carry floor(latitude * BANDS_PER_DEGREE) as an indexed band number.
BANDS_PER_DEGREE = 10
# A margin far below GPS precision (about 0.6 inch) keeps floating-point
# rounding from dropping a physician who sits exactly on the box's edge.
EDGE_MARGIN_DEGREES = 1e-8


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def haversine_miles(a: Point, b: Point) -> float:
    """The reference distance: the haversine formula on Earth's mean radius."""
    phi1, phi2 = math.radians(a.latitude), math.radians(b.latitude)
    dphi = phi2 - phi1
    dlambda = math.radians(b.longitude - a.longitude)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def unit_vector(point: Point) -> tuple[float, float, float]:
    """The point on the unit sphere, as stored in the physician's ux/uy/uz columns."""
    phi, lam = math.radians(point.latitude), math.radians(point.longitude)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def min_cos_angle(miles: float) -> float:
    """Smallest dot product of unit vectors within `miles` (less a rounding margin)."""
    # 1e-15 is about a hundred-millionth of a mile at these radii.
    return math.cos(min(miles / EARTH_RADIUS_MILES, math.pi)) - 1e-15


def cos_angle_to_miles(cos_angle: float) -> float:
    """Haversine distance for a central angle given by its cosine: hav = (1 - cos) / 2."""
    haversine = min(1.0, max(0.0, (1 - cos_angle) / 2))
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(haversine))


def latitude_band(latitude: float) -> int:
    return math.floor(latitude * BANDS_PER_DEGREE)


@dataclass(frozen=True)
class BoundingBox:
    """Latitude and longitude limits of a circle; longitudes may wrap at ±180°."""

    min_latitude: float
    max_latitude: float
    # One or two (west, east) ranges: two when the circle crosses the antimeridian.
    longitude_ranges: tuple[tuple[float, float], ...]

    @property
    def bands(self) -> list[int]:
        return list(range(latitude_band(self.min_latitude), latitude_band(self.max_latitude) + 1))


def bounding_box(center: Point, miles: float) -> BoundingBox:
    """
    The smallest latitude/longitude box holding every point within `miles`.

    Longitude spread follows J. P. Matuschek, "Finding Points Within a Distance
    of a Latitude/Longitude Using Bounding Coordinates": it widens towards the
    poles, and a circle that reaches a pole spans every longitude.
    """
    angular = miles / EARTH_RADIUS_MILES
    lat = math.radians(center.latitude)
    min_lat, max_lat = lat - angular, lat + angular
    if min_lat <= -math.pi / 2 or max_lat >= math.pi / 2 or angular >= math.pi / 2:
        ranges = ((-180.0, 180.0),)
        min_lat, max_lat = max(min_lat, -math.pi / 2), min(max_lat, math.pi / 2)
    else:
        spread = math.degrees(math.asin(min(1.0, math.sin(angular) / math.cos(lat))))
        spread += EDGE_MARGIN_DEGREES
        west, east = center.longitude - spread, center.longitude + spread
        if west < -180:
            ranges = ((west + 360, 180.0), (-180.0, east))
        elif east > 180:
            ranges = ((west, 180.0), (-180.0, east - 360))
        else:
            ranges = ((west, east),)
    return BoundingBox(
        min_latitude=math.degrees(min_lat) - EDGE_MARGIN_DEGREES,
        max_latitude=math.degrees(max_lat) + EDGE_MARGIN_DEGREES,
        longitude_ranges=ranges,
    )
