"""
WCAG 2.2 A and AA, as axe-core tests it, on every public page of the demo site.

Pages are listed by /sitemap.xml (both regions) and audited as visitors get
them, under the strict Content-Security-Policy. Colour contrast is checked
again after choosing each text size, since larger text changes wrapping,
overlaps and which contrast threshold applies.
"""

import pytest

from tests.browser import axe
from tests.browser.visitor import FONT_SIZES, choose_font_size

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _axe_in_every_page(context):
    """Preloaded as an init script: cheaper than injecting it after each navigation."""
    context.add_init_script(script=axe.SOURCE)


def test_every_public_page_has_no_wcag_violations(page, public_paths):
    found = {}
    for path in public_paths:
        page.goto(path)
        found[path] = axe.violations(page)

    assert not any(found.values()), "axe found WCAG 2.2 AA violations:\n" + axe.report(found)


@pytest.mark.parametrize("size", list(FONT_SIZES))
def test_colour_contrast_holds_at_every_text_size(page, public_paths, size):
    page.goto(public_paths[0])
    choose_font_size(page, size)

    found = {}
    for path in public_paths:
        page.goto(path)
        found[path] = axe.violations(page, rules=["color-contrast"])

    assert not any(found.values()), f"Contrast fails at {size} text:\n" + axe.report(found)


def test_physicians_page_has_no_violations_once_the_notice_is_confirmed(page):
    page.goto("/physicians/")
    page.get_by_role("button", name="I am a healthcare professional").click()

    found = {"/physicians/ (confirmed)": axe.violations(page)}

    assert not any(found.values()), axe.report(found)
