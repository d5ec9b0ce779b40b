"""
How hard a page is to read, as a US school grade (Flesch-Kincaid, by textstat).

Patient materials should read at about grade 6-8 (NIH and AMA guidance). The grade is
taken from the prose editors write (the page's or alias's Text plugins, markup removed),
shown to reviewers beside the draft, and a draft above PORTAL_MAX_READING_GRADE can be
approved only with the reviewer's explicit acknowledgement (editorial.reviews). Risk
lists and references are left out: their medical terms are required, not a style.
"""

import lxml.html
import textstat
from cms.models import Placeholder
from djangocms_text.models import Text

from . import conf

# Readability formulas need running text: on a heading or two they say nothing useful.
MIN_WORDS = 30


def page_text(content) -> str:
    placeholders = Placeholder.objects.get_for_obj(content)
    bodies = (
        Text.objects.filter(placeholder__in=placeholders)
        .order_by("placeholder_id", "position")
        .values_list("body", flat=True)
    )
    return " ".join(
        lxml.html.fromstring(f"<div>{body}</div>").text_content() for body in bodies if body
    )


def grade_of(content) -> float | None:
    """The grade, to one decimal, or None when the content has too little prose to grade."""
    text = page_text(content)
    if textstat.lexicon_count(text) < MIN_WORDS:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def above_limit(grade: float | None) -> bool:
    return grade is not None and grade > conf.MAX_READING_GRADE
