"""The video sites a page may embed, and how each is embedded.

Aparat (aparat.com) is where Iranian offices put their videos. An address is kept as the staff pasted
it; what the page needs from it is the video's id, which makes the player's address. Nothing is
fetched from the site until a reader presses play (templates/content/blocks/video.html).
"""

import re

from django.conf import settings

# Aparat's watch page (/v/<id>, with or without a slug after it) and its player (…/videohash/<id>/…).
_APARAT = re.compile(
    r"^https?://(?:www\.)?aparat\.com/(?:v/|video/video/embed/videohash/)(?P<id>[A-Za-z0-9]{3,32})(?:[/?#].*)?$"
)


def aparat_id(url):
    match = _APARAT.match((url or "").strip())
    return match.group("id") if match else None


def aparat_player(video_id):
    return f"{settings.APARAT_ORIGIN}/video/video/embed/videohash/{video_id}/vt/frame"
