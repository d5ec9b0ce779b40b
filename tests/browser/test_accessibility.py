"""
WCAG 2.2 A and AA, as axe-core tests it, on every public page of the demo site.

Pages are listed by /sitemap.xml (both regions), plus the finder with results
and with each kind of error, and audited as visitors get them, under the strict
Content-Security-Policy. Colour contrast is checked again after choosing each
larger text size, since larger text changes wrapping, overlaps and which
contrast threshold applies.
"""

import pytest

from tests.browser import axe
from tests.browser.visitor import choose_font_size

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _axe_in_every_page(context):
    """Preloaded as an init script: cheaper than injecting it after each navigation."""
    context.add_init_script(script=axe.SOURCE)


def test_every_public_page_has_no_wcag_violations(page, visitor_pages):
    found = {}
    for path in visitor_pages:
        page.goto(path)
        found[path] = axe.violations(page)

    assert not any(found.values()), "axe found WCAG 2.2 AA violations:\n" + axe.report(found)


@pytest.mark.parametrize("size", ["large", "largest"])
def test_colour_contrast_holds_at_the_larger_text_sizes(page, visitor_pages, size):
    """Normal text is the default, so the full WCAG run above already covers its contrast."""
    page.goto(visitor_pages[0])
    choose_font_size(page, size)

    found = {}
    for path in visitor_pages:
        page.goto(path)
        found[path] = axe.violations(page, rules=["color-contrast"])

    assert not any(found.values()), f"Contrast fails at {size} text:\n" + axe.report(found)


def test_physicians_page_has_no_violations_once_the_notice_is_confirmed(page):
    page.goto("/physicians/")
    page.get_by_role("button", name="I am a healthcare professional").click()

    found = {"/physicians/ (confirmed)": axe.violations(page)}

    assert not any(found.values()), axe.report(found)
