"""What a patient's phone downloads for the illustrated step-by-step page, images included."""

import pytest

from tests.browser import chromium

pytestmark = pytest.mark.browser

STEPS = "/patients/balloon-kyphoplasty/procedure-step-by-step/"
BUDGET_BYTES = 250_000


def transferred_bytes(browser, path: str, *, viewport: str, scale: int) -> tuple[int, int]:
    """Bytes on the wire (headers and bodies) for the page and everything it loads once read
    to the end, so lazy images load too; and how many of those were images."""
    context = browser.new_context(
        viewport=chromium.VIEWPORTS[viewport], device_scale_factor=scale, base_url=None
    )
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(path, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    images = sum(1 for r in finished if r.resource_type == "image")
    context.close()
    return total, images


@pytest.mark.parametrize("scale", [1, 2], ids=["1x", "2x"])
def test_the_step_by_step_page_on_a_phone_stays_within_250_kb(browser, site, scale):
    total, images = transferred_bytes(browser, site.url + STEPS, viewport="phone", scale=scale)

    assert images >= 5  # every step's picture was loaded, not skipped
    assert total <= BUDGET_BYTES, f"{total} bytes at {scale}x"
