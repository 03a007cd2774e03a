"""The body field every page type with rich content uses."""

from wagtail.fields import StreamField

from .blocks import BodyBlock


def body_field(verbose_name, *, blank=True, help_text=""):
    return StreamField(BodyBlock(), verbose_name=verbose_name, blank=blank, help_text=help_text)
