"""The Image plugin renders responsive, accessible markup, and makes its renditions once."""

import pytest
from django.conf import settings
from lxml import html

from tests import factories
from tests.media.images import files_under, illustration
from tests.rendering import render

pytestmark = pytest.mark.django_db


def picture(image, **fields) -> list[dict]:
    fields.setdefault("alt_text", "A side view of the spine")
    return [{"plugin": "PicturePlugin", "image": image, **fields}]


def test_renders_webp_with_the_original_format_as_fallback(tmp_path):
    plugin = picture(
        illustration(),
        caption="The spine",
        credit="Demo",
    )

    figure = html.fromstring(render(plugin))

    webp = figure.find(".//source")
    img = figure.find(".//img")
    assert webp.get("type") == "image/webp"
    assert [w.split()[-1] for w in webp.get("srcset").split(", ")] == [
        "320w",
        "480w",
        "640w",
        "800w",
    ]
    assert img.get("src").endswith(".png") and ".webp" not in img.get("srcset")
    assert (img.get("width"), img.get("height")) == ("800", "600")  # nothing shifts as it loads
    assert img.get("alt") == "A side view of the spine"
    assert img.get("loading") == "lazy"
    assert "The spine" in figure.findtext(".//figcaption") and "Demo" in figure.text_content()


def test_an_image_on_the_first_screen_loads_at_once(tmp_path):
    plugin = picture(illustration(), above_the_fold=True)

    assert html.fromstring(render(plugin)).find(".//img").get("loading") is None


def test_a_decorative_image_has_empty_alt_text(tmp_path):
    plugin = picture(illustration(), alt_text="", decorative=True)

    assert html.fromstring(render(plugin)).find(".//img").get("alt") == ""


def test_renditions_are_never_wider_than_the_original(tmp_path):
    plugin = picture(illustration(width=500, height=250))

    img = html.fromstring(render(plugin)).find(".//img")

    assert [w.split()[-1] for w in img.get("srcset").split(", ")] == ["320w", "480w", "500w"]
    assert (img.get("width"), img.get("height")) == ("500", "250")


def test_renditions_are_made_once_not_on_every_render(tmp_path):
    image = illustration()
    first = render(picture(image))
    after_first = files_under(settings.MEDIA_ROOT)

    second = render(picture(image))

    assert second.count(".webp") == first.count(".webp") > 0
    assert files_under(settings.MEDIA_ROOT) == after_first  # no new file, none rewritten


def test_a_published_page_shows_its_image_to_visitors(client, editor, site_tree, tmp_path):
    image = illustration()
    page = factories.published_page(
        "Illustrated",
        user=editor,
        parent=site_tree.section,
        content=[{"plugin": "PicturePlugin", "image": image, "alt_text": "A spine"}],
    )

    response = client.get(page.get_absolute_url())
    img = html.fromstring(response.content).xpath("//main//img")[0]
    served = client.get(img.get("src"))

    assert img.get("alt") == "A spine"
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert "sandbox" in served["Content-Security-Policy"]


def test_a_photo_falls_back_to_jpeg(tmp_path):
    """Regression: a JPEG rendition option easy-thumbnails also sets made every JPEG fail."""
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (200, 180, 150)).save(buffer, format="JPEG")
    photo = factories.library_image("ward.jpg", data=buffer.getvalue())

    img = html.fromstring(render(picture(photo))).find(".//img")

    assert img.get("src").endswith(".jpg") and "800w" in img.get("srcset")
