"""
Editorial actions through the admin's HTTP endpoints, the way an editor's
browser performs them: start a draft, edit a plugin, publish. Tests use these
to prove what visitors see after an editor acts.
"""

from urllib.parse import urlencode

from cms.models import CMSPlugin
from django.urls import reverse  # noqa: F401 (re-exported for tests)
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

# The placeholder endpoints want to know the page the editor came from.
CMS_PATH = "?cms_path=/"


def admin_form_data(form) -> dict:
    """What an admin change form posts back unchanged (checkboxes as a browser sends them)."""
    data = {name: form[name].value() for name in form.fields}
    return {k: ("on" if v is True else v) for k, v in data.items() if v not in (None, False)}


def version_action_url(content, action: str) -> str:
    version = Version.objects.get_for_content(content)
    proxy = version.versionable.version_model_proxy
    return reverse(
        f"admin:{proxy._meta.app_label}_{proxy._meta.model_name}_{action}", args=[version.pk]
    )


def start_draft(client, content):
    """'Edit' on published content: versioning copies it into a new draft, which is returned."""
    response = client.post(version_action_url(content, "edit_redirect"))
    assert response.status_code == 302, response.content[:500]
    version = Version.objects.get_for_content(content)
    draft = (
        Version.objects.filter(content_type=version.content_type, state=DRAFT)
        .filter(object_id__in=version.versionable.for_content_grouping_values(content).values("pk"))
        .get()
    )
    return draft.content


def publish(client, content):
    return client.post(version_action_url(content, "publish"))


def plugins_of(content, slot: str | None = None):
    """The content's plugins, downcast, in tree order."""
    placeholders = content.get_placeholders()
    if slot:
        placeholders = placeholders.filter(slot=slot)
    plugins = CMSPlugin.objects.filter(placeholder__in=placeholders).order_by("position")
    return [plugin.get_bound_plugin() for plugin in plugins]


def edit_plugin(client, plugin, **fields):
    """POST the plugin's edit form, as the editor's modal does."""
    url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk]) + CMS_PATH
    return client.post(url, fields)


def add_plugin(client, content, slot_or_placeholder, plugin_type: str, *, parent=None, **fields):
    """The structure board's 'add plugin' modal: GET parameters pick the spot, POST the form."""
    placeholder = (
        content.get_placeholders().get(slot=slot_or_placeholder)
        if isinstance(slot_or_placeholder, str)
        else slot_or_placeholder
    )
    last = placeholder.get_plugins().order_by("-position").values_list("position", flat=True)
    query = {
        "cms_path": "/",
        "placeholder_id": placeholder.pk,
        "plugin_type": plugin_type,
        "plugin_language": placeholder.get_plugins().values_list("language", flat=True).first()
        or "en-us",
        "plugin_position": (last.first() or 0) + 1,
    }
    if parent is not None:
        query["plugin_parent"] = parent.pk
    url = reverse("admin:cms_placeholder_add_plugin") + "?" + urlencode(query)
    return client.post(url, fields)


def delete_plugin(client, plugin):
    url = reverse("admin:cms_placeholder_delete_plugin", args=[plugin.pk]) + CMS_PATH
    response = client.post(url, {"post": "yes"})
    assert not CMSPlugin.objects.filter(pk=plugin.pk).exists(), response.content[:500]
    return response


def move_plugin(client, plugin, *, position: int):
    """Drag a plugin to `position` (1-based, counted over the whole placeholder) in its parent."""
    url = reverse("admin:cms_placeholder_move_plugin") + CMS_PATH
    return client.post(
        url,
        {
            "plugin_id": plugin.pk,
            "target_position": position,
            "target_language": plugin.language,
            "plugin_parent": plugin.parent_id or "",
        },
    )


def edit_url(content) -> str:
    """The on-page editing URL the toolbar opens for this content."""
    from cms.toolbar.utils import get_object_edit_url

    return get_object_edit_url(content)


def request_review(client, content):
    version = Version.objects.get_for_content(content)
    return client.post(reverse("admin:editorial_review_request", args=[version.pk]))


def decide(client, content, *, approve: bool = True, comment: str = ""):
    """The medical reviewer's Approve / Reject buttons."""
    version = Version.objects.get_for_content(content)
    button = "approve" if approve else "reject"
    url = reverse("admin:editorial_review_decide", args=[version.pk])
    return client.post(url, {button: "1", "comment": comment})


def approve_and_publish(client, content):
    """For a superuser: approve the draft, then publish it (the full review path is tested
    in tests/editorial)."""
    response = decide(client, content, approve=True)
    assert response.status_code == 302, response.content[:800]
    response = publish(client, content)
    version = Version.objects.get(pk=Version.objects.get_for_content(content).pk)
    assert version.state == "published", _messages(response)
    return response


def _messages(response) -> list[str]:
    from django.contrib.messages import get_messages

    return [str(m) for m in get_messages(response.wsgi_request)]
