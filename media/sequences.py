"""The steps an alias holds, for SequenceDisplay."""

from .models import Step


def steps_of(alias, *, language: str, drafts: bool = False) -> list[Step]:
    """The Step plugins of the alias's content in this language, in their order.

    Visitors see the published alias; editors in edit or preview mode see its draft,
    as djangocms-alias's own plugin does.
    """
    placeholder = alias.get_placeholder(language=language, show_draft_content=drafts)
    if placeholder is None:
        return []
    steps = Step.objects.filter(placeholder=placeholder, language=language)
    return list(steps.select_related("image").order_by("position"))
