"""
Where a library file is used: the plugins that show it, in any version of a page or alias.

The file's change form lists these, so an editor sees why the file cannot be deleted and
which pages change when it is replaced. Queries only: nothing here writes.
"""

from collections import defaultdict
from dataclasses import dataclass

from cms.models import CMSPlugin, PageContent, UserSettings
from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.text import capfirst
from djangocms_alias.models import AliasContent
from djangocms_versioning import versionables
from djangocms_versioning.helpers import get_preview_url
from djangocms_versioning.models import Version

from .models import Picture, Step, Video

# Every plugin field that refers to a library file, and what the file is to that plugin.
REFERENCES = [
    (Picture, "image", "Image"),
    (Video, "video_file", "Video"),
    (Video, "poster", "Video poster"),
    (Video, "captions", "Video captions"),
    (Step, "image", "Sequence step"),
]
STATE_ORDER = ["published", "draft", "unpublished", "archived", ""]


@dataclass(frozen=True)
class Use:
    plugin: CMSPlugin
    role: str  # what the file is to the plugin: "Image", "Video poster"...
    content: object | None  # the PageContent or AliasContent holding the plugin
    label: str  # 'Page “Balloon Kyphoplasty”'
    language: str
    state: str  # the content's version: published, draft, unpublished, archived
    url: str  # where to open the content ("" when there is nowhere)


def uses_of(file) -> list[Use]:
    """Every plugin showing the file, published ones first.

    Drafts and archived versions count: they keep the file protected, so a later
    publish or revert still shows it.
    """
    uses = []
    for model, field, role in REFERENCES:
        plugins = (
            model.objects.filter(**{f"{field}_id": file.pk})
            .select_related("placeholder")
            .prefetch_related("placeholder__source")
        )
        uses += [_use(plugin, role) for plugin in plugins]
    return sorted(uses, key=lambda use: (STATE_ORDER.index(use.state), use.label, use.language))


def in_use(obj) -> bool:
    """Whether anything protects a file (or a folder, through its files) from deletion:
    the plugins above, or any other model referring to library files with PROTECT."""
    return bool(_protected([obj]))


def files_in_use(files) -> list:
    """The files among these that are in use; one pass over all of them when none is."""
    files = list(files)
    if not _protected(files):
        return []
    return [file for file in files if _protected([file])]


def _protected(objs) -> bool:
    by_model = defaultdict(list)  # the collector takes objects of one model at a time
    for obj in objs:
        by_model[type(obj)].append(obj)
    for model, same_model in by_model.items():
        try:
            Collector(using=router.db_for_write(model)).collect(same_model)
        except (ProtectedError, RestrictedError):
            return True
    return False


def _use(plugin, role: str) -> Use:
    content = plugin.placeholder.source if plugin.placeholder_id else None
    state, url = "", ""
    if content is not None and versionables.exists_for_content(content):
        state = Version.objects.get_for_content(content).state
        url = get_preview_url(content)
    return Use(
        plugin=plugin,
        role=role,
        content=content,
        label=_label(content),
        language=plugin.language,
        state=state,
        url=url,
    )


def _label(content) -> str:
    if isinstance(content, PageContent):
        return f"Page “{content.title}”"
    if isinstance(content, AliasContent):
        return f"Alias “{content.name}”"
    if isinstance(content, UserSettings):
        return f"Clipboard of {content.user}"
    if content is None:
        return "A placeholder no longer on any page"
    return f"{capfirst(content._meta.verbose_name)} “{content}”"
