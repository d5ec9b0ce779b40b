"""
PostgreSQL full-text search over the stored, GIN-indexed search vector.

Each entry's ``search_vector`` holds its title at weight A and its body at
weight B, in the ``PORTAL_SEARCH_CONFIG`` configuration (English stems and
stop words), written when the page is indexed. A search ORs one
``websearch_to_tsquery`` per synonym variant of the query (quoted phrases, OR
and -word work as visitors expect from search engines), matches with ``@@``
on the GIN index and ranks with ``ts_rank``, title hits weighing 1.0 and body
hits 0.4. Weights alone cannot promise that a title match comes first (with
several words, ts_rank rewards a body repeating them close together), so
pages whose title alone matches the query (``ts_filter`` to weight A) are
ordered before the rest, each group by rank.

Only the page shown gets snippets: ``ts_headline`` re-parses each body, so it
runs on ten rows in a query of its own, never on every match. The number of
hits comes with the ranked page (``COUNT(*) OVER ()``): one pass over the
matches per search.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import BooleanField, Count, F, Func, Value, Window
from django.db.models.functions import Left, Replace, Right

from . import conf
from .highlight import GT, LT, START, STOP, from_headline

# ts_rank's weights for D, C, B (body) and A (title).
WEIGHTS = [0.1, 0.2, 0.4, 1.0]
EDGE = 15  # characters compared at each end of the text


class TitleMatches(Func):
    """``ts_filter(vector, '{a}') @@ query``: the query matches the title (weight A) alone."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra):
        vector, query = (compiler.compile(e) for e in self.get_source_expressions())
        return f"(ts_filter({vector[0]}, '{{a}}') @@ {query[0]})", [*vector[1], *query[1]]


def vector():
    config = conf.SEARCH_CONFIG
    return SearchVector("title", weight="A", config=config) + SearchVector(
        "body", weight="B", config=config
    )


def update_vectors(entries) -> int:
    """Recompute the stored vector of these entries, in one UPDATE."""
    return entries.update(search_vector=vector())


def search_query(variants: list[str]) -> SearchQuery:
    """One websearch query per variant, ORed: a page matching any variant is a hit."""
    queries = [SearchQuery(v, search_type="websearch", config=conf.SEARCH_CONFIG) for v in variants]
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


def search(entries, variants: list[str], *, offset: int, limit: int) -> tuple[int, list[dict]]:
    """(number of hits, the hits from `offset`, best first, each with a marked snippet)."""
    query = search_query(variants)
    matching = entries.filter(search_vector=query)
    page = list(
        matching.annotate(
            in_title=TitleMatches(F("search_vector"), query),
            rank=SearchRank(F("search_vector"), query, weights=WEIGHTS),
            total=Window(Count("pk")),  # the count comes with the page: one scan, not two
        )
        .order_by("-in_title", "-rank", "title", "pk")
        .values_list("pk", "total")[offset : offset + limit]
    )
    if not page:  # nothing found, or a page past the end (which needs the count after all)
        return (matching.count() if offset else 0), []
    ranked, total = [pk for pk, _total in page], page[0][1]
    headlines = entries.model.objects.filter(pk__in=ranked).annotate(
        headline=SearchHeadline(
            Replace(Replace(F("body"), Value("<"), Value(LT)), Value(">"), Value(GT)),
            query,
            config=conf.SEARCH_CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=25,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
        # To tell whether the snippet starts or ends inside the text (and say so with "…").
        opening=Left("body", EDGE),
        ending=Right("body", EDGE),
    )
    rows = {
        row["pk"]: row
        for row in headlines.values("pk", "page_id", "title", "headline", "opening", "ending")
    }
    return total, [
        {**rows[pk], "snippet": from_headline(**_pick(rows[pk], "headline", "opening", "ending"))}
        for pk in ranked
        if pk in rows
    ]


def _pick(row: dict, *keys: str) -> dict:
    return {key: row[key] for key in keys}
