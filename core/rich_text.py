"""
Inline styles in rich text: only those the site's own editor writes.

djangocms-text sanitises rich text with nh3 when it is saved, and allows a
``style`` attribute on every element with any value in it. An author could then
lay CSS over a public page (a fixed, full-screen box with its own text), and
``expression()`` and ``url(javascript:...)`` survived into the HTML.
Its settings can only add to what it allows, so ``restrict_styles`` wraps its
shared cleaner: every ``style`` is rebuilt from the declarations in
``PORTAL_TEXT_STYLES`` whose value is one of their keywords, and dropped when
none is left. The editor's alignment buttons write ``text-align`` on paragraphs
and headings, which is all it needs.
"""

import re

from djangocms_text import html

from core import conf

KEYWORD = re.compile(r"[a-z-]+")


class StyleFilteringCleaner:
    """djangocms-text's cleaner, with a filter for ``style`` values added to what it passes
    to nh3; everything else (tags, attributes, registrations by add-ons) is the original's."""

    def __init__(self, cleaner):
        self.cleaner = cleaner

    def __getattr__(self, name):
        return getattr(self.cleaner, name)

    def __call__(self) -> dict:
        return {
            **self.cleaner(),
            "attribute_filter": filter_style,
            "filter_style_properties": set(conf.TEXT_STYLES),
        }


def filter_style(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute_filter: the allowed declarations of a style, or None to drop it."""
    if attribute != "style":
        return value
    kept = []
    for declaration in value.split(";"):
        name, _, keyword = (part.strip().lower() for part in declaration.partition(":"))
        if KEYWORD.fullmatch(keyword) and keyword in conf.TEXT_STYLES.get(name, ()):
            kept.append(f"{name}: {keyword}")
    return "; ".join(kept) or None


def restrict_styles() -> None:
    """Called once at start-up (core.apps); clean_html looks its cleaner up at each call."""
    if not isinstance(html.cms_parser, StyleFilteringCleaner):
        html.cms_parser = StyleFilteringCleaner(html.cms_parser)
