"""
One page of finder results: how many matched, and the physicians at that
page's positions in distance order.

Every query here is answered from the `physician_search` index alone, and none
of them reads more than a few thousand index entries however large the
directory or the radius, which keeps the 100-mile search from Manhattan as
quick as a small town's:

- **A capped exact count.** Counting stops at MAX_RESULTS + 1. Up to
  MAX_RESULTS the count is exact; past it the finder says "more than 500"
  and pages reach the nearest 500, which is 25 pages, more than anyone reads.
- **Page numbers without deep sorts.** When the count is capped, a page needs
  only the nearest `offset + 20` physicians. They all lie inside any circle
  that holds that many (everyone outside it is farther away than everyone
  inside), so the page is sorted from the smallest of a few concentric circles,
  counted (capped) in the same query as the total, that holds them. Where even
  the smallest circle holds more than MAX_RESULTS (a big city's centre at 100
  miles), two smaller ones are counted first rather than sorting its thousands.
- **Sorted in the index, read from the table twenty at a time.** The sort keys
  (distance, last name, first name, id) are all index columns, so the sort is an
  index-only scan and only the page's own twenty rows are read from the table,
  with their specialties, in the same query.
- **Little Python.** The counts and the page are SQL text (physicians.circles)
  turned into model instances directly: at 1M rows PostgreSQL answers a search
  in 2-5 ms, and building the same queries through the ORM (a queryset for the
  page, a prefetch for the specialties) cost the app server more than that.
"""

import math
from dataclasses import dataclass

from django.db import connection

from physicians import circles
from physicians.geocoding import Origin
from physicians.models import Physician, Specialty

PAGE_SIZE = 20
RADIUS_CHOICES = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
MAX_RADIUS = RADIUS_CHOICES[-1]
# Results reachable by paging (25 pages); counting stops one past it.
MAX_RESULTS = 500
# Circles counted per search: the radius, then a third of it, a ninth, a 27th. The
# smallest that holds a page's rows is sorted, so a page sorts little more than it needs.
PROBES = 4
SHRINK = 3
# When even the smallest circle holds more than MAX_RESULTS, this many smaller ones are counted.
DEEPER_PROBES = 2
# Past the last count, a page is read from a circle expected to hold this many times its rows.
# Density falls away from a city's centre, so the circle often holds less than expected and
# the page is read again from the next larger circle: at 1M rows that happened for 14 of 96
# dense-origin pages with 1.5 and for 3 with 3, while sorting twice the rows costs far less.
SPARE = 3


class PageOutOfRange(ValueError):
    def __init__(self, pages: int):
        super().__init__(f"There are {pages} pages of results.")
        self.pages = pages


@dataclass(frozen=True)
class Filters:
    """What narrows a radius search besides the place; the defaults narrow nothing."""

    specialty: Specialty | None = None
    accepting_new_patients: bool = False
    performs_kyphoplasty: bool = False
    name: str = ""

    def apply(self, physicians):
        if self.specialty is not None:
            physicians = physicians.offering(self.specialty)
        if self.accepting_new_patients:
            physicians = physicians.accepting_new_patients()
        if self.performs_kyphoplasty:
            physicians = physicians.performing_kyphoplasty()
        if self.name.strip():
            physicians = physicians.named(self.name)
        return physicians


@dataclass(frozen=True)
class ResultPage:
    origin: Origin
    miles: float
    filters: Filters
    count: int
    number: int
    pages: int
    physicians: list[Physician]
    # True when more than MAX_RESULTS matched: `count` is then MAX_RESULTS.
    capped: bool = False

    @property
    def specialty(self) -> Specialty | None:
        return self.filters.specialty

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
    *,
    origin: Origin,
    miles: float,
    specialty: Specialty | None = None,
    filters: Filters | None = None,
    page: int = 1,
) -> ResultPage:
    """Listed physicians within `miles` of `origin`, page `page` of 20, nearest first."""
    filters = filters or Filters(specialty=specialty)
    where = circles.filters_sql(filters.apply(Physician.objects.listed()))
    radii = [miles / SHRINK**step for step in range(PROBES)]
    point = getattr(origin, "point", origin)
    counts = circles.capped_counts(where, point, radii, cap=MAX_RESULTS + 1)
    sizes = list(zip(radii, counts, strict=True))
    found = counts[0]
    count = min(found, MAX_RESULTS)
    pages = max(1, math.ceil(count / PAGE_SIZE))
    if page < 1 or page > pages:
        raise PageOutOfRange(pages)
    offset = (page - 1) * PAGE_SIZE
    wanted = min(PAGE_SIZE, count - offset)
    physicians = []
    if wanted > 0:
        if sizes[-1][1] > MAX_RESULTS:
            # Crowded down to the smallest circle (a big city's centre at 100 miles, where
            # it can hold 6,000): count smaller ones rather than sort all of them.
            inner = [sizes[-1][0] / SHRINK**step for step in range(1, DEEPER_PROBES + 1)]
            counts = circles.capped_counts(where, point, inner, cap=MAX_RESULTS + 1)
            sizes += zip(inner, counts, strict=True)
        for radius in _radii(sizes, needed=offset + wanted):
            # Positions inside a circle holding `needed` are final: everyone outside is farther.
            physicians = _page_rows(where, point, radius, offset=offset, wanted=wanted)
            if len(physicians) == wanted:
                break
    return ResultPage(
        origin=origin,
        miles=miles,
        filters=filters,
        count=count,
        number=page,
        pages=pages,
        physicians=physicians,
        capped=found > MAX_RESULTS,
    )


def _radii(circles: list[tuple[float, int]], *, needed: int):
    """
    Circles to read a page from, best first. `circles` are (radius, count) from the
    largest down. The smallest circle holding `needed` physicians holds all of
    them, and holding at most MAX_RESULTS, it is cheap to sort. When it holds
    more, the circle inside it says how dense the centre is: first try the circle
    that density expects to hold `needed` with some to spare.
    """
    smallest = max(n for n, (_, count) in enumerate(circles) if count >= needed)
    radius, count = circles[smallest]
    if count > MAX_RESULTS and smallest + 1 < len(circles):
        inner, inner_count = circles[smallest + 1]
        yield min(radius, inner * math.sqrt(SPARE * needed / max(inner_count, 1)))
    yield radius


def _page_rows(where, point, radius: float, *, offset: int, wanted: int) -> list[Physician]:
    """
    The physicians at positions offset..offset+wanted within `radius`, in order,
    each with `cos_angle` and `specialty_list` (its specialties by label).

    One query of SQL text (circles.page_rows), turned into model instances here
    as the ORM would (with the database's value converters), for a fraction of
    the ORM's CPU: on a busy app server that CPU, not PostgreSQL, was most of a
    search's time.
    """
    sql, params = circles.page_rows(where, point, radius, offset=offset, limit=wanted)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    columns = Physician._meta.concrete_fields
    width, pk = len(columns), columns.index(Physician._meta.pk)
    specialty_pk = Specialty._meta.concrete_fields.index(Specialty._meta.pk)
    converters = _converters()
    physicians: list[Physician] = []
    for row in rows:
        if not physicians or physicians[-1].pk != row[pk]:
            values = list(row[:width])
            for index, column, convert in converters:
                values[index] = convert(values[index], column, connection)
            physician = Physician.from_db(connection.alias, None, values)
            physician.cos_angle = row[width]
            physician.specialty_list = []
            physicians.append(physician)
        specialty = row[width + 1 :]
        if specialty[specialty_pk] is not None:  # None: a physician without specialties
            physicians[-1].specialty_list.append(
                Specialty.from_db(connection.alias, None, specialty)
            )
    return physicians


_CONVERTERS: dict[str, list] = {}


def _converters() -> list[tuple]:
    """
    (column index, column, converter) for each Physician column whose raw value
    the ORM would convert on this database (SQLite's booleans and dates), in order.
    """
    if connection.vendor not in _CONVERTERS:
        found = []
        for index, field in enumerate(Physician._meta.concrete_fields):
            column = field.get_col(Physician._meta.db_table)
            for convert in connection.ops.get_db_converters(column) + column.get_db_converters(
                connection
            ):
                found.append((index, column, convert))
        _CONVERTERS[connection.vendor] = found
    return _CONVERTERS[connection.vendor]
