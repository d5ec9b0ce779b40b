"""Writing small NPPES-format and portal-format CSV files for import tests."""

import csv
from pathlib import Path

from physicians.csv_formats import NPPES, PORTAL_COLUMNS

# A few of the real file's other ~300 columns, which the import must ignore.
OTHER_NPPES_COLUMNS = [
    "Replacement NPI",
    "Employer Identification Number (EIN)",
    "Provider Organization Name (Legal Business Name)",
    "Provider Middle Name",
    "Provider Name Prefix Text",
    "Provider First Line Business Mailing Address",
    "Provider Enumeration Date",
    "Last Update Date",
    "Provider Gender Code",
    *(f"Healthcare Provider Primary Taxonomy Switch_{n}" for n in range(1, 16)),
]
NPPES_HEADER = (
    [NPPES["npi"], NPPES["entity"], *OTHER_NPPES_COLUMNS[:3]]
    + [name for key, name in NPPES.items() if key not in ("npi", "entity")]
    + OTHER_NPPES_COLUMNS[3:]
)


def nppes_row(**overrides) -> dict:
    """An individual orthopaedic surgeon practising in ZIP 55432, in NPPES's spelling."""
    row = dict.fromkeys(NPPES_HEADER, "")
    row.update(
        {
            NPPES["npi"]: "1234567893",
            NPPES["entity"]: "1",
            NPPES["last_name"]: "O'NEIL-SMITH",
            NPPES["first_name"]: "MARY",
            NPPES["credentials"]: "M.D.",
            NPPES["line1"]: "123 MAIN ST NE",
            NPPES["line2"]: "STE 200",
            NPPES["city"]: "MINNEAPOLIS",
            NPPES["state"]: "MN",
            NPPES["zip"]: "554321234",
            NPPES["country"]: "US",
            NPPES["phone"]: "6125550100",
            NPPES["taxonomy_1"]: "207X00000X",
            NPPES["taxonomy_2"]: "390200000X",  # a student: not a finder specialty
            "Healthcare Provider Primary Taxonomy Switch_1": "Y",
        }
    )
    row.update({NPPES.get(key, key): value for key, value in overrides.items()})
    return row


def write_nppes(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=NPPES_HEADER, quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(rows)
    return path


def portal_row(**overrides) -> dict:
    row = {
        "npi": "1234567893",
        "first_name": "Mary",
        "last_name": "Smith",
        "credentials": "MD",
        "practice_name": "Smith Spine Care",
        "address_line1": "123 Main St NE",
        "address_line2": "",
        "city": "Minneapolis",
        "state": "MN",
        "zip_code": "55432",
        "phone": "612-555-0100",
        "specialties": "207X00000X;2085R0204X",
        "procedures": "Balloon kyphoplasty",
        "accepting_new_patients": "yes",
        "listed": "yes",
        "latitude": "",
        "longitude": "",
    }
    row.update(overrides)
    return row


def write_portal(path: Path, rows: list[dict], columns=PORTAL_COLUMNS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path
