from django.conf import settings
from django.db import models
from django.http import JsonResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.caching import scopes


class NeighborhoodIndexPage(RoutablePageMixin, Page):
    """The way to one's neighbourhood: the provinces with their numbers of neighbourhoods, and the finder."""

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["neighborhoods.ProvincePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "فهرست محله‌ها"
        verbose_name_plural = "فهرست‌های محله‌ها"

    def cache_scopes(self):
        return [scopes.page(self.pk), scopes.portal_list("neighborhoods")]

    # The provinces are rendered by the province_list tag (home/templatetags/navigation.py), kept under the list
    # of neighbourhoods' scope and shared with the front page.

    @path("")
    def provinces(self, request):
        # The front page's offices/ feed (home/models.py): the index is always a child of the front page, so its
        # address is this page's without the last segment, known without reading the parent.
        own = self.get_url(request)
        feed_url = own[: own.rstrip("/").rfind("/") + 1] + "offices/"
        return self.render(request, context_overrides={"feed_url": feed_url})

    @path("find/", name="find")
    def find(self, request):
        """The finder's answers as a page: what the box shows without JavaScript, or on Enter."""
        from ..finder import find

        query = request.GET.get("q", "").strip()
        answers = find(self, request, query, settings.FINDER_RESULTS) if query else []
        return self.render(
            request,
            template="neighborhoods/finder_page.html",
            context_overrides={"query": query, "answers": answers},
        )

    @path("find/suggest/", name="suggest")
    def suggest(self, request):
        """The box's suggestions while the reader types: JSON, a few answers."""
        from ..finder import find

        query = request.GET.get("q", "").strip()
        answers = find(self, request, query, settings.FINDER_SUGGESTIONS) if len(query) >= 2 else []
        response = JsonResponse(
            {"suggestions": [{"title": answer.title, "detail": answer.detail, "url": answer.url} for answer in answers]},
            json_dumps_params={"ensure_ascii": False},
        )
        # The same for every reader, and only as new as the list of neighbourhoods.
        response["Cache-Control"] = "public, max-age=60"
        return response
