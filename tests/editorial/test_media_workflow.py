"""An image from upload to patients, through the three editorial roles, over HTTP."""

import pytest
from cms.models import PageContent
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from djangocms_versioning.models import Version
from filer.models import Image
from lxml import html

from media.library import folder_at
from tests import editing, factories

pytestmark = pytest.mark.django_db


def visible_images(response) -> list[tuple[str, str]]:
    return [
        (i.get("src"), i.get("alt")) for i in html.fromstring(response.content).xpath("//main//img")
    ]


def test_an_uploaded_image_reaches_patients_only_after_review_and_publishing(
    client, site_tree, as_author, as_reviewer, as_publisher
):
    folder = folder_at("Illustrations")
    # The author uploads through the media library's upload button (filer's upload view).
    upload = as_author.post(
        reverse("admin:filer-ajax_upload", args=[folder.pk]),
        {
            "file": SimpleUploadedFile(
                "balloon.png", factories.png_bytes(800, 600), content_type="image/png"
            )
        },
    )
    assert upload.status_code == 200, upload.content[:300]
    image = Image.objects.get(original_filename="balloon.png")

    # ... places it with alt text on a draft of the procedure page, and submits it.
    live = PageContent.objects.get(page=site_tree.procedure, language="en-us")
    draft = editing.start_draft(as_author, live)
    editing.add_plugin(
        as_author,
        draft,
        "content",
        "PicturePlugin",
        image=image.pk,
        alt_text="A balloon lifting the collapsed bone",
        width="full",
    )
    editing.request_review(as_author, draft)
    page_url = site_tree.procedure.get_absolute_url()
    assert not any("balloon" in src for src, _ in visible_images(client.get(page_url)))

    # The reviewer compares the draft with the live page, then approves it.
    version = Version.objects.get_for_content(draft)
    decide = as_reviewer.get(reverse("admin:editorial_review_decide", args=[version.pk]))
    compare_url = html.fromstring(decide.content).xpath("//a[contains(., 'compared with')]/@href")[
        0
    ]
    assert as_reviewer.get(compare_url).status_code == 200
    editing.decide(as_reviewer, draft, approve=True)
    assert not any("balloon" in src for src, _ in visible_images(client.get(page_url)))

    # The publisher publishes: the next anonymous request shows the image.
    editing.publish(as_publisher, draft)

    shown = visible_images(client.get(page_url))
    assert any(
        "balloon" in src and alt == "A balloon lifting the collapsed bone" for src, alt in shown
    )
