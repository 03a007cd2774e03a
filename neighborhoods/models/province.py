from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.caching import scopes
from portal.visibility import ListablePageManager

from .neighborhood import NeighborhoodPage


class ProvincePage(Page):
    """A province (استان): the subtree its coordinators see."""

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    objects = ListablePageManager()

    parent_page_types = ["neighborhoods.NeighborhoodIndexPage"]

    class Meta:
        verbose_name = "استان"
        verbose_name_plural = "استان‌ها"

    def cache_scopes(self):
        return [scopes.page(self.pk), scopes.portal_list("neighborhoods")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["neighborhoods"] = NeighborhoodPage.objects.child_of(self).listable().order_by("city", "title")
        return context
