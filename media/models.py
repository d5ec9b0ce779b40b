"""
Plugins that place library files on pages and aliases.

Every file reference is ``PROTECT``: a file some version of a page or alias
shows cannot be deleted from the library, only replaced (see the package
docstring). Alt text and captions may be missing in a draft; publishing is
refused until they are there (media.accessibility, editorial.conditions).
"""

from cms.models import CMSPlugin
from django.db import models
from django.utils.translation import gettext_lazy as _
from djangocms_alias.models import Alias
from filer.fields.file import FilerFileField
from filer.fields.image import FilerImageField


class Picture(CMSPlugin):
    """An image from the library, with alt text or explicitly decorative."""

    class Width(models.TextChoices):
        FULL = "full", _("Full width of the text column")
        HALF = "half", _("Half width, beside the text (full width on phones)")
        ASIDE = "aside", _("In the side column")

    image = FilerImageField(verbose_name=_("image"), on_delete=models.PROTECT, related_name="+")
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Required to publish, "
            "unless the image is decorative."
        ),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_('Adds nothing the text does not say: screen readers skip it (alt="").'),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    width = models.CharField(_("width"), max_length=8, choices=Width.choices, default=Width.FULL)
    above_the_fold = models.BooleanField(
        _("on the first screen"),
        default=False,
        help_text=_("Load at once. Leave off for images further down: they load when reached."),
    )

    def __str__(self):
        return self.alt_text or str(self.image or "")

    @property
    def alt(self) -> str:
        return "" if self.decorative else self.alt_text


class Video(CMSPlugin):
    """A video file from the library, self-hosted, with captions, a poster and no autoplay."""

    title = models.CharField(
        _("title"), max_length=200, help_text=_("Names the video for screen readers.")
    )
    video_file = FilerFileField(
        verbose_name=_("video file (MP4 or WebM)"), on_delete=models.PROTECT, related_name="+"
    )
    poster = FilerImageField(
        verbose_name=_("poster image"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Shown before the video plays."),
    )
    captions = FilerFileField(
        verbose_name=_("captions (WebVTT)"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text=_("Required to publish: a .vtt file with the words spoken and heard."),
    )
    transcript_url = models.CharField(
        _("transcript link"),
        max_length=300,
        blank=True,
        help_text=_("Optional: a page of this site with the full transcript, e.g. /media/..."),
    )

    def __str__(self):
        return self.title


class Step(CMSPlugin):
    """One illustrated step of a sequence (the procedure's frames), kept in an alias."""

    title = models.CharField(_("title"), max_length=120)
    image = FilerImageField(verbose_name=_("image"), on_delete=models.PROTECT, related_name="+")
    alt_text = models.CharField(
        _("text alternative"),
        max_length=300,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it. Required to publish."),
    )
    caption = models.TextField(_("caption"), help_text=_("What happens in this step."))

    def __str__(self):
        return self.title

    @property
    def alt(self) -> str:
        return self.alt_text


class SequenceDisplay(CMSPlugin):
    """Shows the steps of an alias as an animation or as illustrated steps.

    The steps live once, in the alias: both pages that show them change together when
    the alias's new version is published.
    """

    class Layout(models.TextChoices):
        ANIMATION = "animation", _("Animation: one step at a time, with play and pause")
        STEPS = "steps", _("Illustrated steps: every step, picture beside text")

    alias = models.ForeignKey(
        Alias,
        verbose_name=_("steps from alias"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("An alias holding Step plugins, in order."),
    )
    layout = models.CharField(
        _("layout"), max_length=12, choices=Layout.choices, default=Layout.ANIMATION
    )
    title = models.CharField(
        _("title"), max_length=120, blank=True, help_text=_("Optional heading above the steps.")
    )

    def __str__(self):
        return self.title or str(self.alias)
