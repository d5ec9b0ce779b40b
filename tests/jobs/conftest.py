"""Import jobs run at once unless a test picks the database backend; files go to tmp_path."""

import pytest

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.TASKS = IMMEDIATE
    settings.PORTAL_IMPORT_DIR = tmp_path / "imports"
    return settings.PORTAL_IMPORT_DIR
