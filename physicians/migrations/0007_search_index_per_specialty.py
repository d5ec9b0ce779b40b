"""
One partial search index per specialty, on PostgreSQL.

With the specialty as a bit test inside `physician_search`, a search for one
specialty still walks the entries of every specialty: about twelve times the
entries of its results. A partial index holding only that specialty's listed
physicians walks its own. The planner picks it because the search's condition,
``(specialty_bits & 4) = 4``, is exactly the index's predicate.

A specialty a data manager adds later has no index of its own until a
migration adds one (``python manage.py migrate physicians 0006`` then back up
to here recreates the set); its searches use `physician_search`, correct and
somewhat slower. SQLite, for development, does without.
"""

from django.db import migrations

COLUMNS = (
    "lat_band, longitude, latitude, ux, uy, uz, accepting_new_patients, performs_kyphoplasty, "
    "last_name, first_name, id"
)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Specialty = apps.get_model("physicians", "Specialty")
    for bit in Specialty.objects.values_list("bit", flat=True):
        mask = 1 << bit
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS physician_search_s{bit} ON physicians_physician "
            f"({COLUMNS}) WHERE is_listed AND (specialty_bits & {mask}) = {mask}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for bit in range(63):
        schema_editor.execute(f"DROP INDEX IF EXISTS physician_search_s{bit}")


class Migration(migrations.Migration):
    dependencies = [("physicians", "0006_specialty_bits_and_search_index")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
