"""
Synthetic physicians for the finder benchmark, and their removal.

Every synthetic row is marked as demo data and has an NPI starting with 4, a
prefix the NPI registry does not issue (real NPIs start with 1 or 2), so the
benchmark can always find and delete exactly its own rows.
"""

import io
import random
import time
from collections.abc import Callable

from django.db import connection, transaction
from django.utils import timezone

from physicians.geocoding import known_zips
from physicians.models import Physician, Specialty
from physicians.npi import check_digit

NPI_PREFIX = "4"
BATCH_SIZE = 20_000
JITTER_DEGREES = 0.02  # about a mile: physicians cluster around, not on, ZIP centroids
FIRST_NAMES = ("Ada", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai")
LAST_NAMES = ("Abel", "Brandt", "Cho", "Diaz", "Ek", "Ford", "Gale", "Haas", "Ito", "Jain")


def benchmark_rows():
    return Physician.objects.filter(is_demo=True, npi__startswith=NPI_PREFIX)


def real_physicians_exist() -> bool:
    return Physician.objects.filter(is_demo=False).exists()


def zip_points() -> list:
    return known_zips()


def load(*, start: int, stop: int, seed: int, progress: Callable[[int], None]) -> None:
    """Create synthetic physicians numbered start..stop-1 (deterministic for a seed)."""
    zips = zip_points()
    specialty_codes = sorted(Specialty.objects.values_list("code", flat=True))
    write = _copy if connection.vendor == "postgresql" else _bulk_create
    for batch_start in range(start, stop, BATCH_SIZE):
        rng = random.Random(f"{seed}:{batch_start}")
        batch = range(batch_start, min(stop, batch_start + BATCH_SIZE))
        physicians = [_physician(n, rng, zips) for n in batch]
        codes = [rng.choice(specialty_codes) for _ in batch]
        with transaction.atomic():
            write(physicians, codes)
        progress(batch.stop - start)


def _bulk_create(physicians: list[Physician], codes: list[str]) -> None:
    Through = Physician.specialties.through
    created = Physician.objects.bulk_create(physicians)
    Through.objects.bulk_create(
        Through(physician_id=p.pk, specialty_id=code)
        for p, code in zip(created, codes, strict=True)
    )


COPY_FIELDS = [f for f in Physician._meta.concrete_fields if not f.primary_key and not f.generated]


def _copy(physicians: list[Physician], codes: list[str]) -> None:
    """PostgreSQL COPY: the same rows as bulk_create, several times faster to load."""
    now = timezone.now().isoformat()
    lines = []
    for physician in physicians:
        values = []
        for f in COPY_FIELDS:
            value = now if f.name in ("created_at", "updated_at") else getattr(physician, f.attname)
            values.append(("t" if value else "f") if isinstance(value, bool) else str(value))
        lines.append("\t".join(values))
    table = Physician._meta.db_table
    through = Physician.specialties.through._meta.db_table
    columns = ", ".join(f'"{f.column}"' for f in COPY_FIELDS)
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f'COPY "{table}" ({columns}) FROM STDIN', io.StringIO("\n".join(lines) + "\n")
        )
        cursor.execute(
            f'INSERT INTO "{through}" (physician_id, specialty_id) '
            f'SELECT p.id, c.code FROM "{table}" p '
            "JOIN unnest(%s::text[], %s::text[]) AS c(npi, code) ON c.npi = p.npi",
            [[p.npi for p in physicians], codes],
        )


def _physician(n: int, rng: random.Random, zips: list) -> Physician:
    place = rng.choice(zips)
    first_nine = f"{NPI_PREFIX}{n:08d}"
    return Physician(
        npi=first_nine + check_digit(first_nine),
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(LAST_NAMES),
        credentials="MD",
        practice_name="Benchmark Spine Center",
        address_line1=f"{n % 9000 + 100} Synthetic Way",
        city=place.city,
        state=place.state,
        zip_code=place.code,
        phone="555-555-0100",
        procedures="Balloon kyphoplasty",
        is_listed=rng.random() > 0.02,
        is_demo=True,
        latitude=place.point.latitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
        longitude=place.point.longitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
    )


def delete_all() -> int:
    """Delete the synthetic rows in two statements (the ORM would load a million objects)."""
    ids_sql, params = benchmark_rows().values("pk").query.sql_with_params()
    through = Physician.specialties.through._meta.db_table
    table = Physician._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{through}" WHERE physician_id IN ({ids_sql})', params)
        cursor.execute(f'DELETE FROM "{table}" WHERE id IN ({ids_sql})', params)
        return cursor.rowcount


def refresh_statistics() -> float:
    """What autovacuum would do after a bulk load: statistics and the visibility map."""
    started = time.perf_counter()
    table = Physician._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f'VACUUM ANALYZE "{table}"')
            cursor.execute(f'VACUUM ANALYZE "{Physician.specialties.through._meta.db_table}"')
        else:
            cursor.execute("ANALYZE")
    return time.perf_counter() - started
