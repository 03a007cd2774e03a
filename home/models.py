from django.conf import settings
from django.db import models
from django.http import JsonResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.visibility import listable_q

from .routing import DirectRoutingMixin


class HomePage(DirectRoutingMixin, RoutablePageMixin, Page):
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

    def get_cached_paths(self):
        return ["/", "/offices/"]

    def neighborhood_index(self):
        from neighborhoods.models import NeighborhoodIndexPage

        return NeighborhoodIndexPage.objects.child_of(self).filter(listable_q()).first()

    @path("offices/", name="offices")
    def offices(self, request):
        """Every office with a point, as the map script reads them. A thousand points inline made the
        front page 200 KB; here they are built once per content version and cached like a page."""
        from directory.maps import office_places
        from neighborhoods.models.grouping import provinces_with_neighborhoods
        from portal.content_version import cached_value

        def places():
            index = self.neighborhood_index()
            return office_places(provinces_with_neighborhoods(index) if index else [], request)

        return JsonResponse(
            cached_value(request, "office-places", [self.pk], places), safe=False, json_dumps_params={"ensure_ascii": False}
        )

    def get_context(self, request, *args, **kwargs):
        from directory.maps import RemotePlaces
        from news.models import NewsIndexPage, NewsPage
        from portal.content_version import cached_value
        from programmes.models import ProgramCalendarPage, ProgramPage
        from programmes.upcoming import upcoming_with_seats

        from .menus import portal_page

        context = super().get_context(request, *args, **kwargs)

        def sections():
            return self.neighborhood_index(), NewsIndexPage.objects.child_of(self).filter(listable_q()).first()

        # Which sections the front page links to changes only when a page changes.
        neighborhood_index, news_index = cached_value(request, "home-sections", [self.pk], sections)
        context["neighborhood_index"] = neighborhood_index
        # The neighbourhoods' list is a fragment cached under the content version (the
        # neighborhood_groups tag); the map fetches its points from offices/.
        context["office_places"] = RemotePlaces(self.get_url(request) + self.reverse_subpage("offices")) if neighborhood_index else None
        context["news_index"] = news_index
        context["upcoming_programmes"] = upcoming_with_seats(
            request, "home", [self.pk], ProgramPage.objects.listable().filter(locale_id=self.locale_id), settings.HOME_UPCOMING_PROGRAMMES
        )
        context["programme_calendar"] = portal_page(request, ProgramCalendarPage)
        # Rendered inside a cached fragment: the query runs only when the fragment is made.
        context["latest_news"] = (
            NewsPage.objects.for_listing().descendant_of(self).filter(locale_id=self.locale_id)[
                : settings.HOME_LATEST_NEWS
            ]
        )
        return context
