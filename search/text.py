"""
Rendered HTML to the plain text a visitor reads.

Pages are indexed from what their placeholders render (search.indexing), so
the index holds exactly what a visitor sees: the text of rich text, risk lists
shown through an alias, captions, step texts. Markup, scripts and styles are
dropped and entities decoded; block boundaries become spaces so words in
neighbouring paragraphs or list items do not run together.
"""

from html.parser import HTMLParser

from . import conf
from .terms import normalize

# Elements whose content is never read as text.
SKIPPED = frozenset({"script", "style", "template", "svg", "math"})
# Elements inside a run of text: no word boundary at their edges ("kypho<em>plasty</em>").
_INLINE_TAGS = (
    "a abbr b bdi bdo cite code data dfn em i kbd "
    "mark q s samp small span strong sub sup time u var wbr"
)
INLINE = frozenset(_INLINE_TAGS.split())


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag not in INLINE:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, on one line, at most SEARCH_MAX_BODY_CHARS long."""
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    return normalize("".join(collector.parts))[: conf.SEARCH_MAX_BODY_CHARS]
