"""
Synthetic physicians for the finder benchmark, in a scratch database of their own.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_finder_10000 \\
        python -m benchmarks.finder_data --rows 10000

creates that database if missing, migrates it and loads exactly --rows
synthetic physicians, unless it already holds them (a million take minutes to
load, so later runs reuse them). Every synthetic row is marked as demo data and
has an NPI starting with 4, a prefix the NPI registry does not issue (real NPIs
start with 1 or 2), so the benchmark finds and replaces exactly its own rows,
and it refuses a database holding real physicians.
"""

import argparse
import io
import os
import random
import sys
import time
from collections.abc import Callable

NPI_PREFIX = "4"
BATCH_SIZE = 20_000
JITTER_DEGREES = 0.02  # about a mile: physicians cluster around, not on, ZIP centroids
FIRST_NAMES = ("Ada", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai")
LAST_NAMES = ("Abel", "Brandt", "Cho", "Diaz", "Ek", "Ford", "Gale", "Haas", "Ito", "Jain")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2012)
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.stderr.write("finder_data: set DATABASE_URL to a scratch PostgreSQL database\n")
        return 2
    create_database(url)
    os.environ.update(DJANGO_SETTINGS_MODULE="portal.settings", DEBUG="false")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return prepare(rows=args.rows, seed=args.seed)


def prepare(*, rows: int, seed: int) -> int:
    """Leave exactly `rows` synthetic physicians in the database; 2 if it holds real ones."""
    if real_physicians_exist():
        sys.stderr.write("finder_data: that database holds real physicians; use another\n")
        return 2
    if benchmark_rows().count() == rows:
        _say(f"{rows:,} synthetic physicians already loaded")
    else:
        delete_all()
        started = time.perf_counter()
        load(start=0, stop=rows, seed=seed, progress=_progress(rows))
        _say(f"\nLoaded {rows:,} rows in {time.perf_counter() - started:.0f}s")
    refresh_statistics()
    return 0


def create_database(url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    server, name = url.rsplit("/", 1)
    conn = psycopg2.connect(f"{server}/postgres")
    conn.autocommit = True  # CREATE DATABASE cannot run inside a transaction
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if not cursor.fetchone():
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        conn.close()


def benchmark_rows():
    from physicians.models import Physician

    return Physician.objects.filter(is_demo=True, npi__startswith=NPI_PREFIX)


def real_physicians_exist() -> bool:
    from physicians.models import Physician

    return Physician.objects.filter(is_demo=False).exists()


def zip_points() -> list:
    from physicians.geocoding import known_zips

    return known_zips()


def load(*, start: int, stop: int, seed: int, progress: Callable[[int], None]) -> None:
    """Create synthetic physicians numbered start..stop-1 (deterministic for a seed)."""
    from django.db import connection, transaction

    from physicians.models import Specialty

    zips = zip_points()
    bits = dict(Specialty.objects.values_list("code", "bit"))
    specialty_codes = sorted(bits)
    for batch_start in range(start, stop, BATCH_SIZE):
        rng = random.Random(f"{seed}:{batch_start}")
        batch = range(batch_start, min(stop, batch_start + BATCH_SIZE))
        physicians = [_physician(n, rng, zips) for n in batch]
        codes = [rng.choice(specialty_codes) for _ in batch]
        for physician, code in zip(physicians, codes, strict=True):
            # What the join table's trigger computes; set here, the trigger writes nothing.
            physician.specialty_bits = 1 << bits[code]
        write = _copy if connection.vendor == "postgresql" else _bulk_create
        with transaction.atomic():
            write(physicians, codes)
        progress(batch.stop - start)


def _bulk_create(physicians: list, codes: list[str]) -> None:
    """The ORM's way, for SQLite (the benchmark's own tests)."""
    from physicians.models import Physician

    through = Physician.specialties.through
    created = Physician.objects.bulk_create(physicians)
    through.objects.bulk_create(
        through(physician_id=p.pk, specialty_id=code)
        for p, code in zip(created, codes, strict=True)
    )


def _copy(physicians: list, codes: list[str]) -> None:
    """PostgreSQL COPY: the same rows as bulk_create, several times faster to load."""
    from django.db import connection
    from django.utils import timezone

    from physicians.models import Physician

    fields = [f for f in Physician._meta.concrete_fields if not f.primary_key and not f.generated]
    now = timezone.now().isoformat()
    lines = []
    for physician in physicians:
        values = []
        for f in fields:
            value = now if f.name in ("created_at", "updated_at") else getattr(physician, f.attname)
            if value is None:
                values.append(r"\N")  # COPY's NULL
            elif isinstance(value, bool):
                values.append("t" if value else "f")
            else:
                values.append(str(value))
        lines.append("\t".join(values))
    table = Physician._meta.db_table
    through = Physician.specialties.through._meta.db_table
    columns = ", ".join(f'"{f.column}"' for f in fields)
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


def _physician(n: int, rng: random.Random, zips: list):
    from physicians.models import Physician
    from physicians.npi import check_digit

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
        accepting_new_patients=rng.random() > 0.2,
        performs_kyphoplasty=rng.random() > 0.4,
        is_demo=True,
        latitude=place.point.latitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
        longitude=place.point.longitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
    )


def delete_all() -> int:
    """Delete the synthetic rows in two statements (the ORM would load a million objects)."""
    from django.db import connection, transaction

    from physicians.models import Physician

    ids_sql, params = benchmark_rows().values("pk").query.sql_with_params()
    through = Physician.specialties.through._meta.db_table
    table = Physician._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{through}" WHERE physician_id IN ({ids_sql})', params)
        cursor.execute(f'DELETE FROM "{table}" WHERE id IN ({ids_sql})', params)
        return cursor.rowcount


def refresh_statistics() -> None:
    """What autovacuum would do after a bulk load: statistics and the visibility map."""
    from django.db import connection

    from physicians.models import Physician

    tables = [Physician._meta.db_table, Physician.specialties.through._meta.db_table]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("ANALYZE")
            return
        # VACUUM cannot run in a transaction (the benchmark's own tests run in one).
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        for table in tables:
            cursor.execute(f'{command} "{table}"')


def _progress(total: int):
    started = time.perf_counter()

    def report(done: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-9)
        sys.stdout.write(f"\r  loading {done:,}/{total:,} rows ({rate:,.0f} rows/s)   ")
        sys.stdout.flush()

    return report


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
