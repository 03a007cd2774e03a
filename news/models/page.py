from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

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


class NewsPage(SearchableText, Page):
    date = models.DateField("تاریخ خبر", default=timezone.localdate)
    lead = models.TextField("لید", max_length=500, help_text="یک بند کوتاه که در فهرست خبرها دیده می‌شود")
    body = RichTextField("متن خبر")
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

    def get_cache_dependent_urls(self):
        """Every news index whose listing holds this item (its own, the province's, the portal's):
        the listing, the month of the archive and the feeds; and every page above it (its
        neighbourhood shows the latest news, the home page the portal's latest)."""
        from django.db.models import Q

        from portal import jalali
        from portal.purge import ancestor_urls, page_urls

        from .index import NewsIndexPage

        ancestors = list(self.get_ancestors().filter(depth__gt=1))
        dates = {self.date, getattr(self, "_previous_date", None) or self.date}
        months = [f"{month.year}/{month.month}/" for month in map(jalali.to_jalali_date, dates)]
        listings = Q(pk__in=[])
        for ancestor in ancestors:
            listings |= Q(depth=ancestor.depth + 1, path__startswith=ancestor.path)
        urls = ancestor_urls(self)
        for index in NewsIndexPage.objects.filter(listings):
            urls += page_urls(index, "feed/", "feed/atom/", *months)
        return urls

    def find_neighborhood(self):
        from neighborhoods.models import NeighborhoodPage

        if not self.path:
            return None
        return NeighborhoodPage.objects.ancestor_of(self).first()

    def save(self, *args, **kwargs):
        self.neighborhood = self.find_neighborhood()
        update_fields = kwargs.get("update_fields")
        if self.pk and self.live and (update_fields is None or "date" in update_fields):
            # Publishing may move the item to another archive month: remember the month it leaves, so the
            # purge after publishing reaches that month's listing too.
            stored = NewsPage.objects.filter(pk=self.pk, live=True).values_list("date", flat=True).first()
            if stored is not None and stored != self.date:
                self._previous_date = stored
        return super().save(*args, **kwargs)
