"""Every public page loads cleanly under the strict CSP and fits a phone at every text size."""

import pytest

from tests.browser.visitor import FONT_SIZES, choose_font_size, sideways_scroll

pytestmark = pytest.mark.browser


def test_every_public_page_loads_without_errors_or_blocked_resources(page, public_paths):
    """A CSP violation or script error shows up as a console error or a page error."""
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.append(f"{page.url}: {r.status} {r.url}"),
    )

    for path in public_paths:
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("load")

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", ["phone"])
@pytest.mark.parametrize("size", list(FONT_SIZES))
def test_no_page_scrolls_sideways_on_a_phone(page, public_paths, size):
    page.goto(public_paths[0])
    choose_font_size(page, size)

    overflowing = {}
    for path in public_paths:
        page.goto(path)
        if (overflow := sideways_scroll(page)) > 0:
            overflowing[path] = overflow

    assert not overflowing, f"Pages that scroll sideways at 375px, {size} text: {overflowing}"
