"""Test geometry: points at a known distance, computed independently of physicians.geometry."""

import math

from physicians.geometry import EARTH_RADIUS_MILES, Point


def destination(origin: Point, miles: float, bearing: float) -> Point:
    """The point `miles` from origin along `bearing` degrees (spherical Earth)."""
    d, b = miles / EARTH_RADIUS_MILES, math.radians(bearing)
    lat1, lon1 = math.radians(origin.latitude), math.radians(origin.longitude)
    lat2 = math.asin(math.sin(lat1) * math.cos(d) + math.cos(lat1) * math.sin(d) * math.cos(b))
    lon2 = lon1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(lat1), math.cos(d) - math.sin(lat1) * math.sin(lat2)
    )
    return Point(math.degrees(lat2), (math.degrees(lon2) + 540) % 360 - 180)
