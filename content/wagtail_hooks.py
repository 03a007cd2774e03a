"""The content pages' place on a neighbourhood page."""

from wagtail import hooks

from . import neighborhood_section


@hooks.register("register_neighborhood_section")
def pages_section():
    return neighborhood_section.SECTION
