"""
Every page has a description for search engines, or it does not go live.

Search engines show a page's description under its title; without one they pick
a fragment of the page, often the region notice or the menu (Lighthouse's SEO
audit fails the page). Editors write it in the page's settings ("Description
meta tag"); ``missing_description_message`` is a publish condition
(editorial.conditions), so a page without one is refused like an unbalanced one.
"""

from cms.models import PageContent

# What search engines show before cutting the text off; longer ones still publish.
SHOWN_CHARACTERS = 160


def missing_description_message(content) -> str | None:
    """The reason publication is refused, or None when the page has a description."""
    if not isinstance(content, PageContent) or (content.meta_description or "").strip():
        return None
    return (
        f'"{content.title}" needs a description for search engines before it can be '
        "published: write one or two plain sentences (up to about "
        f"{SHOWN_CHARACTERS} characters) under Page settings › Description meta tag."
    )
