"""
What a visitor typed, made safe to search, and its synonym variants.

Visitors' text is untrusted: control characters are dropped (PostgreSQL refuses
NUL in a string, and escape sequences have no place in a page), and it is cut
to ``PORTAL_SEARCH_MAX_QUERY_LENGTH`` characters. It is never interpreted as
markup: templates escape it, and the query builders pass it as a parameter.

Synonym expansion works on phrases, both ways: a query containing any term of
a group is also run with each other term of that group in its place ("broken
back pain" also runs as "spinal fracture pain"). Each variant is one more OR
branch of the search, so the result is the union of the variants' hits.
"""

import itertools
import re

from . import conf

# C0/C1 controls (tabs and newlines included) read as a space; invisible format characters
# (soft hyphens, zero-width and bidi marks, BOM) and lone surrogates as nothing, so a word
# containing one still matches.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_TERM_SEPARATORS = re.compile(r"[,;\n]+")
_WORD = re.compile(r"\w+")
# Words too common to mean anything on their own; only the SQLite fallback needs them
# (PostgreSQL's 'english' configuration has its own list).
_STOP_WORDS = "a an and are as at be by for from how i in is it my of on or the to what when with"
STOP_WORDS = frozenset(_STOP_WORDS.split())


def normalize(text: str) -> str:
    """Plain text on one line: controls gone, runs of whitespace as one space."""
    text = _INVISIBLE.sub("", _CONTROLS.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The query to search for, and whether it had to be shortened."""
    text = normalize(raw or "")
    limit = conf.SEARCH_MAX_QUERY_LENGTH
    if len(text) <= limit:
        return text, False
    return text[:limit].rstrip(), True


def split_terms(text: str) -> list[str]:
    """An editor's "a, b; c" as distinct lower-case terms, in the order given."""
    terms = (normalize(part).lower() for part in _TERM_SEPARATORS.split(text or ""))
    return list(dict.fromkeys(term for term in terms if term))


def _singular(word: str) -> str:
    # Substring matching finds "fractures" for "fracture", not the reverse: drop a plural "s".
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def words(text: str) -> list[str]:
    """The words of a query that can match on their own (SQLite's fallback)."""
    found = (w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS)
    return list(dict.fromkeys(_singular(w) for w in found))


def variants(query: str, groups: list[list[str]]) -> list[str]:
    """The query first, then the query with synonyms in place of the terms it contains.

    Longer terms win where two overlap ("vertebral compression fracture" over
    "fracture"); a plural "s"/"es" after a term still counts as the term.
    """
    taken = [False] * len(query)
    matches = []
    candidates = sorted(((t, g) for g in groups for t in g), key=lambda tg: -len(tg[0]))
    for term, group in candidates:
        pattern = rf"(?<!\w){re.escape(term)}(?:e?s)?(?!\w)"
        for match in re.finditer(pattern, query, flags=re.IGNORECASE):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            matches.append((start, end, [other for other in group if other != term]))
    matches.sort()
    choices = [[query[start:end], *others] for start, end, others in matches]
    found = []
    for combination in itertools.islice(itertools.product(*choices), conf.SEARCH_MAX_VARIANTS):
        pieces, position = [], 0
        for (start, end, _others), choice in zip(matches, combination, strict=True):
            pieces += [query[position:start], choice]
            position = end
        pieces.append(query[position:])
        found.append("".join(pieces))
    return found
