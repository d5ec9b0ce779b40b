"""
An editor replaces the procedure page's balloon picture the reviewed way, and
visitors then see the new picture; a picture without alt text cannot be published.

Driven as editors work: the admin's login form, filer's folder listing and its
Upload Files button (a real file chooser), the page's draft in the django CMS
toolbar, the Image plugin's editor in the CMS modal, filer's file widget and its
lookup window, the toolbar's Review menu, the review queue and the toolbar's
Publish button. The superuser holds every role, as in test_editor.py.

The Image plugin is opened from the structure board (its "Edit" button): on a
laptop, double-clicking the half-width picture opens nothing, as the Text plugin
after it lies on top (test_double_clicking_the_half_width_picture_opens_its_editor).

Each step is photographed into <tmp>/media-journey/, for a person to look at.
"""

import re
import tempfile
from pathlib import Path

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.browser.test_editor import log_in, submit_for_review, toolbar_link

pytestmark = pytest.mark.browser

PROCEDURE = "/patients/balloon-kyphoplasty/"
PAGE_TITLE = "Balloon Kyphoplasty"
FOLDER = ("Illustrations", "Balloon kyphoplasty")
# A colour no demo illustration has, per viewport, so each run shows a picture of its own.
COLOURS = {"desktop": (200, 40, 120), "phone": (40, 150, 200)}
SHOTS = Path(tempfile.gettempdir()) / "media-journey"


@pytest.fixture
def snap(request, page, viewport):
    """snap(name): a screenshot of the editor's window, numbered in the order taken."""
    test = request.node.originalname.removeprefix("test_")[:40]
    SHOTS.mkdir(exist_ok=True)
    taken = []

    def take(name: str, on=None) -> None:
        taken.append(name)
        (on or page).screenshot(path=SHOTS / f"{test}-{viewport}-{len(taken):02}-{name}.png")

    return take


class Traffic:
    """What the editor's browser asks of the site, popups included."""

    QUIET_MS = 300

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []  # every response of 400 or more
        self.in_flight = set()
        context = page.context
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)
        context.on("response", self._answered)

    def _started(self, request) -> None:
        self.in_flight.add(request)

    def _ended(self, request) -> None:
        self.in_flight.discard(request)

    def _answered(self, response) -> None:
        if response.status >= 400:
            self.errors.append(f"{response.status} {response.request.method} {response.url}")

    def settle(self, timeout_ms: int = 10_000) -> None:
        """Until nothing has been in flight for a moment: a person's pace before a click that
        changes something. Pages go on fetching after they load (filer's thumbnails, the CMS
        toolbar), and those requests write to the database too; on the SQLite demo site a
        write racing another can fail with "database is locked"."""
        waited = quiet = 0
        while quiet < self.QUIET_MS and waited < timeout_ms:
            quiet = 0 if self.in_flight else quiet + 50
            self.page.wait_for_timeout(50)
            waited += 50


@pytest.fixture
def traffic(page):
    return Traffic(page)


def new_picture(folder: Path, viewport: str) -> Path:
    path = folder / f"balloon-replacement-{viewport}.png"
    PILImage.new("RGB", (800, 600), COLOURS[viewport]).save(path)
    return path


def upload_to_the_library(page, traffic, picture: Path) -> None:
    """Admin › Filer › Folders, down to the demo's folder, then Upload Files."""
    page.goto("/admin/")
    page.get_by_role("link", name="Folders", exact=True).click()
    for name in FOLDER:
        page.get_by_role("link", name=name, exact=True).click()
    expect(page.locator(".breadcrumbs")).to_contain_text(" › ".join(FOLDER))
    row = page.get_by_role("row").filter(has_text=picture.name)
    expect(row).to_have_count(0)
    traffic.settle()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("link", name="Upload Files").click()
    chooser.value.set_files(picture)
    # filer reloads the listing once every file is in.
    expect(row).to_have_count(1)
    expect(row).to_contain_text("800x600 px")


def open_the_draft(page, traffic) -> str:
    """The procedure page's draft in edit mode (started from the live version unless one is
    open); returns its address, to come back to."""
    page.goto(PROCEDURE)
    traffic.settle()
    # The live page's toolbar offers "New Draft", or "Edit" when a draft is already open.
    toolbar_link(page, re.compile(r"^(New Draft|Edit)$", re.IGNORECASE)).click()
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Draft\)"))).to_be_attached()
    traffic.settle()
    return page.url


def open_image_editor(page):
    """The half-width Image plugin's editor in the CMS modal, from the structure board."""
    page.locator(".cms-toolbar [data-cms-structure-btn]").click()
    image = page.locator(".cms-structure .cms-dragitem").filter(
        has=page.locator(".cms-dragitem-text", has_text=re.compile(r"^Image\b"))
    )
    image.locator("[data-rel=edit]").click()
    editor = page.frame_locator(".cms-modal-frame iframe")
    expect(editor.get_by_label("Alt text")).to_be_visible()
    return editor


def save_the_plugin(page, traffic) -> None:
    traffic.settle()
    with page.expect_response(re.compile(r"/edit-plugin/\d+/")) as saved:
        page.locator(".cms-modal-buttons").get_by_role("link", name="Save").click()
    assert saved.value.status < 400, saved.value.status
    expect(page.locator(".cms-modal")).to_be_hidden()
    # django CMS refreshes the page and toolbar after a save at its own pace: start afresh,
    # in content mode.
    traffic.settle()
    page.reload()
    if page.locator(".cms-structure").is_visible():
        page.locator(".cms-toolbar [data-cms-structure-btn]").click()


@pytest.fixture
def abandoned_draft(page, site, traffic):
    """The draft, opened for the test and discarded after it (Version menu › Discard Changes),
    so the page's next test starts from the live version whatever this one left."""
    log_in(page, site)
    draft = open_the_draft(page, traffic)
    yield draft
    page.goto(draft)
    traffic.settle()
    toolbar_link(page, re.compile(r"^Version #\d+ \(Draft\)$")).click()
    page.locator(".cms-toolbar").get_by_role("link", name="Discard Changes").click()
    page.get_by_role("button", name="Yes, I'm sure").click()
    expect(page).to_have_url(re.compile(r"/pagecontentversion/"))  # the page's version list
    expect(page.get_by_role("row").filter(has_text="Draft")).to_have_count(0)


def submit_and_approve(page, traffic, snap) -> None:
    """The author's Review menu, then the reviewer's queue and approval page."""
    traffic.settle()
    submit_for_review(page)
    traffic.settle()

    page.goto("/admin/editorial/review/")
    # The page's row ("Balloon Kyphoplasty (en-us)"), not a risk list "… (balloon kyphoplasty)";
    # the newest, as the queue lists the latest requests first.
    request = (
        page.get_by_role("row")
        .filter(has_text=re.compile(rf"^\s*{re.escape(PAGE_TITLE)} \("))
        .filter(has_text="Awaiting review")
        .first
    )
    snap("review-queue")
    request.get_by_role("link", name="Approve or reject").click()
    expect(page.get_by_text("Latest review: Awaiting review")).to_be_visible()
    page.get_by_label("Comment (required to reject)").fill("Picture and alt text checked.")
    snap("approval")
    traffic.settle()
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_have_text("Approved.")


def test_a_new_picture_reaches_visitors_after_review_and_publishing(
    page, browser, site, viewport, tmp_path, snap, traffic
):
    picture = new_picture(tmp_path, viewport)
    alt = f"A plain card in a single colour, standing in for the balloon ({viewport})."
    log_in(page, site)

    upload_to_the_library(page, traffic, picture)
    snap("uploaded")

    draft = open_the_draft(page, traffic)
    snap("draft")
    editor = open_image_editor(page)
    snap("image-editor")
    with page.expect_popup() as lookup:
        editor.get_by_title("Lookup").filter(visible=True).click()  # the magnifier
    library = lookup.value
    expect(library.get_by_role("link", name=picture.name, exact=True)).to_be_visible()
    snap("library-window", on=library)
    with library.expect_event("close"):
        library.get_by_role("link", name=picture.name, exact=True).click()
    expect(editor.locator(".filer-widget .description_text")).to_have_text(picture.name)
    editor.get_by_label("Alt text").fill(alt)
    snap("image-chosen")
    save_the_plugin(page, traffic)
    figure = page.locator("figure.media-figure--half")
    expect(figure.locator("img")).to_have_attribute("alt", alt)
    expect(figure.locator("img")).to_have_attribute("src", re.compile(re.escape(picture.stem)))
    figure.scroll_into_view_if_needed()
    snap("draft-with-new-picture")

    submit_and_approve(page, traffic, snap)
    page.goto(draft)
    traffic.settle()
    toolbar_link(page, "Publish").click()
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Published\)"))).to_be_attached()
    snap("published")
    assert not traffic.errors, traffic.errors

    visitor = browser.new_context(base_url=site.url, viewport=page.viewport_size)
    public = visitor.new_page()
    public.goto(PROCEDURE)
    shown = public.locator("figure.media-figure--half img")
    shown.scroll_into_view_if_needed()
    expect(shown).to_have_attribute("alt", alt)
    # A rendition (filer_public_thumbnails/…/<name>.png__640x0….png), not the original.
    assert re.search(rf"/{re.escape(picture.name)}__\d+x\d+", shown.get_attribute("src"))
    assert shown.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    assert picture.stem in shown.evaluate("img => img.currentSrc")
    snap("visitor", on=public)
    visitor.close()


def test_publishing_a_picture_without_alt_text_is_refused_naming_the_file(
    page, abandoned_draft, snap, traffic
):
    editor = open_image_editor(page)
    file_name = editor.locator(".filer-widget .description_text").inner_text().strip()
    editor.get_by_label("Alt text").fill("")
    expect(editor.get_by_label("Decorative")).not_to_be_checked()
    snap("alt-text-cleared")
    save_the_plugin(page, traffic)

    warning = page.locator(".editor-warning")
    expect(warning).to_contain_text("This image has no alt text")
    warning.scroll_into_view_if_needed()
    snap("editor-warning")

    submit_and_approve(page, traffic, snap)
    page.goto(abandoned_draft)
    traffic.settle()
    toolbar_link(page, "Publish").click()

    message = page.locator(".cms-messages")
    expect(message).to_contain_text(
        f"The image “{file_name}” has no alt text: describe it, or mark it decorative."
    )
    # It slides out from under the toolbar and hides again after 3 seconds (django CMS).
    message.evaluate(
        """m => new Promise(done => (function settled() {
            const below = document.querySelector(".cms-toolbar").getBoundingClientRect().bottom;
            m.getBoundingClientRect().top >= below ? done() : requestAnimationFrame(settled);
        })())"""
    )
    snap("publish-refused")
    expect(page.locator(".cms-toolbar").get_by_text(re.compile(r"\(Draft\)"))).to_be_attached()
    assert not traffic.errors, traffic.errors


def test_double_clicking_the_half_width_picture_opens_its_editor(page, abandoned_draft):
    figure = page.locator("figure.media-figure--half")
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()

    # Where a person's pointer lands, whatever element is on top there.
    page.mouse.dblclick(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    editor = page.frame_locator(".cms-modal-frame iframe")
    expect(editor.get_by_label("Alt text")).to_be_visible()
