"""RSS and Atom feeds of a news index (a neighbourhood's, a province's or the portal's).

Feeds keep RFC dates as the formats require; readers show them in their own calendar.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from portal.context_processors import site_name
from portal.jalali import tehran_tz

FEED_ITEMS = 30


class NewsRssFeed(Feed):
    # No fixed ``language``: Django then names the active one (fa, or en under /en/…).

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        parent = index.get_parent()
        return f"{index.title} — {parent.title}" if parent.depth > 2 else f"{index.title} — {site_name()}"

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return gettext("تازه‌ترین خبرهای %(place)s") % {"place": index.get_parent().title}

    def items(self, index):
        return index.news()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        # News carry a date, not a time: publish them at noon Tehran time so no reader's time
        # zone moves them to another day.
        return datetime.datetime.combine(item.date, datetime.time(12), tzinfo=tehran_tz())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.neighborhood.title] if item.neighborhood else []


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
