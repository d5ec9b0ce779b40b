"""Every public page loads cleanly under the strict CSP and fits a phone at every text size."""

import pytest

from tests.browser.visitor import FONT_SIZES, choose_font_size, sideways_scroll

pytestmark = pytest.mark.browser


def test_every_public_page_loads_without_errors_or_blocked_resources(
    page, public_paths, visitor_pages
):
    """A CSP violation or script error shows up as a console error or a page error.

    (The finder answers a search it cannot place with 400, so only the sitemap's
    pages must answer 200; every page's styles, scripts and images must load.)
    """
    problems, statuses = [], {}
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            # Failed loads are reported below, by status, without the finder's 400 pages.
            and not m.text.startswith("Failed to load resource")
            and problems.append(f"{page.url}: {m.text}")
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and r.request.resource_type != "document"
            and problems.append(f"{page.url}: {r.status} {r.url}")
        ),
    )

    for path in visitor_pages:
        statuses[path] = page.goto(path).status
        page.wait_for_load_state("load")

    assert not problems, "\n".join(problems)
    assert {path: statuses[path] for path in public_paths} == dict.fromkeys(public_paths, 200)


@pytest.mark.parametrize("viewport", ["phone"])
@pytest.mark.parametrize("size", list(FONT_SIZES))
def test_no_page_scrolls_sideways_on_a_phone(page, visitor_pages, size):
    page.goto(visitor_pages[0])
    choose_font_size(page, size)

    overflowing = {}
    for path in visitor_pages:
        page.goto(path)
        if (overflow := sideways_scroll(page)) > 0:
            overflowing[path] = overflow

    assert not overflowing, f"Pages that scroll sideways at 375px, {size} text: {overflowing}"
