"""
The procedure animation and the illustrated steps, as patients use them.

The animation page's sequence becomes a player (media/js/sequence.js) that waits
for Play; visitors who prefer reduced motion, or have no JavaScript, get the same
five illustrated steps as a list. Time in the page is Playwright's clock, so a
five-second step takes no five seconds of test.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser import axe, chromium
from tests.browser.visitor import (
    assert_fits_the_screen,
    choose_font_size,
    focus_ring,
    has_visible_focus_ring,
    tab_to,
)

pytestmark = pytest.mark.browser

ANIMATION = "/patients/balloon-kyphoplasty/procedure-animation/"
STEPS = "/patients/balloon-kyphoplasty/procedure-step-by-step/"
ANIMATION_TITLE = "How balloon kyphoplasty repairs a fracture"
STEPS_TITLE = "The five steps"
STEP_SECONDS = 5
CLOCK_START = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def player(page):
    return page.get_by_role("region", name=ANIMATION_TITLE)


def shown_steps(region):
    """The steps a visitor can see (hidden list items have no role)."""
    return region.get_by_role("listitem")


def status(page):
    return player(page).locator("[aria-live=polite]")


def button(page, name: str):
    return player(page).get_by_role("button", name=name, exact=True)


def shows_step(page, number: int) -> None:
    expect(status(page)).to_have_text(f"Step {number} of 5")
    expect(shown_steps(player(page))).to_have_count(1)
    expect(player(page).get_by_role("heading", level=3)).to_have_text(
        re.compile(rf"^Step {number}: ")
    )


def open_with_stopped_clock(page, path: str = ANIMATION) -> None:
    """Time in the page stands still until the test moves it with page.clock.run_for."""
    page.clock.install(time=CLOCK_START)
    page.goto(path)
    page.clock.pause_at(CLOCK_START + datetime.timedelta(hours=1))


def seconds_pass(page, seconds: float) -> None:
    page.clock.run_for(int(seconds * 1000))


@pytest.fixture
def visitor_context(browser, site, viewport):
    """A fresh profile with the visitor's own settings (reduced motion, no JavaScript)."""
    contexts = []

    def make(**options):
        contexts.append(
            browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS[viewport], **options)
        )
        return contexts[-1]

    yield make
    for context in contexts:
        context.close()


def assert_every_step_is_illustrated(page, region) -> None:
    """Five steps in view one after another, each with a loaded picture and its text."""
    steps = shown_steps(region)
    expect(steps).to_have_count(5)
    for number, step in enumerate(steps.all(), start=1):
        picture = step.get_by_role("img")
        picture.scroll_into_view_if_needed()
        expect(picture).to_be_visible()
        assert picture.get_attribute("alt").strip()
        assert picture.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
        expect(step.get_by_role("heading", level=3)).to_have_text(re.compile(rf"^Step {number}: "))
        assert step.locator("figcaption p").first.inner_text().strip()


# The player ------------------------------------------------------------------------


def test_the_animation_waits_on_step_1_until_the_visitor_presses_play(page):
    open_with_stopped_clock(page)

    shows_step(page, 1)
    expect(button(page, "Play")).to_be_visible()
    expect(button(page, "Previous step")).to_be_disabled()
    expect(button(page, "Next step")).to_be_enabled()

    seconds_pass(page, STEP_SECONDS + 1)

    shows_step(page, 1)
    expect(button(page, "Play")).to_be_visible()


def test_play_moves_on_every_5_seconds_pause_stops_and_the_last_step_stays(page):
    open_with_stopped_clock(page)
    play = button(page, "Play")
    # Its name is its state: "Pause, pressed" would say the same thing twice.
    assert play.get_attribute("aria-pressed") is None

    play.click()
    expect(button(page, "Pause")).to_be_visible()
    seconds_pass(page, STEP_SECONDS)
    shows_step(page, 2)

    button(page, "Pause").click()
    seconds_pass(page, 3 * STEP_SECONDS)
    shows_step(page, 2)

    button(page, "Play").click()
    seconds_pass(page, 3 * STEP_SECONDS)
    shows_step(page, 5)
    expect(button(page, "Play")).to_be_visible()
    expect(button(page, "Next step")).to_be_disabled()
    seconds_pass(page, 2 * STEP_SECONDS)
    shows_step(page, 5)

    button(page, "Play").click()  # from the last step: again from the start
    shows_step(page, 1)
    seconds_pass(page, STEP_SECONDS)
    shows_step(page, 2)


def test_keyboard_only_visitors_step_through_with_a_visible_focus_ring(page):
    page.goto(ANIMATION)
    next_step = button(page, "Next step")

    unringed = tab_to(page, next_step)
    page.keyboard.press("Enter")
    shows_step(page, 2)
    page.keyboard.press("Space")
    shows_step(page, 3)
    page.keyboard.press("ArrowRight")
    shows_step(page, 4)
    page.keyboard.press("ArrowLeft")
    shows_step(page, 3)
    page.keyboard.press("End")
    shows_step(page, 5)
    # Still focused on reaching the end, though it can go no further.
    expect(next_step).to_be_focused()
    expect(next_step).to_be_disabled()
    page.keyboard.press("Home")
    shows_step(page, 1)

    assert has_visible_focus_ring(focus_ring(page)), focus_ring(page)
    assert not unringed, f"focused without a visible ring: {unringed}"


def test_moving_by_hand_pauses_the_animation(page):
    open_with_stopped_clock(page)
    button(page, "Play").click()
    button(page, "Pause").focus()

    page.keyboard.press("ArrowRight")

    shows_step(page, 2)
    expect(button(page, "Play")).to_be_visible()
    seconds_pass(page, 2 * STEP_SECONDS)
    shows_step(page, 2)


def test_show_all_steps_lists_every_picture_and_stops_playing(page):
    open_with_stopped_clock(page)
    button(page, "Play").click()
    show_all = button(page, "Show all steps")
    expect(show_all).to_have_attribute("aria-expanded", "false")

    show_all.click()

    expect(show_all).to_have_attribute("aria-expanded", "true")
    assert_every_step_is_illustrated(page, player(page))
    seconds_pass(page, 2 * STEP_SECONDS)
    expect(shown_steps(player(page))).to_have_count(5)

    show_all.click()
    shows_step(page, 1)


# The list, for reduced motion and no JavaScript --------------------------------------


def test_visitors_who_prefer_reduced_motion_get_the_illustrated_list(visitor_context):
    page = visitor_context(reduced_motion="reduce").new_page()
    page.goto(ANIMATION)

    expect(player(page).get_by_role("button")).to_have_count(0)
    assert_every_step_is_illustrated(page, player(page))


def test_turning_on_reduced_motion_while_reading_stops_and_shows_the_list(page):
    open_with_stopped_clock(page)
    button(page, "Play").click()

    page.emulate_media(reduced_motion="reduce")

    expect(player(page).get_by_role("button")).to_have_count(0)
    seconds_pass(page, 2 * STEP_SECONDS)
    assert_every_step_is_illustrated(page, player(page))


def test_without_javascript_every_step_shows_with_its_picture_and_text(visitor_context):
    page = visitor_context(java_script_enabled=False).new_page()
    page.goto(ANIMATION)

    expect(player(page).get_by_role("button")).to_have_count(0)
    assert_every_step_is_illustrated(page, player(page))


@pytest.mark.parametrize("viewport", ["desktop"])
def test_the_animation_prints_every_step_without_its_buttons(page):
    page.goto(ANIMATION)
    button(page, "Next step").click()

    page.emulate_media(media="print")

    expect(player(page).get_by_role("button")).to_have_count(0)
    expect(shown_steps(player(page))).to_have_count(5)


# The step-by-step page ---------------------------------------------------------------


@pytest.mark.parametrize("viewport", ["phone"])
def test_step_by_step_on_a_phone_pictures_described_sized_and_loaded_lazily(page):
    page.goto(STEPS)
    steps = page.get_by_role("region", name=STEPS_TITLE)

    pictures = steps.locator("img")
    expect(pictures).to_have_count(5)
    for index, picture in enumerate(pictures.all()):
        assert picture.get_attribute("alt").strip()
        assert int(picture.get_attribute("width")) > 0
        assert int(picture.get_attribute("height")) > 0
        # Only the first is likely in view on arrival; the rest wait until scrolled to.
        assert picture.get_attribute("loading") == (None if index == 0 else "lazy")
    assert_every_step_is_illustrated(page, steps)


def test_a_steps_picture_is_beside_its_text_on_a_laptop_above_it_on_a_phone(page, viewport):
    page.goto(STEPS)
    step = page.get_by_role("region", name=STEPS_TITLE).get_by_role("listitem").first

    picture = step.get_by_role("img").bounding_box()
    text = step.get_by_role("heading", level=3).bounding_box()

    if viewport == "desktop":
        assert picture["x"] + picture["width"] <= text["x"]
    else:
        assert picture["y"] + picture["height"] <= text["y"]


@pytest.mark.parametrize("viewport", ["phone"])
@pytest.mark.parametrize("path", [ANIMATION, STEPS])
def test_the_largest_text_still_fits_a_phone(page, path):
    page.goto(path)

    choose_font_size(page, "largest")

    assert_fits_the_screen(page)


@pytest.mark.parametrize("viewport", ["phone"])
def test_the_players_buttons_are_big_enough_to_tap_at_every_text_size(page):
    page.goto(ANIMATION)
    for size in ["normal", "largest"]:
        choose_font_size(page, size)
        for control in player(page).get_by_role("button").all():
            box = control.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, (size, control.inner_text())


# WCAG 2.2 AA -------------------------------------------------------------------------


def test_axe_finds_no_violations_in_the_player_paused_or_playing(page):
    page.goto(ANIMATION)
    found = {"animation": axe.violations(page)}

    button(page, "Play").click()
    expect(button(page, "Pause")).to_be_visible()
    found["animation, playing"] = axe.violations(page)

    assert not any(found.values()), axe.report(found)


def test_axe_finds_no_violations_on_the_step_by_step_page(page):
    page.goto(STEPS)

    found = {"step-by-step": axe.violations(page)}

    assert not any(found.values()), axe.report(found)
