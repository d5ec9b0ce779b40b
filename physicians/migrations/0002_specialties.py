"""
Seed the NUCC taxonomy codes of the specialties that perform vertebral
augmentation, with labels patients understand. Data managers can add more in
the admin; the NPPES import keeps only codes listed here.
"""

from django.db import migrations

SPECIALTIES = [
    ("207X00000X", "Orthopaedic surgery"),
    ("207XS0117X", "Orthopaedic spine surgery"),
    ("207T00000X", "Neurological surgery"),
    ("2085R0204X", "Interventional radiology"),
    ("2085N0700X", "Neuroradiology"),
    ("2085R0202X", "Diagnostic radiology"),
    ("208VP0014X", "Interventional pain medicine"),
    ("208VP0000X", "Pain medicine"),
    ("207LP2900X", "Pain medicine (anesthesiology)"),
    ("2081P2900X", "Pain medicine (physical medicine and rehabilitation)"),
    ("2084P2900X", "Pain medicine (neurology)"),
    ("208100000X", "Physical medicine and rehabilitation"),
]


def seed(apps, schema_editor):
    Specialty = apps.get_model("physicians", "Specialty")
    for code, label in SPECIALTIES:
        Specialty.objects.get_or_create(code=code, defaults={"label": label})


def unseed(apps, schema_editor):
    Specialty = apps.get_model("physicians", "Specialty")
    Specialty.objects.filter(code__in=[code for code, _ in SPECIALTIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("physicians", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
