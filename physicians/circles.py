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


def distance_order(point: Point) -> tuple[str, list]:
    """Nearest first, then by name: the ORDER BY of `near()`."""
    x, y, z = unit_vector(point)
    cos_angle = f"({_column('ux')} * %s + {_column('uy')} * %s + {_column('uz')} * %s)"
    names = ", ".join(_column(name) for name in ("last_name", "first_name", "id"))
    return f"{cos_angle} DESC, {names}", [x, y, z]


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
        f"AND ({_column('ux')} * %s + {_column('uy')} * %s + {_column('uz')} * %s) >= %s"
    )
    params = [*box.bands, *(edge for pair in box.longitude_ranges for edge in pair)]
    params += [box.min_latitude, box.max_latitude, x, y, z, min_cos_angle(miles)]
    return sql, params


def capped_counts(physicians, point: Point, radii: list[float], *, cap: int) -> list[int]:
    """
    Physicians within each radius, each counted up to `cap`, in one query.

    Each count is an index-only scan that stops at `cap` (unordered, or
    PostgreSQL would sort the circle first).
    """
    where, params = filters_sql(physicians)
    parts, all_params = [], []
    for number, radius in enumerate(radii):
        circle, circle_params = within(point, radius)
        parts.append(
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM {TABLE} WHERE {where} AND {circle} "
            f"LIMIT %s) AS circle_{number})"
        )
        all_params += [*params, *circle_params, cap]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), all_params)
        return list(cursor.fetchone())


def page_ids(physicians, point: Point, miles: float, *, offset: int, limit: int):
    """
    SQL selecting the ids at positions offset..offset+limit within `miles`, in
    distance order: an index-only sort, for `Physician.objects.filter(pk__in=...)`.
    """
    where, params = filters_sql(physicians)
    circle, circle_params = within(point, miles)
    order, order_params = distance_order(point)
    sql = (
        f"SELECT {_column('id')} FROM {TABLE} WHERE {where} AND {circle} "
        f"ORDER BY {order} LIMIT %s OFFSET %s"
    )
    return sql, [*params, *circle_params, *order_params, limit, offset]
