from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.caching import scopes


class NeighborhoodIndexPage(Page):
    """All offices, grouped by province and city."""

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

    # The list of neighbourhoods is rendered by the neighborhood_groups tag (home/templatetags/navigation.py),
    # kept under the list of neighbourhoods' scope and shared with the front page.
