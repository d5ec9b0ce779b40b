"""Fixtures for the media library tests: an upload folder of the test's own, logins per role."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import factories


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    """Uploads of this test only, so counting files on disk sees nothing else."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def files_on_disk(media_root):
    """Uploaded files stored (renditions and the admin's icons are made on demand: not counted)."""

    def count() -> int:
        uploads = media_root / "filer_public"
        return sum(1 for path in uploads.rglob("*") if path.is_file())

    return count


@pytest.fixture
def folder(db):
    return factories.library_folder("Illustrations")


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def login_as(db):
    """A browser session for a new staff user in one of the editorial roles."""

    def login(role: str) -> Client:
        browser = Client()
        browser.force_login(factories.staff_in_role(role))
        return browser

    return login


@pytest.fixture
def upload():
    """What filer's uploader (its button, or drag and drop) posts for one file."""

    def post(client, folder, name: str, data: bytes):
        url = reverse("admin:filer-ajax_upload", kwargs={"folder_id": folder.pk})
        return client.post(url, {"file": SimpleUploadedFile(name, data)})

    return post
