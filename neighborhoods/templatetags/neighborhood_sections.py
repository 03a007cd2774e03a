"""``{% neighborhood_section section %}``: one registered section of a neighbourhood page
(neighborhoods/sections.py), rendered with the context it builds for itself; a cached section is kept
while the neighbourhood's scope stands, so on a warm cache its context is never built."""

from django import template
from django.template.loader import render_to_string

from portal.caching.store import cached

from ..scopes import area

register = template.Library()


def _render(section, template_name, context):
    page, request = context["page"], context.get("request")

    def render():
        return render_to_string(template_name, {"page": page, **section.context(page, request)}, request=request)

    if not section.cached or request is None:
        return render()
    site = getattr(request, "_wagtail_site", None)
    # The site matters because pageurl writes links relative to the request's site.
    vary = [section.name, template_name, getattr(site, "pk", None), page.pk, *section.varies_with()]
    return cached(request, "neighborhood-section", vary, render, [area(page)], html=True)


@register.simple_tag(takes_context=True)
def neighborhood_section(context, section):
    return _render(section, section.template, context)


@register.simple_tag(takes_context=True)
def neighborhood_section_head(context, section):
    return _render(section, section.head_template, context) if section.head_template else ""
