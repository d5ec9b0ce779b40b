"""The Video plugin's markup, and pages with media staying on the page cache's fast path."""

import pytest
from django.core.files import File as DjangoFile
from filer.models import File
from lxml import html

from tests import factories
from tests.media.images import illustration
from tests.rendering import render

pytestmark = pytest.mark.django_db


def library_file(tmp_path, name: str, data: bytes) -> File:
    path = tmp_path / name
    path.write_bytes(data)
    with path.open("rb") as handle:
        return File.objects.create(file=DjangoFile(handle, name=name), original_filename=name)


def test_a_video_has_controls_captions_and_a_poster_and_never_autoplays(tmp_path):
    video = library_file(tmp_path, "procedure.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    captions = library_file(tmp_path, "procedure.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHi\n")

    markup = render(
        [
            {
                "plugin": "VideoPlugin",
                "title": "The procedure, filmed",
                "video_file": video,
                "poster": illustration(),
                "captions": captions,
                "transcript_url": "/patients/transcript/",
            }
        ]
    )
    element = html.fromstring(markup).xpath("//video")[0]

    assert element.get("controls") is not None and element.get("autoplay") is None
    assert element.get("preload") == "none" and element.get("poster", "").endswith(".png")
    assert element.get("aria-label") == "The procedure, filmed"
    assert element.xpath(".//source/@src")[0].endswith("procedure.mp4")
    track = element.xpath(".//track")[0]
    assert track.get("kind") == "captions" and track.get("src").endswith("procedure.vtt")
    assert html.fromstring(markup).xpath("//a[. = 'Read the transcript']/@href") == [
        "/patients/transcript/"
    ]


def test_a_page_with_images_is_served_from_the_page_cache(client, editor, site_tree, tmp_path):
    page = factories.published_page(
        "Illustrated",
        user=editor,
        parent=site_tree.section,
        content=[
            {
                "plugin": "PicturePlugin",
                "image": illustration(),
                "alt_text": "A",
            }
        ],
    )
    url = page.get_absolute_url()

    first, second = client.get(url), client.get(url)

    assert first.headers.get("X-Page-Cache") == "miss"
    assert second.headers.get("X-Page-Cache") == "hit"
    assert second.content == first.content and b"<picture>" in second.content
