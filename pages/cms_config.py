"""
The pages app's django CMS integration: references are versioned content.

A reference (the grouper, holding the library number pages cite) has versions of its
bibliographic record (ReferenceContent). djangocms-versioning gives them the states
pages and aliases have, so a correction is a draft that goes through medical review
and publishing (editorial.conditions and editorial.reviews apply to every versioned
model), and patients read the published version only. The toolbar renders a version
on its own page (pages.rendering), which is what My work, the review emails and
versioning's compare view open.
"""

from cms.app_base import CMSAppConfig
from cms.toolbar.utils import get_object_preview_url
from djangocms_versioning.datastructures import VersionableItem, default_copy

from .models import ReferenceContent
from .rendering import render_reference_content


class PagesCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(ReferenceContent, render_reference_content, "reference")]
    djangocms_versioning_enabled = True
    versioning = [
        VersionableItem(
            content_model=ReferenceContent,
            grouper_field_name="reference",
            copy_function=default_copy,
            grouper_selector_option_label=lambda obj, language: str(obj),
            grouper_admin_mixin="__default__",
            # A reference has no placeholders, so versioning would compare two admin forms;
            # its own page (pages.rendering) shows the entry as patients read it.
            preview_url=get_object_preview_url,
        )
    ]
