"""
A map of one page of finder results: pins over the US state outlines, drawn as SVG.

The outlines are a static file, physicians/static/physicians/img/us-states.svg,
generated once from the U.S. Census Bureau's cartographic boundaries (public
domain, via the us-atlas npm package) in d3's "Albers USA" projection at scale
1300 on a 975 x 610 canvas: the lower 48 states in an equal-area conic
projection, Alaska and Hawaii as insets. Pins are projected here the same way,
server-side, so the page needs no script, no tiles and nothing from another host.
The map zooms to the page's pins and the search origin; the list stays the
primary view and each pin is a link to its entry in the list.
"""

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 975, 610
SCALE, TRANSLATE = 1300, (487.5, 305)
# Nothing on a map zoomed further than this: a few city blocks around one practice.
MIN_SPAN = 24
MARGIN = 0.15


@dataclass(frozen=True)
class _Conic:
    """d3.geoConicEqualArea: rotated by `rotate` degrees, centred on `center`."""

    parallels: tuple[float, float]
    rotate: float
    center: tuple[float, float]
    scale: float
    translate: tuple[float, float]

    def raw(self, longitude: float, latitude: float) -> tuple[float, float]:
        y0, y1 = (math.radians(p) for p in self.parallels)
        n = (math.sin(y0) + math.sin(y1)) / 2
        c = 1 + math.sin(y0) * (2 * n - math.sin(y0))
        r0 = math.sqrt(c) / n
        r = math.sqrt(max(0.0, c - 2 * n * math.sin(math.radians(latitude)))) / n
        x = math.radians(longitude) * n
        return r * math.sin(x), r0 - r * math.cos(x)

    def __call__(self, latitude: float, longitude: float) -> tuple[float, float]:
        rotated = (longitude + self.rotate + 180) % 360 - 180
        px, py = self.raw(rotated, latitude)
        cx, cy = self.raw(*self.center)
        tx, ty = self.translate
        return tx + self.scale * (px - cx), ty - self.scale * (py - cy)


LOWER_48 = _Conic((29.5, 45.5), 96, (-0.6, 38.7), SCALE, TRANSLATE)
ALASKA = _Conic(
    (55, 65),
    154,
    (-2, 58.5),
    SCALE * 0.35,
    (TRANSLATE[0] - 0.307 * SCALE, TRANSLATE[1] + 0.201 * SCALE),
)
HAWAII = _Conic(
    (8, 18), 157, (-3, 19.9), SCALE, (TRANSLATE[0] - 0.205 * SCALE, TRANSLATE[1] + 0.212 * SCALE)
)
# Territories (PR, GU, ...) are not on the outline map: their results are in the list only.
NOT_MAPPED = {"AS", "FM", "GU", "MH", "MP", "PW", "PR", "VI"}


def project(latitude: float, longitude: float, state: str = "") -> tuple[float, float] | None:
    """Where a point lands on the outline map; None off it."""
    if state in NOT_MAPPED:
        return None
    projection = {"AK": ALASKA, "HI": HAWAII}.get(state, LOWER_48)
    x, y = projection(latitude, longitude)
    return (x, y) if 0 <= x <= WIDTH and 0 <= y <= HEIGHT else None


@dataclass(frozen=True)
class Pin:
    number: int  # the result's position in the list
    x: float
    y: float
    physician: object


@dataclass(frozen=True)
class ResultsMap:
    view_box: str
    pin_radius: float
    pins: list[Pin]
    origin: tuple[float, float] | None


def results_map(results) -> ResultsMap | None:
    """The map for a ResultPage, or None when none of its physicians can be placed on it."""
    pins = []
    for number, physician in enumerate(results.physicians, start=results.start_index):
        spot = project(physician.latitude, physician.longitude, physician.state)
        if spot:
            pins.append(Pin(number, round(spot[0], 2), round(spot[1], 2), physician))
    if not pins:
        return None
    point = results.origin.point
    origin = project(point.latitude, point.longitude, results.origin.state)
    xs = [p.x for p in pins] + ([origin[0]] if origin else [])
    ys = [p.y for p in pins] + ([origin[1]] if origin else [])
    width = max(max(xs) - min(xs), (max(ys) - min(ys)) * WIDTH / HEIGHT, MIN_SPAN)
    width *= 1 + 2 * MARGIN
    height = width * HEIGHT / WIDTH
    left = (max(xs) + min(xs) - width) / 2
    top = (max(ys) + min(ys) - height) / 2
    return ResultsMap(
        view_box=f"{left:.2f} {top:.2f} {width:.2f} {height:.2f}",
        pin_radius=round(width / 80, 2),
        pins=pins,
        origin=(round(origin[0], 2), round(origin[1], 2)) if origin else None,
    )
