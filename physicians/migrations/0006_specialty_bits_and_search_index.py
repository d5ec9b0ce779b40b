"""
Mirror each physician's specialties into `specialty_bits`, kept in step by
database triggers on the join table, and widen the search index so every
finder filter and the name order are answered from the index alone.

Triggers rather than save() or signals: the NPPES import, the admin, the
benchmark's COPY and raw SQL all write the join table, and the database is the
one place that sees every write (as it computes the generated search columns).
"""

import django.core.validators
from django.db import migrations, models

import physicians.models

THROUGH = "physicians_physician_specialties"
PHYSICIAN = "physicians_physician"
SPECIALTY = "physicians_specialty"

# Statement-level, so a COPY or bulk insert of many rows updates each physician once.
POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION physicians_specialty_bits_{{event}}() RETURNS trigger AS $$
BEGIN
    UPDATE {PHYSICIAN} AS p
    SET specialty_bits = bits.value
    FROM (
        SELECT changed.id, COALESCE(bit_or(1::bigint << s.bit), 0) AS value
        FROM ({{changed}}) AS changed
        LEFT JOIN {THROUGH} AS t ON t.physician_id = changed.id
        LEFT JOIN {SPECIALTY} AS s ON s.code = t.specialty_id
        GROUP BY changed.id
    ) AS bits
    WHERE p.id = bits.id AND p.specialty_bits IS DISTINCT FROM bits.value;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
"""
# Transition tables each event has, and the physicians they name.
POSTGRESQL_EVENTS = {
    "insert": ("NEW TABLE AS new_rows", "SELECT physician_id AS id FROM new_rows"),
    "delete": ("OLD TABLE AS old_rows", "SELECT physician_id AS id FROM old_rows"),
    "update": (
        "NEW TABLE AS new_rows OLD TABLE AS old_rows",
        "SELECT physician_id AS id FROM new_rows UNION SELECT physician_id FROM old_rows",
    ),
}
SQLITE_BITS = f"""
UPDATE {PHYSICIAN} SET specialty_bits = (
    SELECT COALESCE(SUM(1 << s.bit), 0) FROM {THROUGH} AS t
    JOIN {SPECIALTY} AS s ON s.code = t.specialty_id WHERE t.physician_id = {{row}}.physician_id
) WHERE id = {{row}}.physician_id;
"""


def create_triggers(apps, schema_editor):
    run = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        for event, (tables, changed) in POSTGRESQL_EVENTS.items():
            run(POSTGRESQL_FUNCTION.format(event=event, changed=changed))
            run(
                f"CREATE TRIGGER physicians_specialty_bits_{event} AFTER {event.upper()} "
                f"ON {THROUGH} REFERENCING {tables} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION physicians_specialty_bits_{event}()"
            )
    else:
        for event, rows in (("insert", ["NEW"]), ("delete", ["OLD"]), ("update", ["OLD", "NEW"])):
            body = "".join(SQLITE_BITS.format(row=row) for row in rows)
            run(
                f"CREATE TRIGGER physicians_specialty_bits_{event} AFTER {event.upper()} "
                f"ON {THROUGH} FOR EACH ROW BEGIN {body} END"
            )
    run(  # the physicians who have specialties already; SQL both databases read
        f"UPDATE {PHYSICIAN} SET specialty_bits = (SELECT SUM(CAST(1 AS BIGINT) << s.bit) "
        f"FROM {THROUGH} AS t JOIN {SPECIALTY} AS s ON s.code = t.specialty_id "
        f"WHERE t.physician_id = {PHYSICIAN}.id) "
        f"WHERE id IN (SELECT physician_id FROM {THROUGH})"
    )


def drop_triggers(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for event in POSTGRESQL_EVENTS:
        on_table = f" ON {THROUGH}" if postgresql else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS physicians_specialty_bits_{event}{on_table}")
        if postgresql:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS physicians_specialty_bits_{event}()")


def number_specialties(apps, schema_editor):
    Specialty = apps.get_model("physicians", "Specialty")
    for bit, specialty in enumerate(Specialty.objects.order_by("code")):
        specialty.bit = bit
        specialty.save(update_fields=["bit"])


class Migration(migrations.Migration):
    dependencies = [("physicians", "0005_curated_procedure_and_deactivation")]

    operations = [
        migrations.AddField(
            model_name="specialty",
            name="bit",
            field=models.PositiveSmallIntegerField(null=True, editable=False),
        ),
        migrations.RunPython(number_specialties, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="specialty",
            name="bit",
            field=models.PositiveSmallIntegerField(
                default=physicians.models.next_specialty_bit,
                editable=False,
                help_text="This specialty's bit in Physician.specialty_bits.",
                unique=True,
                validators=[django.core.validators.MaxValueValidator(62)],
            ),
        ),
        migrations.AddConstraint(
            model_name="specialty",
            constraint=models.CheckConstraint(
                condition=models.Q(bit__lte=62), name="specialty_bit_fits_64_bits"
            ),
        ),
        migrations.AddField(
            model_name="physician",
            name="specialty_bits",
            field=models.BigIntegerField(
                default=0,
                editable=False,
                help_text="Bit Specialty.bit is set for each of `specialties`; "
                "kept by the database.",
            ),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
        migrations.RemoveIndex(model_name="physician", name="physician_search"),
        migrations.AddIndex(
            model_name="physician",
            index=models.Index(
                condition=models.Q(is_listed=True),
                fields=[
                    "lat_band",
                    "longitude",
                    "latitude",
                    "ux",
                    "uy",
                    "uz",
                    "specialty_bits",
                    "accepting_new_patients",
                    "performs_kyphoplasty",
                    "last_name",
                    "first_name",
                    "id",
                ],
                name="physician_search",
            ),
        ),
    ]
