"""``{% fair_balance_status %}``: editors see on the page whether fair balance is met."""

from django import template
from django.template.loader import render_to_string

from editorial.fair_balance import has_safety_information, needs_safety_information

register = template.Library()


@register.simple_tag(takes_context=True)
def fair_balance_status(context) -> str:
    """A note for editors in edit or preview mode; nothing for anyone else.

    Visitors never see it, and the page cache never stores it (editors' pages are not
    cached). It costs two or three queries, on editors' requests only.
    """
    request = context.get("request")
    toolbar = getattr(request, "toolbar", None)
    if toolbar is None or not (toolbar.edit_mode_active or toolbar.preview_mode_active):
        return ""
    content = toolbar.get_object()
    if not needs_safety_information(content):
        return ""
    covered = has_safety_information(content)
    return render_to_string(
        "editorial/includes/fair_balance_status.html", {"covered": covered}, request=request
    )
