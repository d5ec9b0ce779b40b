"""
Site search: published patient pages found by lay and medical words alike.

One row per published page content (``SearchEntry``), written when a version
is published and removed when it is withdrawn (``search.indexing``, driven by
``search.receivers``), so the index never holds a draft and a publish is
findable at the next request. What a visitor may see is decided when they
search, not when a page is indexed (``search.visibility``): the region, the
healthcare-professional section and view restrictions can change without a
publish, and a query-time filter can never go stale.

PostgreSQL ranks with a stored, GIN-indexed ``tsvector`` (``search.postgres``);
SQLite, for ``make run``, scores substring hits in Python (``search.fallback``).
Both expand the query through the editors' synonym groups (``search.terms``).
"""
