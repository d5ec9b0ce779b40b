"""
Snippets with the searched words marked, and nothing else as markup.

Page text and queries are untrusted text: a page may quote "<script>" and a
visitor may type it. Every snippet is therefore escaped first, and only then
are ``<mark>`` elements inserted around hits, so the only markup that leaves
here is ours. PostgreSQL's ``ts_headline`` marks hits with two control
characters that plain text never holds (search.terms drops them from every
page and query), and sees "<" and ">" as two more, so that it keeps quoted
tags as text; SQLite's fallback finds the hits itself.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# What ts_headline puts around a hit (StartSel/StopSel); see search.postgres.
START, STOP = "\x02", "\x03"
# What "<" and ">" in page text become before ts_headline sees it: its parser drops anything
# shaped like a tag, and a page quoting "<script>" should show it (escaped) in its snippet.
LT, GT = "\x04", "\x05"
_MARKED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)
# ts_headline leaves out punctuation at the ends of a fragment.
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
SNIPPET_CHARS = 240
LEAD_CHARS = 70


def from_headline(headline: str, *, opening: str = "", ending: str = "") -> SafeString:
    """ts_headline's output as HTML: escaped, then its hits wrapped in <mark>.

    `opening` and `ending` are the first and last characters of the text: when the
    snippet does not start (or end) with them, "…" says it is cut there.
    """
    plain = headline.replace(START, "").replace(STOP, "").replace(LT, "<").replace(GT, ">")
    escaped = escape(headline.strip())  # leaves the sentinels alone
    escaped = escaped.replace(LT, "&lt;").replace(GT, "&gt;")
    marked = _MARKED.sub(r"<mark>\1</mark>", escaped).replace(START, "").replace(STOP, "")
    plain, opening, ending = (_EDGE_PUNCTUATION.sub("", s) for s in (plain, opening, ending))
    prefix = "" if plain.startswith(opening) else "… "
    suffix = "" if plain.endswith(ending) else " …"
    return mark_safe(prefix + marked + suffix)


def _hits(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def around_first_hit(text: str, words: list[str]) -> SafeString:
    """About SNIPPET_CHARS of `text` from a little before its first hit, hits marked."""
    pattern = _hits(words)
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > LEAD_CHARS:  # begin a little before the hit, at a word
        space = text.find(" ", first.start() - LEAD_CHARS, first.start())
        start = space + 1 if space >= 0 else first.start() - LEAD_CHARS
    end = start + SNIPPET_CHARS
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    pieces, position = [], 0
    for match in pattern.finditer(window) if pattern else ():
        pieces += [escape(window[position : match.start()]), f"<mark>{escape(match[0])}</mark>"]
        position = match.end()
    pieces.append(escape(window[position:]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)
