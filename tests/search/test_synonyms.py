"""
Lay and medical words find each other, both ways, through the synonym groups
editors keep in the admin; the demo loader adds the demo groups once.
"""

from io import StringIO

import pytest
from django.apps import apps
from django.urls import reverse

from search.models import Synonym
from tests.search.conftest import page, result_titles, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def medical_pages(editor, site_tree, synonyms):
    page("Cardiac risks", "<p>Rarely, a myocardial infarction may occur.</p>", user=editor)
    page("After a fall", "<p>My mother had a heart attack last year.</p>", user=editor)
    page("Diagnosis", "<p>An X-ray shows the spinal fracture.</p>", user=editor)
    page("Imaging", "<p>MRI finds a vertebral compression fracture.</p>", user=editor)
    page("Brain", "<p>A cerebrovascular accident is rare.</p>", user=editor)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("heart attack", ["After a fall", "Cardiac risks"]),
        ("myocardial infarction", ["After a fall", "Cardiac risks"]),
        ("broken back", ["Diagnosis", "Imaging"]),
        ("spinal fracture", ["Diagnosis", "Imaging"]),
        ("stroke", ["Brain"]),
        ("Heart Attacks", ["After a fall", "Cardiac risks"]),  # any case, plural
        ("broken back x-ray", ["Diagnosis"]),  # the other words still count
    ],
)
def test_lay_and_medical_terms_find_each_other(client, medical_pages, query, found):
    assert sorted(result_titles(search(client, query))) == found


def test_without_the_group_only_the_words_typed_are_found(client, medical_pages):
    Synonym.objects.filter(terms__startswith="heart attack").delete()

    assert result_titles(search(client, "heart attack")) == ["After a fall"]


def test_group_added_in_the_admin_applies_to_the_next_search(client, editor, medical_pages):
    assert result_titles(search(client, "MRI scan")) == []
    client.force_login(editor)

    response = client.post(
        reverse("admin:search_synonym_add"), {"terms": "MRI scan, magnetic resonance imaging"}
    )

    assert response.status_code == 302
    client.logout()
    page("Scanners", "<p>Magnetic resonance imaging uses no X-rays.</p>", user=editor)
    assert result_titles(search(client, "MRI scan")) == ["Scanners"]


@pytest.mark.parametrize(
    ("terms", "error"),
    [
        ("stroke", "Give at least two terms, separated by commas."),
        (
            "brain attack, Stroke",
            "“stroke” is already in the group “stroke, cerebrovascular accident”.",
        ),
    ],
)
def test_admin_refuses_groups_that_cannot_work(client, editor, synonyms, terms, error):
    client.force_login(editor)

    response = client.post(reverse("admin:search_synonym_add"), {"terms": terms})

    assert response.status_code == 200
    assert error in response.context["adminform"].form.errors["terms"]


def test_admin_stores_terms_tidied(client, editor, db):
    client.force_login(editor)

    client.post(reverse("admin:search_synonym_add"), {"terms": " Slipped Disc ;herniated  disc,"})

    assert Synonym.objects.get().terms == "slipped disc, herniated disc"


def test_demo_loader_adds_the_demo_groups_once(db):
    config = apps.get_app_config("search")
    first, second = StringIO(), StringIO()

    config.load_demo_content(stdout=first)
    count = Synonym.objects.count()
    config.load_demo_content(stdout=second)

    assert count >= 5
    assert Synonym.objects.count() == count
    assert f"created {count} synonym groups" in first.getvalue()
    assert "synonyms already there" in second.getvalue()
    groups = Synonym.objects.groups()
    for pair in (
        ["heart attack", "myocardial infarction"],
        ["stroke", "cerebrovascular accident"],
        ["broken back", "spinal fracture", "vertebral compression fracture"],
        ["blood clot in the lungs", "pulmonary embolism"],
        ["cement", "bone cement"],
    ):
        assert pair in groups
