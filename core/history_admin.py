"""
The History page of what editors change directly (references, physicians).

django-simple-history's admin lists each change with its author and the
values before, and its form view restores an earlier state. Anyone who may
view the object may open that form, which is right, but in 3.13 a POST to it
saves for them too: for viewers it only hides the Revert button. Restoring is
a change, so here it needs the right to change.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    # Breadcrumbs that name the app and model, not the historical model.
    object_history_form_template = "admin/history_form.html"

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
