from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .routing import DirectRoutingMixin


class HomePage(DirectRoutingMixin, Page):
    """The portal's front page: what it is, every neighbourhood, the latest news."""

    tagline = models.CharField("شعار", max_length=200, blank=True)
    intro = RichTextField("معرفی درگاه", blank=True)

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "neighborhoods.NeighborhoodIndexPage",
        "news.NewsIndexPage",
        "programmes.ProgramCalendarPage",
        "directory.DirectoryIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "صفحه نخست"
        verbose_name_plural = "صفحه‌های نخست"

    def get_cache_dependent_urls(self):
        # The front page is shown by nothing but itself (and the sitemap, which the purge adds).
        return []

    def get_context(self, request, *args, **kwargs):
        from directory.maps import office_places
        from neighborhoods.models import NeighborhoodIndexPage
        from neighborhoods.models.grouping import provinces_with_neighborhoods
        from news.models import NewsIndexPage, NewsPage
        from programmes.models import ProgramCalendarPage, ProgramPage

        from .menus import portal_page

        context = super().get_context(request, *args, **kwargs)
        neighborhood_index = NeighborhoodIndexPage.objects.child_of(self).live().first()
        context["neighborhood_index"] = neighborhood_index
        context["provinces"] = provinces_with_neighborhoods(neighborhood_index) if neighborhood_index else []
        context["office_places"] = office_places(context["provinces"], request)
        context["news_index"] = NewsIndexPage.objects.child_of(self).live().first()
        context["upcoming_programmes"] = (
            ProgramPage.objects.for_listing().filter(locale_id=self.locale_id).upcoming()[: settings.HOME_UPCOMING_PROGRAMMES]
        )
        context["programme_calendar"] = portal_page(request, ProgramCalendarPage)
        context["latest_news"] = (
            NewsPage.objects.for_listing().descendant_of(self).filter(locale_id=self.locale_id)[
                : settings.HOME_LATEST_NEWS
            ]
        )
        return context
