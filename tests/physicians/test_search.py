"""
Radius search: exact distances, nothing missing, nearest first then by name,
pages that agree with a full sort, and unlisted physicians never returned.
"""

import math
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from physicians import circles
from physicians.geocoding import geocode
from physicians.geometry import Point, haversine_miles
from physicians.models import Physician
from physicians.search import MAX_RESULTS, PAGE_SIZE, Filters, PageOutOfRange, find_physicians
from tests.physicians.factories import PhysicianFactory, specialty
from tests.physicians.spherical import destination

pytestmark = pytest.mark.django_db

MINNEAPOLIS = geocode("55432")


def place(points, **fields) -> list[Physician]:
    """Physicians at `points`, created in one query."""
    physicians = [
        PhysicianFactory.build(latitude=p.latitude, longitude=p.longitude, **fields) for p in points
    ]
    return Physician.objects.bulk_create(physicians)


def scatter(origin: Point, count: int, max_miles: float, seed: int = 1) -> list[Point]:
    rng = random.Random(seed)
    return [
        destination(origin, rng.uniform(0, max_miles), rng.uniform(0, 360)) for _ in range(count)
    ]


def brute_force(origin: Point, miles: float) -> list[Physician]:
    """The reference answer: every listed physician, measured one by one in Python."""
    rows = Physician.objects.filter(is_listed=True)
    within = [p for p in rows if haversine_miles(origin, p.point) <= miles]
    return sorted(
        within, key=lambda p: (haversine_miles(origin, p.point), p.last_name, p.first_name, p.pk)
    )


def test_distances_match_the_reference_haversine():
    place(scatter(MINNEAPOLIS.point, 60, 40))

    results = list(Physician.objects.listed().near(MINNEAPOLIS, 50))

    assert results
    for physician in results:
        reference = haversine_miles(MINNEAPOLIS.point, physician.point)
        assert physician.distance_miles == pytest.approx(reference, abs=0.1)
        assert abs(physician.distance_miles - reference) < 1e-4


def test_nothing_within_the_radius_is_missing_and_nothing_outside_is_found():
    place(scatter(MINNEAPOLIS.point, 150, 60, seed=2))

    for miles in (5, 10, 25, 50):
        found = {p.npi for p in Physician.objects.listed().near(MINNEAPOLIS, miles)}
        assert found == {p.npi for p in brute_force(MINNEAPOLIS.point, miles)}


def test_nearest_first_then_by_last_and_first_name():
    here = MINNEAPOLIS.point
    near = destination(here, 1, 90)
    place([here], first_name="Zed", last_name="Young")
    place([near], first_name="Amy", last_name="Baker")
    place([near], first_name="Ann", last_name="Adams")
    place([near], first_name="Abe", last_name="Adams")

    names = [p.full_name for p in Physician.objects.listed().near(MINNEAPOLIS, 5)]

    assert names == ["Zed Young", "Abe Adams", "Ann Adams", "Amy Baker"]


def test_unlisted_physicians_are_never_found():
    place([MINNEAPOLIS.point], last_name="Listed")
    place([MINNEAPOLIS.point], last_name="Unlisted", is_listed=False)

    page = find_physicians(origin=MINNEAPOLIS, miles=100)

    assert [p.last_name for p in page.physicians] == ["Listed"]
    assert page.count == 1


def test_specialty_narrows_the_search():
    surgeon, radiologist = specialty("207X00000X"), specialty("2085R0204X")
    PhysicianFactory(last_name="Bone", specialties=[surgeon])
    PhysicianFactory(last_name="Both", specialties=[surgeon, radiologist])
    PhysicianFactory(last_name="Scan", specialties=[radiologist])

    page = find_physicians(origin=MINNEAPOLIS, miles=25, specialty=radiologist)

    assert [p.last_name for p in page.physicians] == ["Both", "Scan"]
    assert page.count == 2


@pytest.mark.parametrize(
    "layout",
    [
        pytest.param([(450, 25)], id="dense-and-even"),
        pytest.param([(20, 3), (400, 24)], id="sparse-centre-busy-edge"),
        pytest.param([(5, 2), (300, 25), (100, 60)], id="too-few-near-the-centre"),
    ],
)
def test_every_page_agrees_with_a_full_sort(layout):
    # More results than SMALL_RESULT_COUNT, so pages are read from smaller circles.
    for seed, (count, max_miles) in enumerate(layout):
        place(scatter(MINNEAPOLIS.point, count, max_miles, seed=seed))
    expected = [p.npi for p in brute_force(MINNEAPOLIS.point, 25)]

    first = find_physicians(origin=MINNEAPOLIS, miles=25)
    paged = [p.npi for n in range(1, first.pages + 1) for p in _page(n)]

    assert first.count == len(expected)
    assert first.pages == math.ceil(len(expected) / PAGE_SIZE)
    assert paged == expected


def _page(number):
    page = find_physicians(origin=MINNEAPOLIS, miles=25, page=number)
    assert len(page.physicians) <= PAGE_SIZE
    return page.physicians


def test_pages_past_the_last_are_refused():
    place(scatter(MINNEAPOLIS.point, 25, 10))

    assert len(find_physicians(origin=MINNEAPOLIS, miles=25, page=2).physicians) == 5
    with pytest.raises(PageOutOfRange) as caught:
        find_physicians(origin=MINNEAPOLIS, miles=25, page=3)
    assert caught.value.pages == 2
    with pytest.raises(PageOutOfRange):
        find_physicians(origin=MINNEAPOLIS, miles=25, page=0)


def test_no_results_is_page_one_of_one_and_suggests_a_wider_radius():
    page = find_physicians(origin=MINNEAPOLIS, miles=25)

    assert (page.count, page.pages, page.physicians) == (0, 1, [])
    assert page.next_radius == 50


def test_a_page_takes_two_queries_specialties_included(django_assert_max_num_queries):
    surgeon, radiologist = specialty("207X00000X"), specialty("2085R0204X")
    PhysicianFactory(last_name="Both", specialties=[surgeon, radiologist])
    PhysicianFactory(last_name="None", specialties=[])
    PhysicianFactory(last_name="One", specialties=[radiologist])
    place(scatter(MINNEAPOLIS.point, 30, 20))

    with django_assert_max_num_queries(2):
        page = find_physicians(origin=MINNEAPOLIS, miles=25)
        shown = {p.last_name: [s.label for s in p.specialty_list] for p in page.physicians}

    # The same specialties, in the same order (by label), as the join table gives.
    for physician in page.physicians:
        assert [s.label for s in physician.specialty_list] == [
            s.label for s in physician.specialties.order_by("label", "code")
        ]
    assert shown["Both"] == sorted([surgeon.label, radiologist.label])
    assert shown["None"] == []
    assert [p.last_name for p in page.physicians].count("Both") == 1


def degrees(low, high):
    return st.floats(low, high).map(lambda value: round(value, 6))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    # Coordinates to a millionth of a degree (4 inches), as geocoded data has.
    origin=st.builds(Point, degrees(-60, 70), degrees(-180, 180)),
    miles=st.sampled_from([5, 10, 25, 50, 100]),
    spots=st.lists(st.tuples(degrees(0, 2), degrees(0, 360)), min_size=1, max_size=15),
)
def test_any_origin_finds_exactly_the_physicians_within_the_radius(origin, miles, spots):
    Physician.objects.all().delete()
    points = [destination(origin, miles * fraction, bearing) for fraction, bearing in spots]
    place(points)
    edge = {
        p.npi
        for p in Physician.objects.all()
        if abs(haversine_miles(origin, p.point) - miles) < 1e-6
    }

    found = list(Physician.objects.listed().near(origin, miles))

    assert all(p.distance_miles <= miles + 1e-6 for p in found)
    assert {p.npi for p in found} - edge == {p.npi for p in brute_force(origin, miles)} - edge


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL query plans")
def test_postgresql_searches_through_the_search_index():
    place(scatter(MINNEAPOLIS.point, 300, 30))
    with CaptureQueriesContext(connection) as executed:
        find_physicians(origin=MINNEAPOLIS, miles=25)
    searches = [q["sql"] for q in executed if "cos_angle" in q["sql"] or "COUNT(" in q["sql"]]
    with connection.cursor() as cursor:
        # A test table is tiny, so the planner would rightly read it whole: ask
        # whether the index *can* answer each query, which is what matters at scale.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plans = []
        for sql in searches:
            cursor.execute(f"EXPLAIN {sql}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))

    assert len(plans) >= 2  # the count and at least one page query
    for plan in plans:
        assert "physician_search" in plan
        assert "Seq Scan" not in plan


def test_more_than_a_thousand_matches_count_a_thousand_and_pages_agree_with_a_full_sort():
    # Many physicians share a ZIP centroid in real data: ties in distance, broken by name.
    spots = scatter(MINNEAPOLIS.point, 60, 20, seed=7)
    place([spots[n % len(spots)] for n in range(MAX_RESULTS + 100)])
    expected = [p.npi for p in brute_force(MINNEAPOLIS.point, 25)][:MAX_RESULTS]

    first = find_physicians(origin=MINNEAPOLIS, miles=25)

    assert (first.count, first.capped, first.pages) == (MAX_RESULTS, True, MAX_RESULTS // PAGE_SIZE)
    for number in (1, 2, 17, first.pages - 1, first.pages):
        start = (number - 1) * PAGE_SIZE
        assert [p.npi for p in _page(number)] == expected[start : start + PAGE_SIZE]
    with pytest.raises(PageOutOfRange):
        find_physicians(origin=MINNEAPOLIS, miles=25, page=first.pages + 1)


def _ring(origin: Point, count: int, inner: float, outer: float, *, spots: int, seed: int):
    """`count` points between `inner` and `outer` miles, on `spots` places: many ties."""
    rng = random.Random(seed)
    places = [
        destination(origin, rng.uniform(inner, outer), rng.uniform(0, 360)) for _ in range(spots)
    ]
    return [places[n % spots] for n in range(count)]


def _queries_for_page(number, miles):
    with CaptureQueriesContext(connection) as executed:
        page = find_physicians(origin=MINNEAPOLIS, miles=miles, page=number)
    return page, len(executed.captured_queries)


def test_a_crowded_centre_counts_smaller_circles_and_pages_agree_with_a_full_sort():
    # 600 within 1.1 miles: the 100-mile search's smallest circle (3.7 miles) holds more
    # than 500, so two smaller circles are counted before any page is sorted.
    place(_ring(MINNEAPOLIS.point, 200, 0, 0.3, spots=40, seed=11))
    place(_ring(MINNEAPOLIS.point, 400, 0.5, 1.1, spots=80, seed=12))
    place(scatter(MINNEAPOLIS.point, 50, 100, seed=13))
    expected = [p.npi for p in brute_force(MINNEAPOLIS.point, 100)][:MAX_RESULTS]

    for number in range(1, MAX_RESULTS // PAGE_SIZE + 1):
        page, queries = _queries_for_page(number, 100)
        start = (number - 1) * PAGE_SIZE
        assert [p.npi for p in page.physicians] == expected[start : start + PAGE_SIZE]
        assert page.capped
        # The counts, the smaller circles' counts, the page (read again if it fell short).
        assert queries == 3 if number == 1 else queries in (3, 4)


def test_a_page_is_read_again_when_its_expected_circle_holds_too_few():
    # Dense in the middle, then a ring: the middle's density predicts the last page's 500
    # within about 2.1 miles, but 2.1 miles hold 300, so the page is read from 2.8 miles.
    place(_ring(MINNEAPOLIS.point, 300, 0, 0.9, spots=50, seed=21))
    place(_ring(MINNEAPOLIS.point, 300, 2.3, 2.7, spots=50, seed=22))
    expected = [p.npi for p in brute_force(MINNEAPOLIS.point, 25)][:MAX_RESULTS]

    last, last_queries = _queries_for_page(MAX_RESULTS // PAGE_SIZE, 25)
    first, first_queries = _queries_for_page(1, 25)

    assert [p.npi for p in last.physicians] == expected[-PAGE_SIZE:]
    assert [p.npi for p in first.physicians] == expected[:PAGE_SIZE]
    assert (first_queries, last_queries) == (2, 3)  # the last page was read twice
    for number in (2, 12, 15, 16, 24):
        start = (number - 1) * PAGE_SIZE
        assert [p.npi for p in _page(number)] == expected[start : start + PAGE_SIZE]


@pytest.mark.parametrize("cap", [1, 5, 40, 1000])
def test_each_circle_is_counted_up_to_the_cap(cap):
    # Counted from the smallest circle out; the larger ones are skipped once one is full.
    place(scatter(MINNEAPOLIS.point, 60, 30, seed=5))
    place([MINNEAPOLIS.point], last_name="Unlisted", is_listed=False)
    radii = [30, 10, 3, 1, 0.3]
    where = circles.filters_sql(Physician.objects.listed())

    counts = circles.capped_counts(where, MINNEAPOLIS.point, radii, cap=cap)

    assert counts == [min(cap, len(brute_force(MINNEAPOLIS.point, r))) for r in radii]


def test_a_thousand_matches_or_fewer_are_counted_exactly():
    place(scatter(MINNEAPOLIS.point, 30, 20))

    page = find_physicians(origin=MINNEAPOLIS, miles=25)

    assert (page.count, page.capped) == (30, False)


def test_the_specialty_filter_follows_every_change_to_a_physicians_specialties():
    surgeon, radiologist = specialty("207X00000X"), specialty("2085R0204X")
    physician = PhysicianFactory(last_name="Moves", specialties=[surgeon])

    def found(chosen):
        return [
            p.last_name
            for p in find_physicians(origin=MINNEAPOLIS, miles=25, specialty=chosen).physicians
        ]

    assert (found(surgeon), found(radiologist)) == (["Moves"], [])
    physician.specialties.add(radiologist)
    assert (found(surgeon), found(radiologist)) == (["Moves"], ["Moves"])
    physician.specialties.remove(surgeon)
    assert (found(surgeon), found(radiologist)) == ([], ["Moves"])
    Physician.specialties.through.objects.filter(physician=physician).delete()
    assert found(radiologist) == []
    physician.specialties.set([surgeon, radiologist])
    radiologist.delete()
    assert found(surgeon) == ["Moves"]


def test_a_new_specialty_gets_its_own_bit():
    from physicians.models import Specialty

    added = Specialty.objects.create(code="2086S0129X", label="Vascular surgery")
    PhysicianFactory(last_name="Vessel", specialties=[added])
    PhysicianFactory(last_name="Other", specialties=[specialty()])

    page = find_physicians(origin=MINNEAPOLIS, miles=25, specialty=added)

    assert [p.last_name for p in page.physicians] == ["Vessel"]
    assert added.bit not in set(
        Specialty.objects.exclude(pk=added.pk).values_list("bit", flat=True)
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(accepting_new_patients=True), ["Adams", "Baker"]),
        (Filters(performs_kyphoplasty=True), ["Adams", "Clark"]),
        (Filters(accepting_new_patients=True, performs_kyphoplasty=True), ["Adams"]),
        (Filters(name="bak"), ["Baker"]),
        (Filters(name="  ann   CLARK "), ["Clark"]),
        (Filters(name="Zed"), []),
    ],
)
def test_filters_narrow_the_search(filters, expected):
    place([MINNEAPOLIS.point], last_name="Adams", first_name="Amy", performs_kyphoplasty=True)
    place([MINNEAPOLIS.point], last_name="Baker", first_name="Bo")
    place(
        [MINNEAPOLIS.point],
        last_name="Clark",
        first_name="Ann",
        accepting_new_patients=False,
        performs_kyphoplasty=True,
    )

    page = find_physicians(origin=MINNEAPOLIS, miles=25, filters=filters)

    assert [p.last_name for p in page.physicians] == expected
    assert page.count == len(expected)


def test_an_npi_finds_that_physician_only():
    wanted, other = place([MINNEAPOLIS.point] * 2)

    page = find_physicians(origin=MINNEAPOLIS, miles=25, filters=Filters(name=wanted.npi))

    assert [p.npi for p in page.physicians] == [wanted.npi]
