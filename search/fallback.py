"""
SQLite's search, for ``make run``: substring matching and simple scoring.

SQLite has no text-search configuration worth relying on here, and the local
site has a few dozen pages, so this stays plain: a page matches a variant of
the query when each of its words appears in the title or body (``icontains``,
so "fracture" finds "fractures"); pages with hits in the title come first,
then those with more hits. Snippets start a little before the first hit.
"""

from django.db.models import Q

from .highlight import around_first_hit
from .terms import words


def _score(row: dict, word_sets: list[list[str]]) -> tuple[int, int]:
    title, body = row["title"].lower(), row["body"].lower()
    best = (0, 0)
    for variant_words in word_sets:
        title_hits = sum(title.count(w) for w in variant_words)
        hits = title_hits + sum(body.count(w) for w in variant_words)
        best = max(best, (title_hits, hits))
    return best


def search(entries, variants: list[str], *, offset: int, limit: int) -> tuple[int, list[dict]]:
    """(number of hits, the hits from `offset`, best first, each with a marked snippet)."""
    word_sets = [found for found in (words(v) for v in variants) if found]
    if not word_sets:  # only stop words or punctuation: nothing to look for
        return 0, []
    condition = Q()
    for variant_words in word_sets:
        every_word = Q()
        for word in variant_words:
            every_word &= Q(title__icontains=word) | Q(body__icontains=word)
        condition |= every_word
    rows = list(entries.filter(condition).values("pk", "page_id", "title", "body"))
    rows.sort(key=lambda row: row["title"].lower())
    rows.sort(key=lambda row: _score(row, word_sets), reverse=True)
    marked = list(dict.fromkeys(w for variant_words in word_sets for w in variant_words))
    return len(rows), [
        {**row, "snippet": around_first_hit(row["body"], marked)}
        for row in rows[offset : offset + limit]
    ]
