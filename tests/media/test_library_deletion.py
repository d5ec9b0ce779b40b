"""A file some page or alias shows cannot be deleted from the library, only replaced."""

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from djangocms_alias.models import Alias, AliasContent, Category
from filer.models import File, Folder, Image

from tests import editing, factories, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


@pytest.fixture
def image(folder):
    return factories.library_image("spine.png", folder=folder)


@pytest.fixture
def page(editor, image):
    return factories.page_with_picture("Balloon Kyphoplasty", user=editor, image=image)


def admin_page(response):
    """The admin page as text: its curly quotes are UTF-8, which lxml cannot guess from bytes."""
    return html.tree(response.content.decode())


def messages_on(response) -> list[str]:
    return html.texts(admin_page(response), '//ul[contains(@class, "messagelist")]/li')


WHERE_USED = '//fieldset[.//h2[text()="Where it is used"]]'


def refused_twice(client, url):
    """Open the delete page, then confirm anyway as a hand-crafted POST would."""
    yield client.get(url)
    yield client.post(url, {"post": "yes"})


REFUSAL = (
    "Nothing was deleted: “spine.png” is used on a page or alias (see “Where it is used” on "
    "the file). Replace it in a draft of each instead."
)


@pytest.mark.parametrize("admin_name", ["filer_image", "filer_file"])
def test_a_used_image_cannot_be_deleted_from_its_delete_page(
    as_editor, image, page, media_root, admin_name
):
    url = reverse(f"admin:{admin_name}_delete", args=[image.pk])

    for response in refused_twice(as_editor, url):
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:filer_image_change", args=[image.pk]))
        assert messages_on(as_editor.get(response.url)) == [REFUSAL]
    assert Image.objects.filter(pk=image.pk).exists()
    assert (media_root / image.file.name).exists()


def test_a_used_image_has_no_delete_button(as_editor, image, page):
    response = as_editor.get(reverse("admin:filer_image_change", args=[image.pk]))

    assert response.status_code == 200
    assert not html.tree(response).xpath('//a[contains(@class, "deletelink")]')


def listing_url(folder) -> str:
    return reverse("admin:filer-directory_listing", kwargs={"folder_id": folder.pk})


@pytest.mark.parametrize(
    "extra",
    [{"index": "0"}, {"post": "yes"}],
    ids=["chosen from the action menu", "hand-crafted confirmation"],
)
def test_the_folder_delete_action_refuses_a_used_image(
    as_editor, folder, image, page, media_root, extra
):
    response = as_editor.post(
        listing_url(folder),
        {"action": "delete_files_or_folders", ACTION_CHECKBOX_NAME: f"file-{image.pk}", **extra},
    )

    assert response.status_code == 302
    assert messages_on(as_editor.get(response.url)) == [REFUSAL]
    assert Image.objects.filter(pk=image.pk).exists()
    assert (media_root / image.file.name).exists()


def test_deleting_the_folder_of_a_used_image_is_refused(as_editor, folder, image, page):
    other = factories.library_image("unused.png", folder=folder)
    url = reverse("admin:filer_folder_delete", args=[folder.pk])

    for response in refused_twice(as_editor, url):
        assert response.status_code == 302
        assert messages_on(as_editor.get(reverse("admin:filer-directory_listing-root"))) == [
            REFUSAL
        ]
    assert Folder.objects.filter(pk=folder.pk).exists()
    assert File.objects.filter(pk__in=[image.pk, other.pk]).count() == 2


def test_an_unused_image_can_be_deleted(as_editor, image, media_root):
    stored = media_root / image.file.name

    response = as_editor.post(reverse("admin:filer_image_delete", args=[image.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not stored.exists()


def test_unused_files_go_with_the_folder_action(as_editor, folder, image):
    response = as_editor.post(
        listing_url(folder),
        {
            "action": "delete_files_or_folders",
            ACTION_CHECKBOX_NAME: f"file-{image.pk}",
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not File.objects.exists()


def test_the_change_form_says_where_the_image_is_used(as_editor, editor, image, page):
    content = PageContent.admin_manager.get(page=page, language=factories.LANGUAGE)
    editing.start_draft(as_editor, content)  # the draft copies the Picture plugin
    alias = Alias.objects.create(category=Category.objects.create(name="Sequences"))
    steps = AliasContent.objects.with_user(editor).create(
        alias=alias, name="Procedure steps", language=factories.LANGUAGE
    )
    add_plugin(
        steps.placeholder,
        "StepPlugin",
        factories.LANGUAGE,
        title="Inflate",
        image=image,
        caption="The balloon is inflated.",
    )

    response = as_editor.get(reverse("admin:filer_image_change", args=[image.pk]))

    assert html.texts(admin_page(response), f"{WHERE_USED}//li") == [
        "Page “Balloon Kyphoplasty” (en-us): published, as image",
        "Alias “Procedure steps” (en-us): draft, as sequence step",
        "Page “Balloon Kyphoplasty” (en-us): draft, as image",
    ]
    links = admin_page(response).xpath(f"{WHERE_USED}//li/a/@href")
    assert len(links) == 3
    assert "upload the new file and choose it in a draft" in html.visible_text(admin_page(response))


def test_the_change_form_says_when_an_image_is_not_used(as_editor, image):
    response = as_editor.get(reverse("admin:filer_image_change", args=[image.pk]))

    assert html.texts(admin_page(response), f'{WHERE_USED}//div[@class="readonly"]') == [
        "Not used on any page or alias."
    ]


def test_a_used_image_cannot_be_swapped_for_other_bytes(as_editor, image, page, client):
    """Swapping the file would change the published page without review: the field is
    read-only, and a crafted POST changes nothing."""
    url = reverse("admin:filer_image_change", args=[image.pk])
    form = as_editor.get(url).context["adminform"].form
    before = image.sha1
    fields = {
        **editing.admin_form_data(form),
        "file": SimpleUploadedFile("other.png", factories.png_bytes(80, 60)),
    }

    as_editor.post(url, fields)

    assert "file" not in form.fields
    image.refresh_from_db()
    assert image.sha1 == before and (image.width, image.height) == (40, 30)
