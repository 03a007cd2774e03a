from django.conf import settings
from django.db.models import Count
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from neighborhoods.scopes import NEIGHBORHOOD_DEPTH, area
from portal import jalali
from portal.caching import scopes
from portal.caching.store import cached

from ..feeds import NewsAtomFeed, NewsRssFeed
from .page import NewsPage


class NewsIndexPage(RoutablePageMixin, Page):
    """News of the subtree it lives in.

    Under a neighbourhood it lists that neighbourhood's news; under a province, the province's;
    under the home page, the whole portal's. One rule: the news below this page's parent.
    """

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage", "neighborhoods.ProvincePage", "neighborhoods.NeighborhoodPage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "فهرست خبرها"
        verbose_name_plural = "فهرست‌های خبرها"

    def cache_scopes(self):
        # A neighbourhood's news index lists news of that neighbourhood; the portal's and a province's
        # list news of many, and name the neighbourhoods.
        if self.depth > NEIGHBORHOOD_DEPTH:
            return [area(self)]
        return [scopes.page(self.pk), scopes.portal_list("news"), scopes.portal_list("neighborhoods")]

    def scope(self):
        # Below the parent, found by its path rather than fetched: the listing's query is built on every
        # request but runs only when its cached fragment is made.
        parent_path = self.path[: -self.steplen]
        return NewsPage.objects.listable().filter(
            path__startswith=parent_path, depth__gt=self.depth - 1, locale_id=self.locale_id
        )

    def news(self):
        return self.scope().for_listing()

    def paginate(self, request, queryset, count_key=()):
        paginator = Paginator(queryset, settings.NEWS_PER_PAGE)
        # Counting 50,000 items takes longer than the rest of the page: the count is kept while the
        # listing's scopes stand (exact until a news item of the listing changes, then counted again).
        paginator.count = cached(request, "news-count", [self.pk, *count_key], queryset.count, self.cache_scopes())
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            raise Http404("این صفحه از فهرست خبرها وجود ندارد.") from None

    def months(self, request=None):
        """The Jalali months that have news, newest first, with their counts (kept while the listing's
        scopes stand: the same for every reader until a news item of it changes)."""
        if request is not None:
            return cached(request, "news-months", [self.pk], self.months, self.cache_scopes())
        # Counted per day in the database (at most one row per day with news), then folded into
        # Jalali months here, since Jalali months do not line up with Gregorian ones.
        counts = {}
        per_day = self.scope().order_by().values("date").annotate(total=Count("pk")).values_list("date", "total")
        for date, total in per_day:
            j = jalali.to_jalali_date(date)
            counts[(j.year, j.month)] = counts.get((j.year, j.month), 0) + total
        return [{"year": y, "month": m, "count": c} for (y, m), c in sorted(counts.items(), reverse=True)]

    def render_listing(self, request, queryset, count_key=(), **extra):
        context = self.get_context(request)
        news_page = self.paginate(request, queryset, count_key)
        context.update(news_page=news_page, months=self.months(request), **extra)
        return TemplateResponse(request, self.get_template(request), context)

    @path("")
    def listing(self, request):
        queryset = self.news()
        tag = request.GET.get("tag", "").strip()
        if tag:
            queryset = queryset.filter(tags__name=tag)
        return self.render_listing(request, queryset, count_key=["tag", tag], tag=tag)

    @path("<int:year>/<int:month>/", name="month")
    def month_archive(self, request, year, month):
        if not (1 <= month <= 12 and 1300 <= year <= 1500):
            raise Http404("چنین ماهی در بایگانی نیست.")
        first, last = jalali.month_range(year, month)
        queryset = self.news().filter(date__range=(first, last))
        return self.render_listing(
            request, queryset, count_key=["month", year, month], archive_year=year, archive_month=month
        )

    @path("feed/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed()(request, index=self)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed()(request, index=self)
