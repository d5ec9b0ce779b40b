"""The media plugins editors place on pages and in aliases (models in media.models)."""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .models import Picture, SequenceDisplay, Step, Video
from .renditions import renditions
from .sequences import steps_of

# The text column is 44rem at most (static/portal/css/site.css); at the largest font size
# and on high-density screens a full-width image may be drawn up to about 1280 px.
SLOTS = {
    Picture.Width.FULL: (1280, "(min-width: 48rem) 44rem, calc(100vw - 2rem)"),
    Picture.Width.HALF: (640, "(min-width: 48rem) 22rem, calc(100vw - 2rem)"),
    Picture.Width.ASIDE: (640, "(min-width: 56rem) 16rem, calc(100vw - 2rem)"),
}
STEP_SLOT = (960, "(min-width: 48rem) 22rem, calc(100vw - 2rem)")
ANIMATION_SLOT = (1280, "(min-width: 48rem) 44rem, calc(100vw - 2rem)")


class MediaPluginBase(CMSPluginBase):
    module = _("Media")


class ImagePluginBase(MediaPluginBase):
    """Plugins showing one library image: its renditions for the slot the layout gives it."""

    def slot(self, instance) -> tuple[int, str]:
        """(widest rendition in px, the img's sizes attribute)."""
        raise NotImplementedError

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        max_width, sizes = self.slot(instance)
        context.update(
            {"renditions": renditions(instance.image, max_width=max_width), "sizes": sizes}
        )
        return context


@plugin_pool.register_plugin
class PicturePlugin(ImagePluginBase):
    model = Picture
    name = _("Image")
    render_template = "media/plugins/picture.html"
    fieldsets = [
        (None, {"fields": ["image", "alt_text", "decorative"]}),
        (_("Shown with it"), {"fields": ["caption", "credit"]}),
        (_("Layout"), {"fields": ["width", "above_the_fold"]}),
    ]

    def slot(self, instance):
        return SLOTS[instance.width]


@plugin_pool.register_plugin
class VideoPlugin(MediaPluginBase):
    model = Video
    name = _("Video")
    render_template = "media/plugins/video.html"
    fields = ["title", "video_file", "poster", "captions", "transcript_url"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["poster"] = renditions(instance.poster, max_width=1280)
        return context


@plugin_pool.register_plugin
class StepPlugin(ImagePluginBase):
    """A frame of an illustrated sequence; kept in an alias that SequenceDisplay shows."""

    model = Step
    name = _("Step (of an illustrated sequence)")
    render_template = "media/plugins/step.html"
    fields = ["title", "image", "alt_text", "caption"]

    def slot(self, instance):
        return STEP_SLOT


@plugin_pool.register_plugin
class SequenceDisplayPlugin(MediaPluginBase):
    model = SequenceDisplay
    name = _("Illustrated sequence (animation or steps)")
    fields = ["alias", "layout", "title"]

    def get_render_template(self, context, instance, placeholder):
        return f"media/plugins/sequence_{instance.layout}.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        toolbar = getattr(context.get("request"), "toolbar", None)
        drafts = bool(toolbar and (toolbar.edit_mode_active or toolbar.preview_mode_active))
        max_width, sizes = ANIMATION_SLOT if instance.layout == "animation" else STEP_SLOT
        steps = steps_of(instance.alias, language=instance.language, drafts=drafts)
        context.update(
            {
                "steps": [(step, renditions(step.image, max_width=max_width)) for step in steps],
                "sizes": sizes,
            }
        )
        return context
