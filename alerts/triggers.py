"""What is announced, and when: the first publication of a news item or of a programme that takes
sign-ups, an urgent notice (again when its text changes), a public council meeting with public decisions.

Only pages in the default language are announced (a translation is the same news), only pages readers
may find (never behind a view restriction), and each thing once: a dispatch's key names it.
"""

import hashlib

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from council.models import Meeting, Resolution
from neighborhoods.models import NeighborhoodPage
from neighborhoods.scopes import NEIGHBORHOOD_DEPTH
from news.models import NewsPage
from portal.visibility import is_listable
from programmes.models import ProgramPage

from .models import Dispatch, NoticePage
from .sending import queue
from .topics import Topic

def announce(key, topic, title, page=None, path="", neighborhood=None):
    dispatch, created = Dispatch.objects.get_or_create(
        key=key,
        defaults={"topic": topic, "title": title[:255], "page": page, "path": path or (page.url if page else "") or "",
                  "neighborhood": neighborhood},
    )
    if created:
        queue(dispatch)
    return dispatch if created else None


def _neighborhood(page):
    if page.depth <= NEIGHBORHOOD_DEPTH:
        return None
    return NeighborhoodPage.objects.filter(path=page.path[: NEIGHBORHOOD_DEPTH * page.steplen]).first()


def _first_publication(page):
    # Wagtail sets both from one clock reading on a page's first publication.
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


@receiver(page_published)
def page_announced(sender, instance, **kwargs):
    page = instance.specific if type(instance) is not sender else instance
    if page.locale.language_code != settings.LANGUAGE_CODE or not is_listable(page):
        return
    if isinstance(page, NoticePage):
        neighborhood = _neighborhood(page)
        if page.depth > 3 and neighborhood is None:
            return
        digest = hashlib.sha1(page.message.encode()).hexdigest()[:12]
        announce(f"notice:{page.pk}:{digest}", Topic.URGENT, page.message, page=page, neighborhood=neighborhood)
        return
    if not _first_publication(page):
        return
    if isinstance(page, NewsPage):
        topic = Topic.NEWS
    elif isinstance(page, ProgramPage) and page.signup_enabled and not page.cancelled:
        topic = Topic.PROGRAMMES
    else:
        return
    neighborhood = _neighborhood(page)
    if neighborhood is not None:
        announce(f"page:{page.pk}:{topic}", topic, page.title, page=page, neighborhood=neighborhood)


@receiver(post_save, sender=Meeting)
def meeting_announced(sender, instance, raw=False, **kwargs):
    if raw or not instance.public or not instance.neighborhood_id:
        return
    meeting_id = instance.pk
    # Its resolutions are saved after it (an inline panel): looked at once everything is written.
    transaction.on_commit(lambda: _announce_meeting(meeting_id))


def _announce_meeting(meeting_id):
    meeting = Meeting.objects.select_related("neighborhood").filter(pk=meeting_id, public=True).first()
    if meeting is None or meeting.neighborhood is None or not is_listable(meeting.neighborhood):
        return
    if not Resolution.objects.public().filter(meeting=meeting).exists():
        return
    neighborhood = meeting.neighborhood
    announce(f"meeting:{meeting.pk}", Topic.DECISIONS, str(meeting), path=f"{neighborhood.url or '/'}decisions/", neighborhood=neighborhood)
