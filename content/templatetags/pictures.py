"""`{% body_picture image "figure" alt=… %}`: a <picture> cut to the layout's sizes (content/pictures.py),
with width and height set so nothing moves when it arrives, lazy unless told otherwise."""

from django import template
from django.utils.html import format_html
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from .. import pictures

register = template.Library()


def distinct_widths(renditions):
    """A small original gives the same width for several sizes (Wagtail never enlarges): each width once per
    format, so a srcset never names two files for one width."""
    seen, kept = set(), {}
    for spec, rendition in renditions.items():
        key = (spec.rsplit("format-", 1)[-1], rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


@register.simple_tag
def body_picture(image, kind, alt="", loading="lazy", **attrs):
    if image is None:
        return ""
    renditions = distinct_widths(get_renditions_or_not_found(image, pictures.specs(kind)))
    _, sizes = pictures.LAYOUTS[kind]
    html_attrs = {"alt": alt, "sizes": sizes, "loading": loading, "decoding": "async", **attrs}
    if loading != "lazy":
        html_attrs.pop("loading")
    return Picture(renditions, html_attrs).__html__()


@register.simple_tag
def full_screen(image):
    """The URL and srcset of a gallery picture opened full screen."""
    renditions = list(get_renditions_or_not_found(image, pictures.full_screen_specs()).values())
    return {
        "url": renditions[-1].url,
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in renditions),
        "width": renditions[-1].width,
        "height": renditions[-1].height,
    }
