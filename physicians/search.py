"""
One page of finder results: the count, and the physicians at that page's
positions in distance order.

Counting needs every listed physician within the radius, but a page needs only
its own twenty. In a dense area (thousands within 25 miles of Manhattan) the
page query therefore starts with the smaller circle that, at the area's average
density, would hold the page several times over, and widens it only if it
came up short. Positions inside a smaller circle are final: everyone outside
it is farther away than everyone inside. So the page costs about the same in
Manhattan as in a small town, and only the index-only count grows with density.
"""

import math
from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from physicians.geocoding import Origin
from physicians.models import Physician, Specialty

PAGE_SIZE = 20
RADIUS_CHOICES = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
MAX_RADIUS = RADIUS_CHOICES[-1]
# Below this many results the whole circle is cheap enough to sort at once.
SMALL_RESULT_COUNT = 200
# The first smaller circle holds this many times the rows needed, at average density.
AREA_SPARE = 4


class PageOutOfRange(ValueError):
    def __init__(self, pages: int):
        super().__init__(f"There are {pages} pages of results.")
        self.pages = pages


@dataclass(frozen=True)
class ResultPage:
    origin: Origin
    miles: float
    specialty: Specialty | None
    count: int
    number: int
    pages: int
    physicians: list[Physician]

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def start_index(self) -> int:
        """Position of the first result on this page, counting from 1."""
        return (self.number - 1) * PAGE_SIZE + 1 if self.count else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.physicians) - 1 if self.physicians else 0

    @property
    def next_radius(self) -> int | None:
        """The next larger radius to suggest when nothing was found."""
        return next((r for r in RADIUS_CHOICES if r > self.miles), None)


def find_physicians(
    *, origin: Origin, miles: float, specialty: Specialty | None = None, page: int = 1
) -> ResultPage:
    """Listed physicians within `miles` of `origin`, page `page` of 20, nearest first."""
    listed = Physician.objects.listed()
    if specialty is not None:
        listed = listed.offering(specialty)
    nearby = listed.near(origin, miles)
    count = nearby.count()
    pages = max(1, math.ceil(count / PAGE_SIZE))
    if page < 1 or page > pages:
        raise PageOutOfRange(pages)
    offset = (page - 1) * PAGE_SIZE
    physicians = _page_rows(listed, nearby, origin, miles, count=count, offset=offset)
    prefetch_related_objects(physicians, "specialties")
    return ResultPage(
        origin=origin,
        miles=miles,
        specialty=specialty,
        count=count,
        number=page,
        pages=pages,
        physicians=physicians,
    )


def _page_rows(listed, nearby, origin: Origin, miles: float, *, count: int, offset: int) -> list:
    wanted = min(PAGE_SIZE, count - offset)
    if wanted <= 0:
        return []
    needed = offset + wanted
    radius = miles
    if count > SMALL_RESULT_COUNT:
        radius = miles * math.sqrt(min(1.0, AREA_SPARE * needed / count))
    while radius < miles:
        rows = list(listed.near(origin, radius)[offset : offset + wanted])
        if len(rows) == wanted:
            return rows
        radius *= 2
    return list(nearby[offset : offset + wanted])
