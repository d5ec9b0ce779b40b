"""
The four editorial roles as Django groups, kept in sync on every migrate.

Each role is a set of Django model permissions plus, for roles that touch the
page tree, django CMS's global page permission (CMS_PERMISSION is on). The
rules that only publishers publish and only approved drafts go live are
enforced by editorial.conditions on top of these permissions, and that only
publishers move live pages by editorial.live_pages. Seeing drafts takes the view
permission on page or alias contents (editorial.draft_access).
"""

from django.apps import apps as global_apps

from . import conf

# Plugins editors place in pages and aliases: full rights for authors.
CONTENT_MODELS = [
    "djangocms_text.text",
    "djangocms_alias.aliasplugin",
    "pages.risklist",
    "pages.riskitem",
    "pages.citation",
    "pages.scheduledcontent",
    "media.picture",
    "media.video",
    "media.step",
    "media.sequencedisplay",
    "cms.placeholder",
]
VIEW_MODELS = [
    "cms.page",
    "cms.pagecontent",
    "djangocms_alias.alias",
    "djangocms_alias.aliascontent",
    "djangocms_alias.category",
    "djangocms_versioning.version",
    "pages.reference",
    "pages.referencecontent",
    "editorial.review",
    "editorial.auditentry",
]


# The media library (django-filer): browsing needs filer's own listing permission, which
# reviewers and publishers have to see what a page shows. Authors upload, replace and
# delete files and organise folders; filer lets only superusers make top-level folders,
# and uploading into a folder or making a sub-folder takes change_folder.
LIBRARY_MODELS = ["filer.folder", "filer.file", "filer.image"]
LIBRARY_BROWSE = "filer.folder:can_use_directory_listing"


def _crud(label: str) -> list[str]:
    return [f"{label}:{action}" for action in ("add", "change", "delete", "view")]


def _view(labels: list[str]) -> list[str]:
    return [f"{label}:view" for label in labels]


ROLE_PERMISSIONS = {
    conf.ROLE_AUTHOR: [
        *_view(VIEW_MODELS),
        "cms.page:add",
        "cms.page:change",
        "cms.pagecontent:add",
        "cms.pagecontent:change",
        "cms.placeholder:use_structure",
        "djangocms_alias.alias:add",
        "djangocms_alias.alias:change",
        "djangocms_alias.aliascontent:add",
        "djangocms_alias.aliascontent:change",
        "djangocms_versioning.version:change",
        *[perm for label in CONTENT_MODELS for perm in _crud(label)],
        *_crud("pages.reference"),
        # A reference's versions: authors write drafts; versioning publishes, reviewers approve.
        "pages.referencecontent:add",
        "pages.referencecontent:change",
        # Site search's lay/medical word groups ("heart attack, myocardial infarction").
        *_crud("search.synonym"),
        LIBRARY_BROWSE,
        *_view(LIBRARY_MODELS),
        "filer.folder:add",
        "filer.folder:change",
        *_crud("filer.file"),
        *_crud("filer.image"),
    ],
    conf.ROLE_REVIEWER: [
        *_view(VIEW_MODELS),
        LIBRARY_BROWSE,
        *_view(LIBRARY_MODELS),
        "editorial.review:review_content",
    ],
    conf.ROLE_PUBLISHER: [
        *_view(VIEW_MODELS),
        LIBRARY_BROWSE,
        *_view(LIBRARY_MODELS),
        # django CMS and versioning only let editors who may change content publish it.
        "cms.page:change",
        # Publishers move live pages (editorial.live_pages); django CMS asks for the right
        # to add a page under the destination of a move.
        "cms.page:add",
        "cms.page:publish_page",
        "cms.pagecontent:change",
        "djangocms_alias.aliascontent:change",
        "pages.referencecontent:change",
        "djangocms_versioning.version:change",
        "editorial.review:publish_content",
    ],
    conf.ROLE_PHYSICIAN_DATA: ["physicians.*"],
}

# django CMS's own page-tree rights per role (GlobalPagePermission flags).
PAGE_TREE_RIGHTS = {
    conf.ROLE_AUTHOR: {"can_add": True, "can_change": True, "can_move_page": True},
    conf.ROLE_REVIEWER: {},
    conf.ROLE_PUBLISHER: {
        "can_add": True,
        "can_change": True,
        "can_publish": True,
        "can_move_page": True,
    },
}
PAGE_FLAGS = [
    "can_add",
    "can_change",
    "can_delete",
    "can_publish",
    "can_change_advanced_settings",
    "can_change_permissions",
    "can_move_page",
    "can_view",
    "can_recover_page",
]


def _permissions(specs: list[str], apps):
    """'app.model:codename_or_action' or 'app.*' -> Permission rows that exist."""
    Permission = apps.get_model("auth", "Permission")
    found = []
    for spec in specs:
        if spec.endswith(".*"):
            found += Permission.objects.filter(content_type__app_label=spec[:-2])
            continue
        label, action = spec.split(":")
        app_label, model = label.split(".")
        codename = action if "_" in action else f"{action}_{model}"
        found += Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )
    return found


def sync_roles(*, apps=global_apps) -> None:
    """Create or update the role groups; safe to run any number of times."""
    Group = apps.get_model("auth", "Group")
    GlobalPagePermission = apps.get_model("cms", "GlobalPagePermission")
    for role, specs in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions(specs, apps))
        if role in PAGE_TREE_RIGHTS:
            flags = {flag: PAGE_TREE_RIGHTS[role].get(flag, False) for flag in PAGE_FLAGS}
            GlobalPagePermission.objects.update_or_create(group=group, user=None, defaults=flags)


def sync_roles_after_migrate(sender, **kwargs):
    """post_migrate receiver, connected for every app: Django creates each app's
    permissions in that app's own post_migrate, in INSTALLED_APPS order, so the roles are
    synced after the last app's (apps listed after editorial, such as search, included)."""
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        sync_roles()
