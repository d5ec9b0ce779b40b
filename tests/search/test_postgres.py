"""
PostgreSQL's full-text search: the stored, weighted vector, its GIN index,
English stemming and the web-search syntax visitors know from search engines.
"""

import pytest
from django.conf import settings
from django.db import connection

from search.models import SearchEntry
from search.postgres import search_query
from tests.search.conftest import page, result_titles, search

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs DATABASE_URL on PostgreSQL: full-text search is PostgreSQL's",
    ),
]


def test_publish_stores_the_title_at_weight_a_and_the_text_at_weight_b(editor, site_tree):
    page("Osteoporosis", "<p>Brittle bones break easily.</p>", user=editor)

    vector = SearchEntry.objects.get(title="Osteoporosis").search_vector

    assert "'osteoporosi':1A" in vector
    assert "'brittl':2B" in vector


def test_searches_use_the_gin_index(editor, site_tree):
    page("Osteoporosis", "<p>Brittle bones break easily.</p>", user=editor)
    matching = SearchEntry.objects.filter(search_vector=search_query(["brittle bones"]))

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: force the choice
        plan = matching.explain()

    assert "search_entry_vector_gin" in plan


def test_english_stemming_and_web_search_syntax(client, editor, site_tree):
    page("Fractures", "<p>Compression fractures heal slowly.</p>", user=editor)
    page("Healing", "<p>The fracture healed; compression was relieved.</p>", user=editor)

    assert sorted(result_titles(search(client, "fracture healing"))) == ["Fractures", "Healing"]
    assert result_titles(search(client, '"compression fractures"')) == ["Fractures"]
    assert result_titles(search(client, "compression -relieved")) == ["Fractures"]
    assert sorted(result_titles(search(client, "relieved or slowly"))) == ["Fractures", "Healing"]


def test_a_query_of_stop_words_finds_nothing_and_is_no_error(client, site_tree):
    response = search(client, "the and of")

    assert response.status_code == 200
    assert result_titles(response) == []
