"""
XSS payloads for anything an editor can type HTML into, and a check that a
rendered page carries none of them in a form a browser would run.

Use from any plugin test:

    from tests.security.payloads import XSS_PAYLOADS, assert_no_active_content

    @pytest.mark.parametrize("payload", XSS_PAYLOADS)
    def test_my_field_is_safe(client, payload): ...
        assert_no_active_content(client.get(url))

The list follows the OWASP XSS filter evasion cheat sheet: plain and broken
script tags, event handlers, ``javascript:`` URLs in every disguise the
cheat sheet lists (case, entities, whitespace, control characters), data:
URLs, frames, SVG and MathML. Legacy Internet Explorer vectors inside style
attributes (``expression()``, ``url(javascript:)``) run in no browser the
portal supports, but any style beyond the editor's text alignment lets an
author lay CSS over the page, so a style attribute counts as active content.
"""

import json
import re

import lxml.html

XSS_PAYLOADS = [
    "<script>alert('xss')</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<scr<script>ipt>alert('xss')</scr</script>ipt>",
    '<script/xss src="https://xss.example/xss.js"></script>',
    "<<SCRIPT>alert('xss');//\\<</SCRIPT>",
    "<img src=x onerror=alert('xss')>",
    '<img src="x" OnErRoR="alert(1)">',
    "<img src=`javascript:alert('xss')`>",
    '<img/src="x"/onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert('xss')>",
    '<p onmouseover="alert(1)">hover</p>',
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<a href=\"javascript:alert('xss')\">link</a>",
    "<a href=\"jAvAsCrIpT:alert('xss')\">link</a>",
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="jav\tascript:alert(1)">tab</a>',
    '<a href="jav&#x09;ascript:alert(1)">entity tab</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">dec</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112'
    '&#0000116&#0000058alert(1)">padded</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<a data-cms-href="javascript:alert(1)">dynamic link</a>',
    "<iframe src=\"javascript:alert('xss')\"></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<link rel=stylesheet href=\"javascript:alert('xss')\">",
    "<style>@import 'https://xss.example/xss.css';</style>",
    '<div style="width: expression(alert(1));">ie</div>',
    "<div style=\"background-image: url(javascript:alert('xss'))\">ie</div>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<cms-plugin id="1" render-plugin="true" onclick="alert(1)"></cms-plugin>',
]

# Payloads that do nothing in a current browser even unsanitised (Internet
# Explorer-only tricks, a data- attribute no public script reads); they stay
# in the list to prove they do not turn into something that does.
INERT_PAYLOADS = {
    "<img src=`javascript:alert('xss')`>",
    '<a data-cms-href="javascript:alert(1)">dynamic link</a>',
}

# Elements that run code or load documents; none belongs in edited content.
ACTIVE_ELEMENTS = ("iframe", "frame", "object", "embed", "applet", "base", "meta", "link")
URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "srcdoc",
    "poster",
    "background",
    "xlink:href",
)
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")
# The one style rich text may keep (core.rich_text): the editor's alignment buttons.
_ALIGNMENT = re.compile(r"\s*text-align\s*:\s*(left|center|right|justify)\s*;?\s*")
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Browsers parse some markup differently from lxml (a second <body>, "/" between
# attributes, <noscript> as raw text), so the raw HTML is searched as well.
_RAW_EVENT_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE)
_RAW_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc\s*=)(?!\s+type=\"application/ld\+json\">)[^>]*>", re.IGNORECASE
)


def _is_structured_data(script) -> bool:
    """The head's schema.org JSON-LD (seo) is a data block browsers never run, if it is JSON."""
    if script.get("type") != "application/ld+json" or script.get("src") is not None:
        return False
    try:
        json.loads(script.text or "")
    except ValueError:
        return False
    return True


def _is_dangerous_url(value: str) -> bool:
    # lxml has already decoded entities; browsers also ignore whitespace and
    # control characters inside the scheme.
    normalised = _CONTROL_AND_SPACE.sub("", value).lower()
    return normalised.startswith(DANGEROUS_SCHEMES) or "<script" in normalised


def active_content(response_or_html, *, allowed_scripts=("/static/",)) -> list[str]:
    """Everything in the page that a browser would execute, described one item a line."""
    content = getattr(response_or_html, "content", response_or_html)
    if isinstance(content, bytes):
        content = content.decode()
    root = lxml.html.fromstring(content)
    found = [f"raw event handler: {m.group(0)[:120]}" for m in _RAW_EVENT_HANDLER.finditer(content)]
    found += [f"raw inline script: {m.group(0)}" for m in _RAW_INLINE_SCRIPT.finditer(content)]
    for script in root.iter("script"):
        if _is_structured_data(script):
            continue
        src = script.get("src")
        if not src or not src.startswith(allowed_scripts):
            found.append(f"script: {lxml.html.tostring(script, encoding=str)[:120]}")
    for tag in ACTIVE_ELEMENTS:
        for element in root.iter(tag):
            if tag == "link" and element.getparent().tag == "head":
                continue  # the site's own stylesheets and icon
            if tag == "meta" and element.get("http-equiv") is None:
                continue
            found.append(f"<{tag}>: {lxml.html.tostring(element, encoding=str)[:120]}")
    for style in root.xpath("//body//style"):
        found.append(f"<style> in the body: {style.text_content()[:120]}")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"event handler {name} on <{element.tag}>")
            elif name.lower() in URL_ATTRIBUTES and _is_dangerous_url(value):
                found.append(f"{name}={value!r} on <{element.tag}>")
            elif name.lower() == "style" and not _ALIGNMENT.fullmatch(value):
                found.append(f"style={value!r} on <{element.tag}>")
    return found


def assert_no_active_content(response_or_html, **kwargs) -> None:
    found = active_content(response_or_html, **kwargs)
    assert not found, "Active content reached the page:\n" + "\n".join(found)
