"""Media goes through review like text: alt text and captions before publishing, a replaced
image shown to patients only once approved and published, one set of steps on two pages."""

import pytest
from cms.models import PageContent
from django.contrib.messages import get_messages
from django.urls import reverse
from djangocms_alias.models import Alias, AliasContent, Category
from djangocms_versioning.models import Version
from lxml import html

from media.models import Picture, Step, Video
from tests import editing, factories
from tests.media.images import illustration

pytestmark = pytest.mark.django_db


def state_of(content) -> str:
    return Version.objects.get(pk=Version.objects.get_for_content(content).pk).state


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def image_sources(response) -> list[str]:
    return [img.get("src") for img in html.fromstring(response.content).xpath("//main//img")]


@pytest.fixture
def draft_of_child(admin_client, site_tree):
    live = PageContent.objects.get(page=site_tree.child, language="en-us")
    return editing.start_draft(admin_client, live)


def test_publishing_an_image_without_alt_text_is_refused_naming_it(
    admin_client, draft_of_child, tmp_path
):
    image = illustration("collapsed-vertebra.png")
    editing.add_plugin(
        admin_client, draft_of_child, "content", "PicturePlugin", image=image.pk, width="full"
    )
    assert Picture.objects.filter(image=image).exists()

    editing.decide(admin_client, draft_of_child, approve=True)
    response = editing.publish(admin_client, draft_of_child)

    assert state_of(draft_of_child) == "draft"
    assert any("collapsed-vertebra.png" in m and "alt text" in m for m in messages_of(response))


def test_a_decorative_image_may_be_published_without_alt_text(
    admin_client, draft_of_child, tmp_path
):
    image = illustration()
    editing.add_plugin(
        admin_client,
        draft_of_child,
        "content",
        "PicturePlugin",
        image=image.pk,
        decorative="on",
        width="full",
    )

    editing.approve_and_publish(admin_client, draft_of_child)

    assert state_of(draft_of_child) == "published"


def test_publishing_a_video_without_captions_is_refused(
    admin_client, editor, draft_of_child, tmp_path
):
    from filer.models import File

    video_path = tmp_path / "procedure.mp4"
    video_path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    from django.core.files import File as DjangoFile

    with video_path.open("rb") as handle:
        video = File.objects.create(file=DjangoFile(handle, name="procedure.mp4"), owner=editor)
    factories.demo.add_plugins(
        draft_of_child.get_placeholders().get(slot="content"),
        [
            {
                "plugin": "VideoPlugin",
                "title": "The procedure, filmed",
                "video_file": video,
                "poster": illustration(),
            }
        ],
        language="en-us",
    )

    editing.decide(admin_client, draft_of_child, approve=True)
    response = editing.publish(admin_client, draft_of_child)

    assert state_of(draft_of_child) == "draft"
    assert Video.objects.filter(title="The procedure, filmed").exists()
    assert any("The procedure, filmed" in m and "captions" in m for m in messages_of(response))


def test_editors_see_the_missing_alt_text_on_the_page(admin_client, draft_of_child, tmp_path):
    image = illustration()
    editing.add_plugin(
        admin_client, draft_of_child, "content", "PicturePlugin", image=image.pk, width="full"
    )

    response = admin_client.get(editing.edit_url(draft_of_child))

    assert "has no alt text" in response.content.decode()


def test_one_new_step_image_shows_on_both_pages_once_published(
    admin_client, client, editor, site_tree, tmp_path
):
    """The animation and the step-by-step pages show the same alias of steps."""
    old, new = (
        illustration("old.png"),
        illustration("new.png"),
    )
    alias = Alias.objects.create(category=Category.objects.create(name="Illustrated sequences"))
    content = AliasContent.objects.with_user(editor).create(
        alias=alias, name="Steps", language="en-us"
    )
    factories.demo.add_plugins(
        content.placeholder,
        [
            {
                "plugin": "StepPlugin",
                "title": "Fracture",
                "image": old,
                "alt_text": "A",
                "caption": "B",
            }
        ],
        language="en-us",
    )
    factories.demo.publish(content, user=editor)
    pages = [
        factories.published_page(
            title,
            user=editor,
            parent=site_tree.section,
            content=[{"plugin": "SequenceDisplayPlugin", "alias": alias, "layout": layout}],
        )
        for title, layout in (("Animation", "animation"), ("Steps", "steps"))
    ]
    assert all("old.png" in image_sources(client.get(p.get_absolute_url()))[0] for p in pages)

    draft = editing.start_draft(admin_client, content)
    step = Step.objects.get(placeholder=draft.placeholder)
    editing.edit_plugin(
        admin_client, step, title="Fracture", image=new.pk, alt_text="A", caption="B"
    )
    assert all("old.png" in image_sources(client.get(p.get_absolute_url()))[0] for p in pages)

    editing.approve_and_publish(admin_client, draft)

    assert all("new.png" in image_sources(client.get(p.get_absolute_url()))[0] for p in pages)


def test_the_compare_view_shows_the_image_changed(admin_client, editor, site_tree, tmp_path):
    """Versioning's compare view diffs the two versions' previews: the image source differs."""
    page = factories.published_page(
        "Illustrated",
        user=editor,
        parent=site_tree.section,
        content=[
            {
                "plugin": "PicturePlugin",
                "image": illustration("old.png"),
                "alt_text": "A",
            }
        ],
    )
    live = PageContent.objects.get(page=page, language="en-us")
    draft = editing.start_draft(admin_client, live)
    picture = Picture.objects.get(placeholder__in=draft.get_placeholders())
    editing.edit_plugin(
        admin_client,
        picture,
        image=illustration("new.png").pk,
        alt_text="A",
        width="full",
    )
    live_version = Version.objects.get_for_content(live)
    draft_version = Version.objects.get_for_content(draft)
    proxy = live_version.versionable.version_model_proxy
    url = reverse(
        f"admin:{proxy._meta.app_label}_{proxy._meta.model_name}_compare", args=[live_version.pk]
    )

    compare = admin_client.get(url, {"compare_to": draft_version.pk})
    previews = html.fromstring(compare.content).xpath("//*[@data-compare]")

    assert compare.status_code == 200 and previews
    urls = [u for u in previews[0].get("data-compare").split('"') if u.startswith("/")]
    shown = [" ".join(image_sources(admin_client.get(u))) for u in urls]
    assert any("old.png" in s for s in shown) and any("new.png" in s for s in shown)
