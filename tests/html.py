"""Read rendered pages the way a visitor (or a screen reader) does, with lxml."""

import lxml.html


def tree(response_or_html):
    """Accepts a test-client response, HTML text or an already parsed element."""
    if isinstance(response_or_html, lxml.html.HtmlElement):
        return response_or_html
    content = getattr(response_or_html, "content", response_or_html)
    return lxml.html.fromstring(content)


def texts(response_or_html, xpath: str) -> list[str]:
    """Whitespace-normalised text of each element the XPath matches, in document order."""
    return [" ".join(el.text_content().split()) for el in tree(response_or_html).xpath(xpath)]


def nav_links(response_or_html, label: str) -> list[str]:
    return texts(response_or_html, f'//nav[@aria-label="{label}"]//a')


def visible_text(response_or_html) -> str:
    root = tree(response_or_html)
    for hidden in root.xpath("//script|//style"):
        hidden.drop_tree()
    return " ".join(root.text_content().split())
