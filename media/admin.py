"""
filer's admin for the library, with two rules of the portal added.

Changing a file takes the model permission: filer 3.6 asks for ``filer.change_file`` on
plain files but nothing on images, so any staff user could replace any picture on the
site. And a file in use can be neither deleted nor swapped for other bytes: every
version showing it, published ones included, points at the same library entry, so a swap
would change live pages without review. Its change form says where it is used
(``usage``) and how to replace it the reviewed way (a new file, chosen in a draft); its
Delete button and links go, and filer's folder delete action refuses with a message (the
PROTECT references would otherwise make it fail with a 500).

This app comes after ``filer`` in INSTALLED_APPS, so filer's admins exist to replace.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from filer.admin.fileadmin import FileAdmin
from filer.admin.folderadmin import FolderAdmin
from filer.admin.imageadmin import ImageAdmin
from filer.admin.tools import admin_url_params_encoded
from filer.models import File, Folder, Image

from . import usage

WHERE_USED = "Where it is used"
REPLACE_NOT_DELETE = (
    "A file that is used can be neither deleted nor swapped for another here: that would "
    "change published pages without review. To replace it, upload the new file and choose it "
    "in a draft of each page or alias listed; patients see it once that draft is approved and "
    "published. When no version uses this file any more, it can be deleted."
)
# filer's folder actions check edit rights per file, which for images means none at all.
ACTION_PERMISSIONS = {
    "delete_files_or_folders": ["filer.delete_file", "filer.delete_image"],
    "move_files_and_folders": ["filer.change_file", "filer.change_image"],
    "rename_files": ["filer.change_file", "filer.change_image"],
    "resize_images": ["filer.change_image"],
    "copy_files_and_folders": ["filer.add_file"],
}


def _in_use_message(names: list[str]) -> str:
    quoted = ", ".join(f"“{name}”" for name in names)
    return (
        f"Nothing was deleted: {quoted} {'is' if len(names) == 1 else 'are'} used on a page "
        f"or alias (see “{WHERE_USED}” on the file). Replace it in a draft of each instead."
    )


class LibraryFileMixin:
    def has_change_permission(self, request, obj=None):
        model = type(obj) if obj is not None else self.model
        if not request.user.has_perm(f"filer.change_{model._meta.model_name}"):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            if not request.user.has_perm(f"filer.delete_{obj._meta.model_name}"):
                return False
            if usage.in_use(obj):
                return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        """A file in use: back to its change form, which says where, instead of a bare 403."""
        obj = self.get_object(request, unquote(object_id))
        if (
            obj is not None
            and self.has_view_or_change_permission(request, obj)
            and usage.in_use(obj)
        ):
            self.message_user(request, _in_use_message([obj.label]), messages.ERROR)
            return HttpResponseRedirect(
                obj.get_admin_change_url() + admin_url_params_encoded(request)
            )
        return super().delete_view(request, object_id, extra_context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            where = (WHERE_USED, {"fields": ["where_used"], "description": REPLACE_NOT_DELETE})
            fieldsets.insert(1, where)
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "where_used"]
        if obj is not None and usage.in_use(obj):
            readonly.append("file")  # its bytes are what published pages show
        return readonly

    @admin.display(description="Pages and aliases")
    def where_used(self, obj):
        uses = usage.uses_of(obj)
        if not uses:
            return "Not used on any page or alias."
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((_item(u),) for u in uses)))


def _item(use) -> str:
    """'Page “Risks” (en-us): draft, as image', the page linked to where it can be opened."""
    label = format_html('<a href="{}">{}</a>', use.url, use.label) if use.url else use.label
    state = use.state or "not versioned"
    return format_html("<li>{} ({}): {}, as {}</li>", label, use.language, state, use.role.lower())


class LibraryFileAdmin(LibraryFileMixin, FileAdmin):
    pass


class LibraryImageAdmin(LibraryFileMixin, ImageAdmin):
    pass


class LibraryFolderAdmin(FolderAdmin):
    def get_actions(self, request):
        actions = super().get_actions(request)
        return {
            name: action
            for name, action in actions.items()
            if request.user.has_perms(ACTION_PERMISSIONS.get(name, []))
        }

    def delete_files_or_folders(self, request, files_queryset, folders_queryset):
        """Refuse, with the names, when a selected file (or one inside a selected folder) is
        used: filer would show "Cannot delete", but a confirming POST deletes files one by one
        until the first protected one and then fails."""
        if not request.user.has_perm("filer.can_use_directory_listing"):
            raise PermissionDenied  # as the listing the action belongs to
        folder_ids = set()
        for folder in folders_queryset:
            folder_ids |= {folder.pk, *folder.get_descendants_ids()}
        inside = File.objects.filter(folder__in=folder_ids)
        used = usage.files_in_use([*files_queryset, *inside])
        if not used and not any(usage.in_use(folder) for folder in folders_queryset):
            return super().delete_files_or_folders(request, files_queryset, folders_queryset)
        names = [file.label for file in used] or [folder.name for folder in folders_queryset]
        self.message_user(request, _in_use_message(names), messages.ERROR)
        folder = self._get_current_action_folder(request, files_queryset, folders_queryset)
        listing = (
            reverse("admin:filer-directory_listing", kwargs={"folder_id": folder.pk})
            if folder
            else reverse("admin:filer-directory_listing-root")
        )
        return HttpResponseRedirect(listing + admin_url_params_encoded(request))

    delete_files_or_folders.short_description = (
        FolderAdmin.delete_files_or_folders.short_description
    )


for model, model_admin in ((File, LibraryFileAdmin), (Image, LibraryImageAdmin)):
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
admin.site.unregister(Folder)
admin.site.register(Folder, LibraryFolderAdmin)
