"""
The citation picker: the Citation form's search over the reference library by number,
author or title, who may use it, and that a citation is stored as the same numbers.
"""

import pytest
from django.urls import reverse

from editorial import conf
from pages.forms import CitationForm
from pages.library import create_reference
from tests import factories
from tests.html import tree

pytestmark = pytest.mark.django_db

PICKER = "admin:pages_reference_picker"


@pytest.fixture
def library(references, editor):
    """The standard three, plus a reference by another author that is not yet published."""
    create_reference(
        number=40,
        user=editor,
        authors="Boonen S, Van Meirhaeghe J",
        title="Balloon kyphoplasty for the treatment of acute vertebral compression fractures",
        journal="Journal of Bone and Mineral Research",
        year=2011,
        pmid="21308778",
    )


@pytest.fixture
def author(db):
    return factories.staff_in_role(conf.ROLE_AUTHOR, "alice-author")


def search(client, term: str) -> list[tuple[str, str]]:
    response = client.get(reverse(PICKER), {"term": term})
    assert response.status_code == 200
    return [(r["id"], r["text"]) for r in response.json()["results"]]


@pytest.mark.parametrize(
    "term, numbers",
    [
        ("19", ["19"]),
        ("[29]", ["29"]),
        ("boonen", ["40"]),
        ("cummings", ["17", "19", "29"]),
        ("acute vertebral", ["40"]),
        ("nothing like this", []),
        ("12345678901234567890", []),
        ("", ["17", "19", "29", "40"]),
    ],
)
def test_the_picker_finds_by_number_author_or_title(client, author, library, term, numbers):
    client.force_login(author)

    assert [number for number, _ in search(client, term)] == numbers


def test_an_unpublished_reference_is_labelled_so(client, author, library):
    client.force_login(author)

    [(_, text)] = search(client, "boonen")

    assert text.startswith("[40] Boonen S 2011: Balloon kyphoplasty")
    assert "not yet published" in text


def test_a_corrected_draft_is_found_by_its_new_words(client, author, editor, library):
    from pages.library import start_correction
    from pages.models import Reference

    start_correction(reference=Reference.objects.get(number=17), user=editor, title="FREE trial")
    client.force_login(author)

    assert [n for n, _ in search(client, "free trial")] == ["17"]


@pytest.mark.parametrize("role", [conf.ROLE_PHYSICIAN_DATA, None])
def test_the_picker_needs_the_right_to_view_references(client, library, role):
    user = (
        factories.staff_in_role(role, "dana-data")
        if role
        else factories.UserFactory(is_staff=True, username="no-role")
    )
    client.force_login(user)

    assert client.get(reverse(PICKER), {"term": "17"}).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, library):
    response = client.get(reverse(PICKER), {"term": "17"})

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_picker_widget_shows_the_chosen_references_in_their_order(library):
    form = CitationForm(initial={"numbers": "29,17"})

    options = tree_of(form).xpath("//select/option")

    assert [o.get("value") for o in options] == ["29", "17"]
    assert all(o.get("selected") is not None for o in options)
    assert options[1].text.startswith("[17] Wardlaw D 2009")


def tree_of(form):
    from django.http import HttpResponse

    return tree(HttpResponse(str(form["numbers"])))


def test_chosen_references_are_stored_as_numbers(library):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.setlist("numbers", ["29", "17", "29"])

    form = CitationForm(data=data)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["numbers"] == "29,17"


def test_a_number_not_in_the_library_is_a_form_error(library):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.setlist("numbers", ["17", "99"])

    form = CitationForm(data=data)

    assert form.errors["numbers"] == ["There is no reference 99 in the reference library."]


def test_the_plugin_form_loads_the_picker_from_this_site(client, author, library):
    """Select2 and the picker's script come from the admin's own static files (the CSP
    allows no other host, and no inline script)."""
    form = CitationForm()

    scripts = [str(path) for path in form.media._js]

    assert any("admin/js/vendor/select2/select2.full" in s for s in scripts)
    assert "pages/js/citation-picker.js" in scripts
    assert all(not s.startswith(("http:", "https:", "//")) for s in scripts)
