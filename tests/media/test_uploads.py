"""Uploads to the media library are checked by content, through filer's own upload endpoints."""

import hashlib
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from filer.models import File, Image
from PIL import Image as PILImage

from tests import editing, factories, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

ORIENTATION, GPS_IFD = 0x0112, 0x8825


def jpeg_from_a_phone(width: int = 60, height: int = 40) -> bytes:
    """A photo held sideways (EXIF Orientation 6) that says where it was taken."""
    exif = PILImage.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD)[2] = (48.0, 51.0, 0.0)  # GPSLatitude
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (10, 120, 200)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def noisy_png(width: int, height: int) -> bytes:
    """A PNG that does not compress: its size on disk is about width x height x 3 bytes."""
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(buffer, "PNG")
    return buffer.getvalue()


HTML = b"<!doctype html><html><script>alert(document.cookie)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(64)
WEBM = b"\x1a\x45\xdf\xa3" + bytes(64)
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nThe balloon is inflated.\n"


def test_a_png_is_stored_as_uploaded(as_editor, folder, media_root, upload):
    response = upload(as_editor, folder, "spine.png", factories.png_bytes(40, 30))

    assert response.status_code == 200, response.content
    image = Image.objects.get(pk=response.json()["file_id"])
    assert (image.folder, image.width, image.height) == (folder, 40, 30)
    assert (media_root / image.file.name).read_bytes() == factories.png_bytes(40, 30)


def test_a_photo_loses_its_exif_and_location_and_stays_upright(
    as_editor, folder, media_root, upload
):
    response = upload(as_editor, folder, "ward.jpg", jpeg_from_a_phone(60, 40))

    assert response.status_code == 200, response.content
    image = Image.objects.get(pk=response.json()["file_id"])
    stored = (media_root / image.file.name).read_bytes()
    with PILImage.open(io.BytesIO(stored)) as photo:
        assert photo.format == "JPEG"
        assert dict(photo.getexif()) == {}
        assert photo.getexif().get_ifd(GPS_IFD) == {}
        assert "exif" not in photo.info
        assert photo.size == (40, 60)  # turned as the phone said, not left sideways
    # The row describes the file as stored, not the upload before its EXIF was stripped.
    assert (image.width, image.height) == (40, 60)
    assert image.size == len(stored)
    assert image.sha1 == hashlib.sha1(stored).hexdigest()


@pytest.mark.parametrize(
    "name, data",
    [
        ("clip.mp4", MP4),
        ("clip.webm", WEBM),
        ("clip.en.vtt", VTT),
        ("bom.vtt", b"\xef\xbb\xbf" + VTT),
    ],
)
def test_real_video_and_captions_are_accepted(as_editor, folder, upload, name, data):
    response = upload(as_editor, folder, name, data)

    assert response.status_code == 200, response.content
    assert File.objects.get(pk=response.json()["file_id"]).original_filename == name


def truncated_png() -> bytes:
    data = noisy_png(64, 64)
    return data[: len(data) // 2]


def jpeg() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20)).save(buffer, "JPEG")
    return buffer.getvalue()


REFUSED = {
    "a JPEG named .png": (
        "photo.png",
        jpeg,
        'File "photo.png" is not a PNG image (its content is JPEG).',
    ),
    "a truncated PNG": (
        "cut.png",
        truncated_png,
        'File "cut.png" is damaged or incomplete: save it again and upload the new copy.',
    ),
    "an SVG with a script": (
        "logo.svg",
        lambda: SVG,
        'File "logo.svg": SVG upload denied by site security policy',
    ),
    "a fake MP4": ("clip.mp4", lambda: HTML, 'File "clip.mp4" is not an MP4 video.'),
    "a fake WebM": ("clip.webm", lambda: MP4, 'File "clip.webm" is not a WebM video.'),
    "captions without WEBVTT": (
        "clip.vtt",
        lambda: b"1\n00:00:00,000 --> 00:00:02,000\nThe balloon is inflated.\n",
        'File "clip.vtt" is not a WebVTT captions file (it must start with WEBVTT).',
    ),
    "captions not in UTF-8": (
        "latin.vtt",
        lambda: "WEBVTT\n\n00:00.000 --> 00:02.000\nVertèbre\n".encode("latin-1"),
        'File "latin.vtt" is not UTF-8 text: save the captions as UTF-8 and upload again.',
    ),
}


@pytest.mark.parametrize("name, make, message", REFUSED.values(), ids=REFUSED.keys())
def test_a_refused_upload_says_why_and_leaves_nothing(
    as_editor, folder, files_on_disk, upload, name, make, message
):
    files_before, rows_before = files_on_disk(), File.objects.count()

    response = upload(as_editor, folder, name, make())

    assert (response.status_code, response.json()) == (400, {"error": message})
    assert File.objects.count() == rows_before
    assert files_on_disk() == files_before


def test_html_named_png_is_refused(as_editor, folder, files_on_disk, upload):
    # filer's own form reads the pixels first and answers with its message.
    response = upload(as_editor, folder, "page.png", HTML)

    assert response.status_code == 400
    assert "Image format not recognized" in response.json()["error"]
    assert File.objects.count() == 0
    assert files_on_disk() == 0


def test_an_oversize_image_is_refused_with_the_limit(
    as_editor, folder, files_on_disk, upload, settings
):
    settings.PORTAL_MEDIA_MAX_IMAGE_MB = 1
    data = noisy_png(700, 700)
    assert len(data) > 1024 * 1024

    response = upload(as_editor, folder, "big.png", data)

    assert response.status_code == 400
    assert response.json()["error"] == (
        f'File "big.png" is {-(-len(data) * 10 // (1024 * 1024)) / 10} MB; '
        "images may be at most 1 MB."
    )
    assert File.objects.count() == 0
    assert files_on_disk() == 0


# --- Replacing the file on the change form ---------------------------------------


def replace_file(client, image, name: str, data: bytes):
    """The change form's Advanced > File field, with everything else posted back as shown."""
    url = reverse("admin:filer_image_change", args=[image.pk])
    form = client.get(url).context["adminform"].form
    fields = {**editing.admin_form_data(form), "file": SimpleUploadedFile(name, data)}
    return client.post(url, fields)


def test_replacing_with_a_good_image_works(as_editor, folder):
    image = factories.library_image("spine.png", folder=folder)

    response = replace_file(as_editor, image, "spine-v2.png", factories.png_bytes(80, 60))

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.width, image.height) == (80, 60)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("photo.png", jpeg(), 'File "photo.png" is not a PNG image (its content is JPEG).'),
        ("page.png", HTML, 'File "page.png" is not an image.'),
        ("logo.svg", SVG, 'File "logo.svg": SVG upload denied by site security policy'),
        ("cut.png", truncated_png(), 'File "cut.png" is damaged or incomplete'),
    ],
    ids=["JPEG named .png", "HTML named .png", "SVG", "truncated PNG"],
)
def test_replacing_with_a_refused_file_shows_a_form_error(
    as_editor, folder, files_on_disk, name, data, message
):
    image = factories.library_image("spine.png", folder=folder)
    stored, files_before = image.file.name, files_on_disk()

    response = replace_file(as_editor, image, name, data)

    assert response.status_code == 200
    errors = html.texts(response, '//ul[contains(@class, "errorlist")]/li')
    assert any(error.startswith(message) for error in errors), errors
    image.refresh_from_db()
    assert image.file.name == stored
    assert files_on_disk() == files_before


def test_a_decompression_bomb_is_refused(as_editor, folder, monkeypatch):
    image = factories.library_image("spine.png", folder=folder)
    # A real bomb is gigapixels; lowering Pillow's limit makes a small image one.
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)

    with pytest.warns(PILImage.DecompressionBombWarning):  # filer measures it first
        response = replace_file(as_editor, image, "bomb.png", factories.png_bytes(40, 40))

    errors = html.texts(response, '//ul[contains(@class, "errorlist")]/li')
    assert errors == [
        'File "bomb.png" has more pixels than can be processed safely (at most 1,000): '
        "make it smaller and upload it again."
    ]
