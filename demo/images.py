"""Demo pictures drawn with Pillow: soft landscapes, bokeh and mosaics, no text.

The same seed always gives the same picture, so running the demo loader twice finds the image it
made the first time instead of adding another.
"""

import hashlib
import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model
from wagtail.models import Collection

SIZE = (1280, 720)
JPEG_QUALITY = 80

# (sky top, sky bottom, accents…) — warm and calm colours that look good behind a news title.
PALETTES = [
    ((14, 93, 75), (240, 200, 120), (255, 236, 179), (46, 139, 87), (9, 61, 51)),
    ((30, 60, 114), (247, 151, 30), (255, 210, 140), (120, 80, 160), (20, 40, 80)),
    ((111, 180, 196), (250, 230, 200), (255, 255, 230), (70, 150, 130), (40, 90, 100)),
    ((95, 44, 130), (73, 160, 157), (250, 210, 220), (230, 120, 140), (50, 30, 80)),
    ((242, 112, 89), (255, 213, 128), (255, 244, 214), (200, 80, 70), (110, 50, 60)),
    ((20, 30, 48), (36, 59, 85), (255, 204, 112), (120, 160, 200), (10, 15, 30)),
    ((0, 121, 145), (120, 255, 214), (230, 255, 250), (0, 90, 110), (0, 50, 70)),
    ((52, 94, 130), (214, 168, 120), (250, 235, 205), (90, 120, 90), (40, 60, 70)),
]


def _gradient(size, top, bottom, angle):
    """A two-colour linear gradient at ``angle`` degrees, covering the whole canvas."""
    ramp = PILImage.linear_gradient("L").rotate(angle, resample=PILImage.BICUBIC, expand=True)
    # Keep the centre square of the rotated ramp, which has no empty corners.
    side = int(256 / math.sqrt(2))
    left = (ramp.width - side) // 2
    top_edge = (ramp.height - side) // 2
    mask = ramp.crop((left, top_edge, left + side, top_edge + side)).resize(size, PILImage.BICUBIC)
    return PILImage.composite(PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask)


def _rgba(colour, alpha):
    return (*colour, alpha)


def _bokeh(canvas, rng, palette):
    layer = PILImage.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width, height = canvas.size
    for _ in range(rng.randint(14, 26)):
        radius = rng.randint(30, 170)
        x, y = rng.randint(-50, width + 50), rng.randint(-50, height + 50)
        colour = _rgba(rng.choice(palette[2:]), rng.randint(40, 110))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    layer = layer.filter(ImageFilter.GaussianBlur(rng.randint(6, 18)))
    return PILImage.alpha_composite(canvas, layer)


def _hills(canvas, rng, palette):
    width, height = canvas.size
    draw = ImageDraw.Draw(canvas, "RGBA")
    sun = rng.randint(50, 110)
    sx, sy = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 6, height // 2)
    draw.ellipse((sx - sun, sy - sun, sx + sun, sy + sun), fill=_rgba(palette[2], 220))
    layers = rng.randint(3, 4)
    for index in range(layers):
        base = height * (0.5 + 0.14 * index)
        amplitude = rng.randint(20, 70)
        wavelength = rng.uniform(0.002, 0.008)
        phase = rng.uniform(0, math.tau)
        points = [(x, base + amplitude * math.sin(x * wavelength + phase)) for x in range(0, width + 40, 40)]
        colour = palette[3] if index % 2 == 0 else palette[4]
        draw.polygon([(0, height), *points, (width, height)], fill=_rgba(colour, 120 + 40 * index // layers))
    return canvas


def _mosaic(canvas, rng, palette):
    width, height = canvas.size
    draw = ImageDraw.Draw(canvas, "RGBA")
    cell = rng.choice([80, 120, 160])
    for row in range(0, height + cell, cell):
        for column in range(0, width + cell, cell):
            if rng.random() < 0.45:
                continue
            corners = [(column, row), (column + cell, row), (column + cell, row + cell), (column, row + cell)]
            skip = rng.randrange(4)
            triangle = [corner for number, corner in enumerate(corners) if number != skip]
            draw.polygon(triangle, fill=_rgba(rng.choice(palette[2:]), rng.randint(35, 90)))
    return canvas


STYLES = [_bokeh, _hills, _mosaic]


def render(seed, size=SIZE, quality=JPEG_QUALITY):
    """JPEG bytes of the picture for ``seed``."""
    rng = random.Random(f"mahalle:{seed}")
    palette = rng.choice(PALETTES)
    canvas = _gradient(size, palette[0], palette[1], rng.choice([0, 20, 45, 70, 90, 160])).convert("RGBA")
    canvas = rng.choice(STYLES)(canvas, rng, palette)
    if rng.random() < 0.5:
        canvas = _bokeh(canvas, rng, palette)
    buffer = io.BytesIO()
    canvas.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def collection_named(name):
    """The collection made for a neighbourhood (named like its page), or the root collection."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root


def demo_image(title, seed, collection=None):
    """The Wagtail image titled ``title`` in ``collection``; drawn and saved the first time only."""
    collection = collection or Collection.get_first_root_node()
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    data = render(seed)
    filename = "demo-" + hashlib.sha1(seed.encode()).hexdigest()[:12] + ".jpg"
    image = model(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(data), name=filename),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    return image
