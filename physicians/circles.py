"""
The finder's hot queries as SQL text: "within this circle", counted or sorted.

`PhysicianQuerySet.near()` says the same through the ORM, and everything else
uses it. A finder page needs the circle four or five times (the capped counts
of concentric circles, then the page), and compiling those querysets cost the
app server more CPU than PostgreSQL spent answering them. So the filters are
compiled once, and each circle is the same few conditions written out here.
The conditions are those of `near()` (same bounding box, bands and unit-vector
test, in the same arithmetic order, so rows tie and sort exactly as there), and
the search tests check the results against a brute-force haversine.
"""

from django.db import connection

from physicians.geometry import Point, bounding_box, min_cos_angle, unit_vector
from physicians.models import Physician

TABLE = connection.ops.quote_name(Physician._meta.db_table)


def _column(name: str) -> str:
    return f"{TABLE}.{connection.ops.quote_name(name)}"


def filters_sql(physicians) -> tuple[str, list]:
    """The WHERE clause of a physician queryset (listed, filtered), compiled once."""
    query = physicians.query
    return query.get_compiler(connection=connection).compile(query.where)


# The cosine of the angle from the origin: `near()`'s cos_angle, in its arithmetic order.
COS_ANGLE = f"({_column('ux')} * %s + {_column('uy')} * %s + {_column('uz')} * %s)"


def distance_order(point: Point) -> tuple[str, list]:
    """Nearest first, then by name: the ORDER BY of `near()`."""
    names = ", ".join(_column(name) for name in ("last_name", "first_name", "id"))
    return f"{COS_ANGLE} DESC, {names}", list(unit_vector(point))


def within(point: Point, miles: float) -> tuple[str, list]:
    """Conditions for "within `miles` of `point`", as `near()` writes them."""
    box = bounding_box(point, miles)
    bands = ", ".join(["%s"] * len(box.bands))
    longitudes = " OR ".join(
        f"{_column('longitude')} BETWEEN %s AND %s" for _ in box.longitude_ranges
    )
    x, y, z = unit_vector(point)
    sql = (
        f"{_column('lat_band')} IN ({bands}) AND ({longitudes}) "
        f"AND {_column('latitude')} BETWEEN %s AND %s "
        f"AND {COS_ANGLE} >= %s"
    )
    params = [*box.bands, *(edge for pair in box.longitude_ranges for edge in pair)]
    params += [box.min_latitude, box.max_latitude, x, y, z, min_cos_angle(miles)]
    return sql, params


def capped_counts(
    where: tuple[str, list], point: Point, radii: list[float], *, cap: int
) -> list[int]:
    """
    Physicians matching `where` (from `filters_sql`) within each of `radii`
    (largest first), each counted up to `cap`, in one query.

    Each count is an index-only scan that stops at `cap` (unordered, or
    PostgreSQL would sort the circle first). The circles are counted from the
    smallest out, and once one reaches `cap` the larger ones, which hold it, are
    not scanned at all: they are `cap` too. In a big city every circle is full,
    and this leaves one scan of `cap` entries instead of one per circle.
    """
    where_sql, where_params = where
    steps, params = [], []
    for number in reversed(range(len(radii))):
        circle, circle_params = within(point, radii[number])
        count = (
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM {TABLE} WHERE {where_sql} AND {circle} "
            f"LIMIT %s) AS circle)"
        )
        if steps:
            # The smaller circle's count decides whether this one is counted at all.
            steps.append(
                f"c{number}(n) AS (SELECT CASE WHEN (SELECT n FROM c{number + 1}) >= %s "
                f"THEN %s ELSE {count} END)"
            )
            params += [cap, cap]
        else:
            steps.append(f"c{number}(n) AS (SELECT {count})")
        params += [*where_params, *circle_params, cap]
    columns = ", ".join(f"(SELECT n FROM c{number})" for number in range(len(radii)))
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(steps)} SELECT {columns}", params)
        return list(cursor.fetchone())


def page_rows(where: tuple[str, list], point: Point, miles: float, *, offset: int, limit: int):
    """
    SQL for the physicians at positions offset..offset+limit within `miles`, in
    distance order: each row is the physician's columns, its `cos_angle`, then
    one of its specialties' columns (NULL for none), so a physician appears once
    per specialty, specialties by label.

    The inner query picks the page with an index-only sort; the outer one reads
    just those rows and their specialties. One query, where the ORM needed a
    compiled queryset for the page and another query for the specialties.
    """
    where_sql, where_params = where
    circle, circle_params = within(point, miles)
    order, order_params = distance_order(point)
    columns = ", ".join(_column(f.column) for f in Physician._meta.concrete_fields)
    through = Physician.specialties.through._meta.db_table
    specialty = Physician.specialties.field.related_model._meta
    q = connection.ops.quote_name
    specialty_columns = ", ".join(f"s.{q(f.column)}" for f in specialty.concrete_fields)
    sql = (
        f"SELECT {columns}, page.cos_angle, {specialty_columns} "
        f"FROM (SELECT {_column('id')} AS id, {COS_ANGLE} AS cos_angle, "
        f"{_column('last_name')} AS last_name, {_column('first_name')} AS first_name "
        f"FROM {TABLE} WHERE {where_sql} AND {circle} ORDER BY {order} LIMIT %s OFFSET %s) AS page "
        f"JOIN {TABLE} ON {_column('id')} = page.id "
        f"LEFT JOIN {q(through)} AS t ON t.{q('physician_id')} = page.id "
        f"LEFT JOIN {q(specialty.db_table)} AS s ON s.{q('code')} = t.{q('specialty_id')} "
        f"ORDER BY page.cos_angle DESC, page.last_name, page.first_name, page.id, "
        f"s.{q('label')}, s.{q('code')}"
    )
    params = [*unit_vector(point), *where_params, *circle_params, *order_params, limit, offset]
    return sql, params
