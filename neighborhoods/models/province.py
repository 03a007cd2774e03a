from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.visibility import ListablePageManager


class ProvincePage(Page):
    """A province (استان): the subtree its coordinators see."""

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    objects = ListablePageManager()

    parent_page_types = ["neighborhoods.NeighborhoodIndexPage"]
    subpage_types = ["neighborhoods.NeighborhoodPage", "news.NewsIndexPage"]

    class Meta:
        verbose_name = "استان"
        verbose_name_plural = "استان‌ها"

    def get_context(self, request, *args, **kwargs):
        from .neighborhood import NeighborhoodPage

        context = super().get_context(request, *args, **kwargs)
        context["neighborhoods"] = NeighborhoodPage.objects.child_of(self).listable().order_by("city", "title")
        return context
