"""Render plugins in isolation, outside any page, as django CMS's own renderer does."""

from cms.models import Placeholder
from cms.plugin_rendering import ContentRenderer
from cms.toolbar.toolbar import CMSToolbar
from django.contrib.auth.models import AnonymousUser
from django.template import Context
from django.test import RequestFactory

from pages import demo

LANGUAGE = "en-us"


def empty_placeholder() -> Placeholder:
    return Placeholder.objects.create(slot="isolated")


def render(specs: list, *, user=None) -> str:
    """Add plugins from demo-style specs to a fresh placeholder and render it publicly."""
    placeholder = empty_placeholder()
    demo.add_plugins(placeholder, specs, language=LANGUAGE)
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = {}
    request.toolbar = CMSToolbar(request)
    renderer = ContentRenderer(request=request)
    context = Context({"request": request})
    return renderer.render_placeholder(placeholder, context=context, language=LANGUAGE)
