"""
The finder page: a CMS page with the editors' text, the search form and the
results, and a form error (never a server error) for every kind of bad input.
"""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from physicians.models import Physician
from physicians.search import MAX_RESULTS
from tests.html import texts, tree, visible_text
from tests.physicians.conftest import FINDER_TEXT
from tests.physicians.factories import PhysicianFactory, specialty

pytestmark = pytest.mark.django_db

URL = "/physician-finder/"


def search(client, **params):
    return client.get(URL, params)


def test_the_finder_is_the_cms_page_with_the_editors_text(client, finder_page):
    response = client.get(URL)

    assert response.status_code == 200
    assert reverse("physicians:finder") == URL
    assert texts(response, "//h1") == ["Physician Finder"]
    assert FINDER_TEXT in visible_text(response)
    assert tree(response).xpath('//form[@role="search"]//input[@name="location"]')
    assert not tree(response).xpath('//*[@id="results"]')


def test_form_fields_are_labelled_and_described(client, finder_page):
    page = tree(client.get(URL))

    for name in ("location", "radius", "specialty"):
        field = page.xpath(f'//*[@name="{name}"]')[0]
        assert page.xpath(f'//label[@for="{field.get("id")}"]')
    location = page.xpath('//input[@name="location"]')[0]
    assert page.xpath(f'//*[@id="{location.get("aria-describedby")}"]')
    radius_options = page.xpath('//select[@name="radius"]/option/@value')
    assert radius_options == ["5", "10", "25", "50", "100"]
    assert page.xpath('//select[@name="radius"]/option[@selected]/@value') == ["25"]


def test_results_say_how_many_and_around_where(client, finder_page):
    PhysicianFactory.create_batch(2)
    PhysicianFactory(zip_code="55101", city="Saint Paul")

    response = search(client, location="55432", radius="25")

    assert response.status_code == 200
    assert texts(response, '//*[@id="results-heading"]') == [
        "3 physicians within 25 miles of Minneapolis, MN 55432"
    ]
    assert len(tree(response).xpath('//ol[@class="physician-list"]/li/h3')) == 3


def test_a_result_shows_what_a_patient_needs(client, finder_page):
    PhysicianFactory(
        first_name="Jane",
        last_name="Doe",
        credentials="MD",
        practice_name="Doe Spine Care",
        address_line1="100 Main St",
        zip_code="55101",
        city="Saint Paul",
        phone="651-555-0123",
        specialties=[specialty("207X00000X"), specialty("2085R0204X")],
        is_demo=True,
    )

    item = tree(search(client, location="55432")).xpath('//li[@class="physician"]')[0]
    text = visible_text(item)

    assert texts(item, ".//h3") == ["Jane Doe, MD"]
    assert "12.3 miles away" in text
    assert "Doe Spine Care" in text
    assert "100 Main St Saint Paul, MN 55101" in text
    assert item.xpath(".//a/@href")[0] == "tel:+16515550123"
    assert "Interventional radiology, Orthopaedic surgery" in text
    assert "Demo listing" in text
    directions = item.xpath('.//a[contains(., "Directions")]')[0]
    assert directions.get("href").startswith("https://www.google.com/maps/search/?api=1&query=")
    assert "100+Main+St" in directions.get("href")
    assert "external" in directions.get("rel")


def test_results_come_twenty_a_page_with_pagination(client, finder_page):
    PhysicianFactory.create_batch(25)

    first = tree(search(client, location="55432"))
    second = tree(search(client, location="55432", page="2"))

    assert len(first.xpath('//ol[@class="physician-list"]/li')) == 20
    assert len(second.xpath('//ol[@class="physician-list"]/li')) == 5
    assert second.xpath('//ol[@class="physician-list"]/@start') == ["21"]
    nav = first.xpath('//nav[@aria-label="Result pages"]')[0]
    assert nav.xpath('.//a[@aria-current="page"]/text()')[-1].strip() == "1"
    next_link = nav.xpath('.//a[@rel="next"]/@href')[0]
    assert next_link == "?location=55432&radius=25&page=2"
    assert "Showing 21 to 25 of 25" in visible_text(second)


def test_no_results_offers_the_next_radius(client, finder_page):
    PhysicianFactory(zip_code="10001", city="New York", state="NY")

    response = search(client, location="55432", radius="25")
    wider = tree(response).xpath('//a[contains(., "Try again within 50 miles")]/@href')

    assert "0 physicians within 25 miles" in visible_text(response)
    assert wider == ["?location=55432&radius=50"]
    assert not tree(search(client, location="55432", radius="100")).xpath(
        '//a[contains(., "Try again")]'
    )


def test_unlisted_physicians_never_appear(client, finder_page):
    PhysicianFactory(last_name="Visible")
    PhysicianFactory(last_name="Hidden", is_listed=False)

    text = visible_text(search(client, location="55432"))

    assert "Visible" in text
    assert "Hidden" not in text


def test_edits_show_at_once(client, finder_page):
    physician = PhysicianFactory(last_name="Before")
    assert "Before" in visible_text(search(client, location="55432"))

    Physician.objects.filter(pk=physician.pk).update(last_name="After")

    assert "After" in visible_text(search(client, location="55432"))


def test_a_result_page_needs_few_queries(client, finder_page):
    PhysicianFactory.create_batch(25, specialties=[specialty()])
    client.get(URL)  # the CMS's own caches (menus, placeholders) are warm in production

    with CaptureQueriesContext(connection) as executed:
        response = search(client, location="Minneapolis, MN", specialty="207X00000X", page="2")

    assert response.status_code == 200
    # The CMS page's own queries come and go with the CMS; the search's are bounded:
    # the chosen specialty, the counts, the page's rows, their specialties, the specialty list.
    searching = [q for q in executed.captured_queries if "physicians_" in q["sql"]]
    assert len(searching) <= 5
    assert len(executed.captured_queries) <= 20


BAD_INPUT = [
    ({"location": ""}, "location", "Enter a ZIP code or a city and state"),
    ({"location": "   "}, "location", "Enter a ZIP code or a city and state"),
    ({"location": "1234"}, "location", "5 digits"),
    ({"location": "55432-12"}, "location", "5 digits"),
    ({"location": "99999"}, "location", "could not find ZIP code 99999"),
    ({"location": "Nowhereville, MN"}, "location", "could not find that city"),
    ({"location": "Springfield"}, "location", "add the state"),
    ({"location": "Minneapolis, ZZ"}, "location", "not a US state"),
    ({"location": "x" * 101}, "location", "too long"),
    ({"location": "'; DROP TABLE physicians_physician; --"}, "location", "could not find"),
    ({"location": "東京"}, "location", "ZIP code or a city and state"),
    ({"location": "Zürich"}, "location", "add the state"),
    ({"location": "55432\x00"}, "location", "Null characters"),
    ({"location": "55432", "radius": "abc"}, "radius", "Choose a distance"),
    ({"location": "55432", "radius": "-25"}, "radius", "Choose a distance"),
    ({"location": "55432", "radius": "0"}, "radius", "Choose a distance"),
    ({"location": "55432", "radius": "500"}, "radius", "Choose a distance"),
    ({"location": "55432", "radius": "1e309"}, "radius", "Choose a distance"),
    ({"location": "55432", "specialty": "ZZZ"}, "specialty", "Choose a specialty"),
    ({"location": "55432", "specialty": "' OR 1=1 --"}, "specialty", "Choose a specialty"),
    ({"location": "55432", "page": "0"}, "page", "Pages start at 1"),
    ({"location": "55432", "page": "-3"}, "page", "Pages start at 1"),
    ({"location": "55432", "page": "two"}, "page", "whole number"),
    ({"location": "55432", "page": "1.5"}, "page", "whole number"),
    ({"location": "55432", "page": "9" * 30}, "page", "not that many pages"),
    ({"location": "55432", "page": "2"}, "page", "There is no page 2"),
    ({"location": "55432", "procedure": "vertebroplasty"}, "procedure", "Choose a procedure"),
    ({"location": "55432", "name": "123456789"}, "name", "An NPI has 10 digits"),
    ({"location": "55432", "name": "x" * 101}, "name", "too long to be a name"),
    ({"location": "55432", "lat": "45", "lng": "-93"}, "location", "not both"),
    ({"location": "M5V 3L9"}, "location", "covers the United States only"),
    ({"location": "09001"}, "location", "military"),
]


@pytest.mark.parametrize(("params", "field", "message"), BAD_INPUT)
def test_bad_input_is_a_form_error_linked_to_its_field(client, finder_page, params, field, message):
    PhysicianFactory()

    response = search(client, **params)
    page = tree(response)

    assert response.status_code == 400
    assert texts(page, "//title")[0].startswith("Error:")
    summary = page.xpath('//div[@class="error-summary"]')[0]
    assert summary.get("role") == "alert"
    assert message in visible_text(summary)
    assert not page.xpath('//*[@id="results"]')
    if field != "page":  # the page number is not a form field the visitor edits
        assert summary.xpath(f'.//a[@href="#id_{field}"]')
        control = page.xpath(f'//*[@id="id_{field}"]')[0]
        assert control.get("aria-invalid") == "true"
        assert f"{field}-error" in control.get("aria-describedby").split()
        assert message in visible_text(page.xpath(f'//*[@id="{field}-error"]')[0])


def test_unknown_place_offers_suggestions_as_links(client, finder_page):
    page = tree(search(client, location="Minneapoliss, MN", radius="10"))

    links = page.xpath('//ul[@class="error-summary__suggestions"]//a')

    assert links[0].text_content() == "Minneapolis, MN"
    assert links[0].get("href") == "?location=Minneapolis%2C+MN&radius=10"


def test_editors_see_the_finder_with_the_toolbar(client, finder_page, editor):
    PhysicianFactory()
    client.force_login(editor)

    response = search(client, location="55432")

    assert response.status_code == 200
    assert FINDER_TEXT in visible_text(response)
    assert "1 physician within 25 miles" in visible_text(response)
    assert b"cms-toolbar" in response.content


def test_a_search_without_a_distance_shows_the_default_distance_selected(client, finder_page):
    from tests.html import tree

    response = client.get("/physician-finder/", {"location": "55432"})

    selected = tree(response).xpath('//select[@name="radius"]/option[@selected]/@value')
    assert selected == ["25"]


def result_names(response) -> list[str]:
    return [name.split(",")[0] for name in texts(response, '//li[@class="physician"]/h3')]


def test_filters_narrow_the_results_and_are_kept_across_pages(client, finder_page):
    PhysicianFactory(first_name="Ann", last_name="Ames", performs_kyphoplasty=True)
    PhysicianFactory(
        first_name="Bo", last_name="Burke", performs_kyphoplasty=True, accepting_new_patients=False
    )
    PhysicianFactory(first_name="Cy", last_name="Cole", npi="1234567893")
    PhysicianFactory.create_batch(25, first_name="Dee", last_name="Dunn", performs_kyphoplasty=True)

    def names(**params):
        return result_names(search(client, location="55432", **params))

    assert names(procedure="balloon-kyphoplasty", name="a") == ["Ann Ames"]
    assert names(accepting_new_patients="on", name="burke") == []
    assert names(name="Bo Burke") == ["Bo Burke"]
    assert names(name="1234567893") == ["Cy Cole"]
    response = search(client, location="55432", procedure="balloon-kyphoplasty")
    assert texts(response, '//*[@class="finder-results__filter"]') == [
        "Performs balloon kyphoplasty"
    ]
    next_url = tree(response).xpath('//a[@rel="next"]/@href')[0]
    assert "procedure=balloon-kyphoplasty" in next_url
    second = client.get(URL + next_url)
    assert "Ames" not in result_names(second) and "Cole" not in result_names(second)


def test_the_form_offers_the_filters(client, finder_page):
    page = tree(client.get(URL))

    for name in ("procedure", "accepting_new_patients", "name"):
        field = page.xpath(f'//*[@name="{name}"]')[0]
        assert page.xpath(f'//label[@for="{field.get("id")}"]')
    assert page.xpath('//select[@name="procedure"]/option/text()') == [
        "Any procedure",
        "Balloon kyphoplasty",
    ]
    assert page.xpath('//input[@name="accepting_new_patients"]/@type') == ["checkbox"]
    assert page.xpath('//input[@type="hidden"][@name="lat"]')
    assert page.xpath('//input[@type="hidden"][@name="lng"]')
    assert page.xpath('//script[contains(@src, "physicians/js/use-location")]')


def test_results_say_whether_physicians_perform_the_procedure_and_take_new_patients(
    client, finder_page
):
    PhysicianFactory(last_name="Ames", performs_kyphoplasty=True)
    PhysicianFactory(last_name="Burke", accepting_new_patients=False)

    response = search(client, location="55432")
    ames, burke = tree(response).xpath('//li[@class="physician"]')

    assert "Performs balloon kyphoplasty" in ames.text_content()
    assert "Accepting new patients" in ames.text_content()
    assert "Performs balloon kyphoplasty" not in burke.text_content()
    assert "Not accepting new patients" in burke.text_content()


def test_a_search_from_the_visitors_location_is_neither_shown_nor_logged(
    client, finder_page, caplog
):
    PhysicianFactory(last_name="Near")
    caplog.set_level(logging.INFO)

    response = search(client, lat="45.095", lng="-93.240", radius="10")

    assert texts(response, '//*[@id="results-heading"]') == [
        "1 physician within 10 miles of your location"
    ]
    assert result_names(response)
    assert "45.095" not in visible_text(response)
    assert any("/physician-finder/" in record.getMessage() for record in caplog.records)
    assert not [
        r for r in caplog.records if "45.095" in r.getMessage() or "93.24" in r.getMessage()
    ]


def test_washington_dc_finds_physicians(client, finder_page):
    PhysicianFactory(zip_code="20001", city="Washington", state="DC")

    response = search(client, location="Washington, D.C.")

    assert texts(response, '//*[@id="results-heading"]') == [
        "1 physician within 25 miles of Washington, DC"
    ]


def test_more_matches_than_the_cap_say_more_than(client, finder_page):
    Physician.objects.bulk_create(PhysicianFactory.build() for _ in range(MAX_RESULTS + 1))

    response = search(client, location="55432")

    assert texts(response, '//*[@id="results-heading"]') == [
        "More than 500 physicians within 25 miles of Minneapolis, MN 55432"
    ]
    assert texts(response, '//*[@class="finder-results__range"]') == [
        "Showing 1 to 20 of the nearest 500, nearest first. Narrow the search to see others."
    ]
