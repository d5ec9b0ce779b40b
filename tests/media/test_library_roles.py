"""Who may do what in the media library, checked through filer's admin pages and uploader."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from filer.models import File, Folder, Image

from editorial import conf
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


@pytest.fixture
def image(folder):
    return factories.library_image("spine.png", folder=folder)


def listing_url(folder) -> str:
    return reverse("admin:filer-directory_listing", kwargs={"folder_id": folder.pk})


def change_url(image, admin_name: str = "filer_image") -> str:
    return reverse(f"admin:{admin_name}_change", args=[image.pk])


def test_a_content_author_browses_uploads_and_makes_folders(login_as, folder, upload):
    author = login_as(conf.ROLE_AUTHOR)

    assert author.get(listing_url(folder)).status_code == 200
    response = upload(author, folder, "spine.png", factories.png_bytes())
    assert response.status_code == 200, response.content
    assert Image.objects.get(pk=response.json()["file_id"]).folder == folder
    assert "spine.png" in author.get(listing_url(folder)).content.decode()

    make_folder = reverse("admin:filer-directory_listing-make_folder", args=[folder.pk])
    assert author.post(make_folder, {"name": "Spine"}).status_code == 200
    assert Folder.objects.filter(parent=folder, name="Spine").exists()


def test_a_content_author_edits_and_deletes_an_unused_image(login_as, image):
    author = login_as(conf.ROLE_AUTHOR)

    response = author.post(change_url(image), {"default_alt_text": "A vertebra, side view"})
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.default_alt_text == "A vertebra, side view"

    author.post(reverse("admin:filer_image_delete", args=[image.pk]), {"post": "yes"})
    assert not Image.objects.filter(pk=image.pk).exists()


def test_a_physician_data_manager_has_no_media_rights(login_as, folder, image, upload):
    data_manager = login_as(conf.ROLE_PHYSICIAN_DATA)

    for url in (
        reverse("admin:filer-directory_listing-root"),
        listing_url(folder),
        change_url(image),
        change_url(image, "filer_file"),
        reverse("admin:filer_file_changelist"),
    ):
        assert data_manager.get(url).status_code == 403, url
    response = upload(data_manager, folder, "upload.png", factories.png_bytes())
    assert (response.status_code, response.json()) == (
        403,
        {"error": "You do not have permission to upload files."},
    )
    assert list(File.objects.all()) == [image]


@pytest.mark.parametrize("role", [conf.ROLE_REVIEWER, conf.ROLE_PUBLISHER])
def test_reviewers_and_publishers_browse_but_change_nothing(login_as, role, folder, image, upload):
    browser = login_as(role)

    assert "spine.png" in browser.get(listing_url(folder)).content.decode()
    details = browser.get(change_url(image))
    assert details.status_code == 200  # read-only: they see what a page shows
    assert 'type="file"' not in details.content.decode()
    assert "Where it is used" in details.content.decode()

    assert browser.post(change_url(image), {"default_alt_text": "x"}).status_code == 403
    assert upload(browser, folder, "upload.png", factories.png_bytes()).status_code == 403
    delete = reverse("admin:filer_image_delete", args=[image.pk])
    assert browser.post(delete, {"post": "yes"}).status_code == 403
    for action, fields in (
        ("delete_files_or_folders", {}),
        ("rename_files", {"rename_format": "renamed-%(counter)s"}),
    ):
        browser.post(
            listing_url(folder),
            {"action": action, ACTION_CHECKBOX_NAME: f"file-{image.pk}", "post": "yes", **fields},
        )
    image.refresh_from_db()
    assert (image.name, image.default_alt_text) == ("", None)
    assert list(File.objects.all()) == [image]


@pytest.mark.parametrize("admin_name", ["filer_image", "filer_file"])
def test_staff_without_library_rights_cannot_change_an_image(folder, image, media_root, admin_name):
    staff = Client()
    staff.force_login(factories.UserFactory(is_staff=True))
    stored = image.file.name

    assert staff.get(change_url(image, admin_name)).status_code == 403
    response = staff.post(
        change_url(image, admin_name),
        {
            "default_alt_text": "hacked",
            "file": SimpleUploadedFile("swap.png", factories.png_bytes(10, 10)),
        },
    )

    assert response.status_code == 403
    image.refresh_from_db()
    assert (image.default_alt_text, image.file.name) == (None, stored)
    assert (media_root / stored).read_bytes() == factories.png_bytes()
