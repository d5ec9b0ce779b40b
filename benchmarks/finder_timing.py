"""
What `make bench-finder` measures: the finder's query kinds through HTTP, and
the same searches as a naive haversine scan in the database.

A *kind* is one combination of the origin's density (a dense metro ZIP or a
sparse rural one), the radius (25 or 100 miles), the specialty filter (none or
one) and the page (the first, the middle one, the last). Each kind is timed
from several origins, one keep-alive client sending one request at a time.
"""

import http.client
import json
import math
import random
import statistics
import sys
import time
from urllib.parse import urlencode

# Metro centres where listings are densest, and rural ZIPs far from any city.
ORIGINS = {
    "dense": ["10001", "60601", "90012", "19103", "02108", "20001", "94103", "07030"],
    "sparse": ["59301", "82801", "69101", "58601", "89301", "88201", "97720", "79830"],
}
RADII = (25, 100)
PAGES = ("first", "middle", "last")
API = "/api/physicians/"


def kind_name(density: str, miles: int, specialty: bool, page: str) -> str:
    return f"{density} {miles} mi {'specialty' if specialty else 'any'} {page}"


def get_json(connection: http.client.HTTPConnection, path: str) -> dict:
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}: {body[:200]!r}")
    return json.loads(body)


def plan(connection, *, seed: int) -> list[dict]:
    """Every (kind, request path) to time, with each search's page count read from page 1."""
    codes = get_json(connection, "/api/openapi.json")["paths"][API]["get"]["parameters"]
    codes = next(p for p in codes if p["name"] == "specialty")["schema"]["enum"]
    rng = random.Random(seed)
    requests = []
    for density, zips in ORIGINS.items():
        for code in zips:
            for miles in RADII:
                for specialty in (False, True):
                    params = {"near": code, "radius": miles}
                    if specialty:
                        params["specialty"] = rng.choice(codes)
                    first = get_json(connection, f"{API}?{urlencode(params)}")
                    numbers = {"first": 1, "middle": max(1, first["pages"] // 2)}
                    numbers["last"] = first["pages"]
                    for page in PAGES:
                        path = f"{API}?{urlencode({**params, 'page': numbers[page]})}"
                        requests.append(
                            {
                                "kind": kind_name(density, miles, specialty, page),
                                "path": path,
                                "count": first["count"],
                                "offset": (numbers[page] - 1) * 20,
                                "near": code,
                                "radius": miles,
                                "specialty": params.get("specialty"),
                            }
                        )
    return requests


FLOOR = {"kind": "floor: /api/openapi.json", "path": "/api/openapi.json"}


def measure(
    connection, requests: list[dict], *, rounds: int, repeat: int, seed: int, cpu_ms
) -> dict:
    """
    Per kind, p50 and p95 in each round; reported as their medians over the rounds.
    The floor, the API's cheapest answer (one small query), shows what the machine
    and the request stack cost before any search; `cpu_ms()` is the server's CPU time.
    """
    rng = random.Random(seed)
    per_round, cpu = [], []
    kinds = list(dict.fromkeys(r["kind"] for r in [*requests, FLOOR]))
    for number in range(1, rounds + 1):
        order = [r for r in [*requests, FLOOR, FLOOR] for _ in range(repeat)]
        rng.shuffle(order)
        cpu_before = cpu_ms()
        samples: dict[str, list[float]] = {}
        for request in order:
            started = time.perf_counter()
            get_json(connection, request["path"])
            samples.setdefault(request["kind"], []).append((time.perf_counter() - started) * 1000)
        cpu.append((cpu_ms() - cpu_before) / len(order))
        per_round.append({kind: percentiles(values) for kind, values in samples.items()})
        worst = max(p["p95_ms"] for kind, p in per_round[-1].items() if kind != FLOOR["kind"])
        _say(f"    round {number}: worst kind p95 {worst:.1f} ms, {cpu[-1]:.1f} ms CPU a request")
    result = {
        kind: {
            key: round(statistics.median(r[kind][key] for r in per_round), 2)
            for key in ("p50_ms", "p95_ms")
        }
        for kind in kinds
    }
    return {"kinds": result, "server_cpu_ms_per_request": round(statistics.median(cpu), 1)}


def percentiles(values: list[float]) -> dict:
    ordered = sorted(values)

    def at(p: int) -> float:
        return ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)]

    return {"p50_ms": statistics.median(ordered), "p95_ms": at(95)}


def naive_times(requests: list[dict], *, per_kind: int) -> dict:
    """
    The textbook query for the same searches, in the database (Django set up by the
    caller): a haversine for every listed row, the specialty through the join table,
    count, then sort every match for the page.
    """
    from django.db.models import F, prefetch_related_objects
    from django.db.models.functions import ASin, Cos, Radians, Sin, Sqrt

    from physicians.geocoding import geocode
    from physicians.geometry import EARTH_RADIUS_MILES
    from physicians.models import Physician

    by_kind: dict[str, list[dict]] = {}
    for request in requests:
        by_kind.setdefault(request["kind"], []).append(request)
    result = {}
    for kind, chosen in by_kind.items():
        times = []
        for request in chosen[:per_kind]:
            point = geocode(request["near"]).point
            lat, lon = point.latitude, point.longitude
            half_dlat = Radians(F("latitude") - lat) / 2
            half_dlon = Radians(F("longitude") - lon) / 2
            h = Sin(half_dlat) * Sin(half_dlat) + math.cos(math.radians(lat)) * Cos(
                Radians(F("latitude"))
            ) * Sin(half_dlon) * Sin(half_dlon)
            rows = Physician.objects.listed()
            if request["specialty"]:
                rows = rows.filter(specialties__code=request["specialty"])
            within = rows.annotate(distance=2 * EARTH_RADIUS_MILES * ASin(Sqrt(h))).filter(
                distance__lte=request["radius"]
            )
            started = time.perf_counter()
            within.count()
            offset = request["offset"]
            ordered = within.order_by("distance", "last_name", "first_name", "pk")
            page = list(ordered[offset : offset + 20])
            prefetch_related_objects(page, "specialties")
            times.append((time.perf_counter() - started) * 1000)
        result[kind] = {k: round(v, 2) for k, v in percentiles(times).items()}
    return result


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def naive_main(argv) -> int:
    """python -m benchmarks.finder_timing PLAN.json PER_KIND: naive timings as JSON on stdout."""
    import os

    os.environ.update(DJANGO_SETTINGS_MODULE="portal.settings", DEBUG="false")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    import django

    django.setup()
    with open(argv[0]) as handle:
        requests = json.load(handle)
    sys.stdout.write(json.dumps(naive_times(requests, per_kind=int(argv[1]))) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(naive_main(sys.argv[1:]))
