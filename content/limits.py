"""What keeps a page light on a phone: how much one body may carry. Each limit has its Persian message
where the editor meets it (blocks/)."""

from django.conf import settings

# Blocks of one body, galleries and videos in it, pictures in one gallery.
BODY_MAX_BLOCKS = 60
GALLERY_MIN_IMAGES = 2
GALLERY_MAX_IMAGES = 30
# Thumbnails a gallery shows on the page (three rows on a phone); the rest open from the last one, full screen,
# and cost nothing until then (a hidden lazy image is never fetched).
GALLERY_THUMBNAILS_SHOWN = 9
GALLERIES_PER_BODY = 3
VIDEOS_PER_BODY = 3

DOCUMENT_TYPES = {"pdf": "PDF", "docx": "DOCX"}
VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTION_TYPES = {"vtt"}


def document_max_bytes():
    return getattr(settings, "CONTENT_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)


def video_max_bytes():
    return getattr(settings, "CONTENT_VIDEO_MAX_BYTES", 60 * 1024 * 1024)
