"""
What a version must have before it may be published: alt text and captions.

Drafts may be incomplete, so authors can place a picture and come back to it;
publication is refused with a message naming each gap (editorial.conditions).
Editors see the same gaps on the page in edit mode (the plugin templates).
"""

from cms.models import Placeholder

from .models import Picture, Step, Video


def _placeholders(content):
    return Placeholder.objects.get_for_obj(content)


def missing_alternatives(content) -> list[str]:
    """One message per image without alt text (and not decorative) or video without captions."""
    placeholders = _placeholders(content)
    messages = []
    pictures = Picture.objects.filter(placeholder__in=placeholders, alt_text="", decorative=False)
    for picture in pictures.select_related("image"):
        name = _name(picture.image)
        messages.append(f"The image “{name}” has no alt text: describe it, or mark it decorative.")
    steps = Step.objects.filter(placeholder__in=placeholders, alt_text="")
    for step in steps.select_related("image"):
        messages.append(
            f"The image “{_name(step.image)}” of the step “{step.title}” has no text alternative."
        )
    for video in Video.objects.filter(placeholder__in=placeholders, captions__isnull=True):
        messages.append(f"The video “{video.title}” has no captions: add a WebVTT (.vtt) file.")
    return messages


def _name(file) -> str:
    if file is None:
        return "(missing file)"
    return file.label if hasattr(file, "label") else str(file)
