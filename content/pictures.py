"""The widths and formats a body's pictures are cut to, by where they sit in the layout.

One table for the templates (content/templatetags/pictures.py) and for the renditions made ahead
(content/renditions.py renders the same templates). AVIF is offered where the installed Pillow can
write it, before WebP; JPEG stays the fallback every browser reads.
"""

from functools import lru_cache

from PIL import features

# kind: (the sizes cut, the `sizes` attribute that picks one in the layout)
LAYOUTS = {
    # A picture across the text column (48rem at most).
    "figure": (("width-480", "width-800", "width-1200"), "(min-width: 50rem) 48rem, 100vw"),
    # A gallery's square thumbnail: three a row on a phone, four in the column; crops keep the focal point.
    "thumb": (("fill-160x160", "fill-320x320"), "(min-width: 50rem) 11rem, 31vw"),
    # A video's still, 16:9 across the column, cropped around its focal point.
    "still": (("fill-480x270", "fill-960x540"), "(min-width: 50rem) 48rem, 100vw"),
}
# A gallery's picture opened full screen (fetched only when opened).
FULL_SCREEN = ("max-800x800", "max-1600x1600")


@lru_cache(maxsize=1)
def formats():
    return ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")


def specs(kind):
    sizes, _ = LAYOUTS[kind]
    return [f"{size}|format-{fmt}" for fmt in formats() for size in sizes]


def full_screen_specs():
    return [f"{size}|format-webp" for size in FULL_SCREEN]
