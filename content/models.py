"""A page of standing content: about the office, how to take part, what the council is. Staff place it
under the portal's home page or under their neighbourhood (and its own pages below it), and build it
from the same blocks as the news."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from neighborhoods.scopes import area
from portal.caching import scopes
from portal.visibility import ListablePageManager
from search.indexing import NORMALISED_FIELDS, SearchableText

from .fields import body_field
from .renditions import PremadeRenditions
from .forms import BodyPageForm
from .streams import target_areas


class ContentPage(PremadeRenditions, SearchableText, Page):
    summary = models.CharField(
        _("خلاصه"), max_length=300, blank=True, help_text=_("یک یا دو جمله برای فهرست‌ها و نتیجه‌های جست‌وجو")
    )
    body = body_field(_("متن"), blank=False)

    objects = ListablePageManager()

    search_text_fields = ("summary", "body")
    search_excerpt_fields = ("summary", "body")
    search_fields = Page.search_fields + [*NORMALISED_FIELDS]
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "neighborhoods.NeighborhoodPage", "content.ContentPage"]
    subpage_types = ["content.ContentPage"]
    base_form_class = BodyPageForm

    class Meta:
        verbose_name = _("صفحه محتوا")
        verbose_name_plural = _("صفحه‌های محتوا")

    def cache_scopes(self):
        found = area(self)
        if found:
            return [found]
        # A portal page's invitations point into neighbourhoods: a sign-up there changes what it shows.
        return [scopes.page(self.pk), *target_areas(self.body)]
