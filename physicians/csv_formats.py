"""
The two CSV layouts `import_physicians` reads, one row at a time.

NPPES: CMS's NPI data dissemination file, one row per NPI with ~330 columns, of
which the finder reads names, credential, practice location, phone, the 15
taxonomy codes and the deactivation and reactivation dates.

Portal: the finder's own layout, for curated lists (see PORTAL_COLUMNS).

A parser returns a Record to upsert, a Deactivation to apply to a physician
the directory holds, a Skip for a valid row the finder does not want (an
organisation, a military address, a ZIP code without coordinates), or raises
RowError for a malformed row, with the reason the import report shows next to
its line number.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from physicians.geocoding import fill_coordinates
from physicians.npi import validate_npi
from physicians.states import STATES

TAXONOMY_SLOTS = range(1, 16)
NPPES = {
    "npi": "NPI",
    "entity": "Entity Type Code",
    "last_name": "Provider Last Name (Legal Name)",
    "first_name": "Provider First Name",
    "credentials": "Provider Credential Text",
    "line1": "Provider First Line Business Practice Location Address",
    "line2": "Provider Second Line Business Practice Location Address",
    "city": "Provider Business Practice Location Address City Name",
    "state": "Provider Business Practice Location Address State Name",
    "zip": "Provider Business Practice Location Address Postal Code",
    "country": "Provider Business Practice Location Address Country Code (If outside U.S.)",
    "phone": "Provider Business Practice Location Address Telephone Number",
    "deactivated": "NPI Deactivation Date",
    "reactivated": "NPI Reactivation Date",
    **{f"taxonomy_{n}": f"Healthcare Provider Taxonomy Code_{n}" for n in TAXONOMY_SLOTS},
}
NPPES_REQUIRED = ("npi", "entity", "last_name", "first_name", "line1", "city", "state", "zip")

PORTAL_COLUMNS = (
    "npi",
    "first_name",
    "last_name",
    "credentials",
    "practice_name",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "zip_code",
    "phone",
    "specialties",
    "procedures",
    "accepting_new_patients",
    "listed",
    "latitude",
    "longitude",
)
PORTAL_REQUIRED = ("npi", "first_name", "last_name", "address_line1", "city", "state", "zip_code")
TEXT_FIELDS = ("credentials", "practice_name", "address_line2", "phone", "procedures")
TRUE, FALSE = {"yes", "y", "true", "1", "x"}, {"no", "n", "false", "0", ""}


class RowError(ValueError):
    """A row that cannot be imported; the message is the reason shown to the importer."""


@dataclass(frozen=True)
class Skip:
    reason: str


@dataclass
class Record:
    npi: str
    fields: dict
    # None leaves an existing physician's specialties as they are.
    specialties: set[str] | None = None
    # Values only a newly created physician gets.
    new_defaults: dict = field(default_factory=dict)
    # When NPPES reactivated the NPI (its row then also sets deactivated_on to None).
    reactivated_on: date | None = None


@dataclass(frozen=True)
class Deactivation:
    """NPPES deactivated this NPI: a physician we hold is unlisted (import_batches.py)."""

    npi: str
    on: date


# APO/FPO/DPO mail goes through these "states" and ZIP prefixes, not to a place a patient can go.
MILITARY_STATES = {"AA", "AE", "AP"}
MILITARY_ZIP_PREFIXES = ("340", *(f"09{n}" for n in range(10)), "962", "963", "964", "965", "966")
MILITARY = "military address (APO/FPO/DPO)"
NO_COORDINATES = "ZIP code without coordinates"


def parse_nppes(row: dict, *, specialty_codes: set[str]) -> Record | Deactivation | Skip:
    """One NPPES row. New NPPES physicians arrive unlisted: listing is opt-in.

    A deactivated NPI's row is blank apart from the NPI and the date, so it is
    recognised before anything else is read.
    """
    deactivated, reactivated = _activation(row.get("deactivated", ""), row.get("reactivated", ""))
    if deactivated:
        return Deactivation(npi=_npi(row["npi"]), on=deactivated)
    entity = row["entity"].strip()
    if entity == "2":
        return Skip("organization (entity type 2)")
    if entity != "1":
        raise RowError(f"Entity Type Code must be 1 or 2, not {entity!r}")
    npi = _npi(row["npi"])
    country = row.get("country", "").strip().upper()
    if country not in ("", "US"):
        return Skip("practice outside the US")
    codes = {row.get(f"taxonomy_{n}", "").strip() for n in TAXONOMY_SLOTS} & specialty_codes
    if not codes:
        return Skip("no finder specialty")
    fields = _address(
        unknown_zip=Skip(NO_COORDINATES),
        first_name=tidy_case(_required(row, "first_name", "Provider First Name")),
        last_name=tidy_case(_required(row, "last_name", "Provider Last Name")),
        line1=tidy_case(_required(row, "line1", "practice address")),
        line2=tidy_case(row.get("line2", "").strip()),
        city=tidy_case(_required(row, "city", "practice city")),
        state=row["state"],
        zip_code=row["zip"],
    )
    if isinstance(fields, Skip):
        return fields
    fields["credentials"] = row.get("credentials", "").strip()
    fields["phone"] = format_phone(row.get("phone", ""))
    fields["is_demo"] = False
    fields["deactivated_on"] = None
    return Record(
        npi=npi,
        fields=fields,
        specialties=codes,
        new_defaults={"is_listed": False},
        reactivated_on=reactivated,
    )


def parse_portal(row: dict, *, specialty_codes: set[str]) -> Record | Skip:
    """One row of the portal's CSV; columns left out of the file are left alone.

    A curated row's ZIP code must be known unless the row gives coordinates: a
    typo there is the data manager's to fix, not a row to drop quietly.
    """
    npi = _npi(row["npi"])
    placed = bool(row.get("latitude", "").strip() or row.get("longitude", "").strip())
    fields = _address(
        unknown_zip=None if placed else RowError,
        first_name=_required(row, "first_name", "first_name"),
        last_name=_required(row, "last_name", "last_name"),
        line1=_required(row, "address_line1", "address_line1"),
        line2=row.get("address_line2", "").strip(),
        city=_required(row, "city", "city"),
        state=row["state"],
        zip_code=row["zip_code"],
    )
    if isinstance(fields, Skip):
        return fields
    if "address_line2" not in row:
        del fields["address_line2"]
    for name in TEXT_FIELDS:
        if name in row:
            fields[name] = row[name].strip()
    if "phone" in row:
        fields["phone"] = format_phone(row["phone"])
    if "accepting_new_patients" in row:
        fields["accepting_new_patients"] = _boolean(row, "accepting_new_patients", default=True)
    if "listed" in row:
        fields["is_listed"] = _boolean(row, "listed", default=True)
    if placed:
        fields["latitude"], fields["longitude"] = _coordinates(row)
    fields["is_demo"] = False
    specialties = None
    if "specialties" in row:
        specialties = {code.strip() for code in row["specialties"].split(";") if code.strip()}
        unknown = specialties - specialty_codes
        if unknown:
            raise RowError(f"unknown specialty code {', '.join(sorted(unknown))}")
    return Record(npi=npi, fields=fields, specialties=specialties)


def _npi(value: str) -> str:
    value = value.strip()
    try:
        validate_npi(value)
    except Exception as exc:
        raise RowError(f"NPI {value!r}: {exc.messages[0]}") from None
    return value


def _required(row: dict, key: str, label: str) -> str:
    value = row.get(key, "").strip()
    if not value:
        raise RowError(f"{label} is empty")
    return value


def _address(
    *, unknown_zip, first_name, last_name, line1, line2, city, state, zip_code
) -> dict | Skip:
    """Validated address fields, placed at the ZIP code's centroid.

    A military address is a Skip: the finder cannot place it. A ZIP code the
    ZIP data has no coordinates for is `unknown_zip`: a Skip to return, RowError
    to raise, or None when the row brings its own coordinates.
    """
    state = state.strip().upper()
    digits = zip_code.strip().replace("-", "")
    well_formed = digits.isascii() and digits.isdigit() and len(digits) in (5, 9)
    if state in MILITARY_STATES or (well_formed and digits.startswith(MILITARY_ZIP_PREFIXES)):
        return Skip(MILITARY)
    if state not in STATES:
        raise RowError(f"state {state!r} is not a US state or territory code")
    if not well_formed:
        raise RowError(f"ZIP code {zip_code.strip()!r} is not 5 or 9 digits")
    fields = {
        "first_name": first_name,
        "last_name": last_name,
        "address_line1": line1,
        "address_line2": line2,
        "city": city,
        "state": state,
        "zip_code": digits if len(digits) == 5 else f"{digits[:5]}-{digits[5:]}",
    }
    if not fill_coordinates(fields, digits):
        if unknown_zip is RowError:
            raise RowError(f"ZIP code {digits[:5]} is not in the ZIP code data")
        if unknown_zip is not None:
            return unknown_zip
    return fields


def _coordinates(row: dict) -> tuple[float, float]:
    try:
        latitude, longitude = float(row["latitude"]), float(row["longitude"])
    except (KeyError, ValueError):
        raise RowError("latitude and longitude must both be decimal numbers") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise RowError("latitude or longitude is out of range")
    return latitude, longitude


def _boolean(row: dict, key: str, *, default: bool) -> bool:
    value = row[key].strip().casefold()
    if value == "":
        return default
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise RowError(f"{key} must be yes or no, not {row[key].strip()!r}")


def _activation(deactivated: str, reactivated: str) -> tuple[date | None, date | None]:
    """(deactivation date, reactivation date), of which at most one is set: an NPI is
    deactivated unless reactivated on or after its deactivation date."""
    if not deactivated.strip():
        return None, None
    off = _date(deactivated)
    on = _date(reactivated) if reactivated.strip() else None
    return (off, None) if on is None or on < off else (None, on)


def _date(value: str) -> date:
    try:
        return datetime.strptime(value.strip(), "%m/%d/%Y").date()
    except ValueError:
        raise RowError(f"date {value.strip()!r} is not MM/DD/YYYY") from None


def format_phone(value: str) -> str:
    """NPPES stores 6125550100; patients read 612-555-0100."""
    digits = "".join(c for c in value if c.isascii() and c.isdigit())
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return value.strip()


def tidy_case(value: str) -> str:
    """NPPES writes names and addresses in capitals; patients read Title Case."""
    if not value.isupper():
        return value
    words = []
    for word in value.split():
        if word in KEEP_UPPER:
            words.append(word)
            continue
        letters = list(word.lower())
        for i, char in enumerate(letters):
            if char.isalpha() and (i == 0 or letters[i - 1] in "'-("):
                letters[i] = char.upper()
        words.append("".join(letters))
    return " ".join(words)


KEEP_UPPER = {"NE", "NW", "SE", "SW", "PO", "II", "III", "IV", "LLC", "PC", "PA", "MD", "DO"}
