from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager
from wagtail.search import index

from content.fields import body_field
from content.renditions import PremadeRenditions
from content.forms import BodyPageForm
from content.streams import target_areas

from neighborhoods.models import NeighborhoodPage
from neighborhoods.scopes import NEIGHBORHOOD_DEPTH, area
from portal.caching import scopes
from portal.visibility import ListablePageQuerySet
from search.indexing import NORMALISED_FIELDS, SearchableText

class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPageQuerySet(ListablePageQuerySet):
    def for_listing(self):
        """Listable news (live, not restricted), newest first, with what a news card shows fetched up front.

        The image is joined and its renditions prefetched, so a card costs no query of its own.
        """
        return (
            self.listable()
            .select_related("neighborhood", "image")
            .prefetch_related("image__renditions")
            # page_ptr_id rather than pk: pk is wagtailcore_page.id, a column of the other table, and
            # PostgreSQL can walk news_date_idx in this order only with columns of news_newspage.
            .order_by("-date", "-page_ptr_id")
        )


class NewsPage(PremadeRenditions, SearchableText, Page):
    date = models.DateField("تاریخ خبر", default=timezone.localdate)
    lead = models.TextField("لید", max_length=500, help_text="یک بند کوتاه که در فهرست خبرها دیده می‌شود")
    body = body_field("متن خبر", blank=False)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="تصویر", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = ClusterTaggableManager("برچسب‌ها", through=NewsPageTag, blank=True)
    # Derived from the page's place in the tree (see save()); kept as a column so portal-wide
    # listings can show and filter by neighbourhood without walking the tree per item.
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage",
        verbose_name="محله",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )

    # Fetched with the page when it is served (home/routing.py).
    route_related = ("image", "neighborhood")
    objects = PageManager.from_queryset(NewsPageQuerySet)()

    search_text_fields = ("lead", "body")
    search_excerpt_fields = ("lead", "body")
    search_fields = Page.search_fields + [
        *NORMALISED_FIELDS,
        index.FilterField("date"),
        index.FilterField("neighborhood"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    cover_templates = ("news/includes/cover.html",)
    base_form_class = BodyPageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "خبر"
        verbose_name_plural = "خبرها"
        indexes = [
            models.Index(fields=["neighborhood", "-date"]),
            # The portal's and provinces' listings, newest first: the first page of 50,000 news
            # items is read from the index instead of sorting them all.
            models.Index(fields=["-date", "-page_ptr"], name="news_date_idx"),
        ]

    def cache_scopes(self):
        if self.depth >= NEIGHBORHOOD_DEPTH + 2:  # in a neighbourhood's news index
            return [area(self)]
        # A province's news may invite to any of its neighbourhoods' programmes.
        return [scopes.page(self.pk), scopes.portal_list("neighborhoods"), *target_areas(self.body)]

    def find_neighborhood(self):
        if not self.path:
            return None
        return NeighborhoodPage.objects.ancestor_of(self).first()

    def save(self, *args, **kwargs):
        self.neighborhood = self.find_neighborhood()
        return super().save(*args, **kwargs)
