"""Views of the pages app that are not CMS pages themselves."""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from .regions import equivalent_url, region_codes


@require_GET
def choose_region(request):
    """The header's country selector: stay on the same page in the chosen region.

    A plain GET form so it works without JavaScript and leaves pages cacheable.
    """
    region = request.GET.get("region", "")
    if region not in region_codes():
        region = region_codes()[0]
    next_path = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_path, allowed_hosts={request.get_host()}):
        next_path = "/"
    return HttpResponseRedirect(equivalent_url(next_path, region))
