"""
Fictitious physicians for the demo site, spread over real ZIP centroids.

Everything about them is made up and marked: `is_demo` is set (the finder
labels them), names are drawn from short lists, phone numbers use the 555-01xx
range set aside for fiction, streets are "Example" streets, and NPIs come from
the 30000xxxxx range with valid check digits. The same seed always gives the
same physicians, and nothing is loaded if demo physicians already exist.
"""

import random

import zipcodes
from django.db import transaction

from physicians.geocoding import known_zips
from physicians.models import Physician, Specialty
from physicians.npi import check_digit

DEMO_COUNT = 300
DEMO_SEED = 2012
# A few physicians in and around these cities, so the demo has busy areas too.
CITY_ZIPS = [
    "55432",
    "10001",
    "60601",
    "90012",
    "77002",
    "85004",
    "19103",
    "78205",
    "92101",
    "75201",
    "98101",
    "02108",
    "30303",
    "33130",
    "80202",
]
PER_CITY = 4
FIRST_NAMES = [
    "Avery",
    "Blake",
    "Casey",
    "Dana",
    "Emerson",
    "Finley",
    "Harper",
    "Jordan",
    "Kendall",
    "Logan",
    "Morgan",
    "Parker",
    "Quinn",
    "Reese",
    "Riley",
    "Rowan",
    "Sage",
    "Skyler",
    "Taylor",
]
LAST_NAMES = [
    "Ashford",
    "Brightwater",
    "Calloway",
    "Delacroix",
    "Ellsworth",
    "Fairbanks",
    "Greystone",
    "Hollister",
    "Ingram",
    "Juniper",
    "Kingsley",
    "Lockwood",
    "Merriweather",
    "Northcott",
    "Oakhurst",
    "Pennington",
    "Quimby",
    "Redfield",
    "Sterling",
    "Thornbury",
    "Underhill",
    "Vance",
    "Whitlock",
    "Yardley",
]
STREETS = ["Example Street", "Sample Avenue", "Demo Boulevard", "Placeholder Road", "Fictional Way"]
CREDENTIALS = ("MD", "MD", "DO")
PRACTICE_KINDS = ("Spine Center", "Pain Institute", "Orthopaedic Clinic", "Radiology Associates")
SPECIALTY_CODES = ("207X00000X", "207XS0117X", "207T00000X", "2085R0204X", "208VP0014X")


def load_demo_physicians(*, count: int = DEMO_COUNT, seed: int = DEMO_SEED) -> int:
    """Create `count` demo physicians unless some exist; returns how many were created."""
    if Physician.objects.filter(is_demo=True).exists():
        return 0
    rng = random.Random(seed)
    places = [z for z in known_zips() if z.state not in ("AS", "FM", "GU", "MH", "MP", "PW")]
    by_code = {z.code: z for z in places}
    anchors = [by_code[code] for code in CITY_ZIPS for _ in range(PER_CITY)]
    chosen = anchors + rng.sample(places, max(0, count - len(anchors)))
    specialties = {s.code: s for s in Specialty.objects.filter(code__in=SPECIALTY_CODES)}
    physicians = [_physician(n, place, rng) for n, place in enumerate(chosen[:count])]
    with transaction.atomic():
        Physician.objects.bulk_create(physicians)
        Through = Physician.specialties.through
        Through.objects.bulk_create(
            Through(physician_id=physician.pk, specialty_id=code)
            for physician in physicians
            for code in rng.sample(sorted(specialties), rng.choice((1, 1, 2)))
        )
    return len(physicians)


def _physician(n: int, place, rng: random.Random) -> Physician:
    first_nine = f"30000{n:04d}"
    city = place.city
    area_codes = zipcodes.matching(place.code)[0]["area_codes"] or ["555"]
    return Physician(
        npi=first_nine + check_digit(first_nine),
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(LAST_NAMES),
        credentials=rng.choice(CREDENTIALS),
        practice_name=f"{city} {rng.choice(PRACTICE_KINDS)} (Demo)",
        address_line1=f"{rng.randrange(100, 9900)} {rng.choice(STREETS)}",
        city=city,
        state=place.state,
        zip_code=place.code,
        phone=f"{area_codes[0]}-555-01{rng.randrange(100):02d}",
        procedures="Balloon kyphoplasty",
        accepting_new_patients=rng.random() < 0.85,
        is_listed=rng.random() < 0.95,
        # Two in three confirmed by the (fictitious) data manager; not drawn from `rng`, so
        # the other fields stay what they were before the flag existed.
        performs_kyphoplasty=n % 3 != 2,
        is_demo=True,
        latitude=place.point.latitude,
        longitude=place.point.longitude,
    )
