from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.caching import scopes
from portal.caching.store import cached
from portal.paging import paginate
from portal.visibility import ListablePageManager


class ProvincePage(RoutablePageMixin, Page):
    """A province (استان): the subtree its coordinators see, and for residents the list of its cities."""

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    objects = ListablePageManager()

    parent_page_types = ["neighborhoods.NeighborhoodIndexPage"]

    class Meta:
        verbose_name = "استان"
        verbose_name_plural = "استان‌ها"

    def cache_scopes(self):
        return [scopes.page(self.pk), scopes.portal_list("neighborhoods")]

    def city_url(self, city, request=None):
        return self.get_url(request) + self.reverse_subpage("city", args=[city])

    @path("")
    def cities(self, request):
        """The province's cities with their numbers of neighbourhoods; a province of one city shows that city's
        neighbourhoods at once (one tap fewer)."""
        from ..browse import cities_with_counts

        # Kept while the province's neighbourhoods stand: a tap on the province costs its page's neighbourhoods only.
        cities = cached(request, "province-cities", [self.pk], lambda: cities_with_counts(self), self.cache_scopes())
        if len(cities) == 1:
            return self.city(request, cities[0][0], only_city=True)
        return self.render(request, context_overrides={"cities": [(city, count, self.city_url(city, request)) for city, count in cities]})

    @path("city/<str:city>/", name="city")
    def city(self, request, city, only_city=False):
        from ..browse import neighborhoods_of_city

        neighborhoods = neighborhoods_of_city(self, city)
        page = paginate(request, neighborhoods, settings.NEIGHBORHOODS_PER_PAGE, gettext("محله‌ها"), [self.pk, city], self.cache_scopes())
        if not page.object_list:
            raise Http404(gettext("در این استان شهری به این نام نیست."))
        return self.render(
            request,
            template="neighborhoods/city_page.html",
            context_overrides={"city": city, "neighborhoods": page, "only_city": only_city},
        )
