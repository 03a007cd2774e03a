from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from directory.maps import office_feed, office_rows
from neighborhoods.models import NeighborhoodIndexPage
from neighborhoods.models.grouping import provinces_with_neighborhoods
from news.models import NewsIndexPage, NewsPage
from portal.caching import scopes
from portal.caching.store import cached
from portal.menus import portal_page
from portal.visibility import listable_q
from programmes.models import ProgramCalendarPage, ProgramPage
from programmes.upcoming import upcoming_with_seats

from .routing import DirectRoutingMixin

NEWS = scopes.portal_list("news")
PROGRAMMES = scopes.portal_list("programmes")
NEIGHBORHOODS = scopes.portal_list("neighborhoods")


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
        "home.StatementPage",
        "content.ContentPage",
        "alerts.NoticePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "صفحه نخست"
        verbose_name_plural = "صفحه‌های نخست"

    def cache_scopes(self):
        return [scopes.page(self.pk), NEWS, PROGRAMMES, NEIGHBORHOODS]

    def neighborhood_index(self):
        return NeighborhoodIndexPage.objects.child_of(self).filter(listable_q()).first()

    @path("offices/", name="offices")
    def offices(self, request):
        """Every listable office with a point, in this page's language, as "near me" and the map of
        offices read them (directory/maps.py office_feed): fetched only when a reader asks for either,
        and built once per version of the list of neighbourhoods."""

        def feed():
            index = self.neighborhood_index()
            return office_feed(office_rows(provinces_with_neighborhoods(index) if index else [], request))

        return HttpResponse(cached(request, "office-feed", [self.pk], feed, [NEIGHBORHOODS]), content_type="application/json")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def sections():
            # Both in one query, as plain pages (enough for links): the first listable child of each type.
            types = ContentType.objects.get_for_models(NeighborhoodIndexPage, NewsIndexPage)
            children = Page.objects.child_of(self).filter(listable_q(), content_type__in=types.values()).order_by("path")
            first = {}
            for child in children:
                first.setdefault(child.content_type_id, child)
            return first.get(types[NeighborhoodIndexPage].pk), first.get(types[NewsIndexPage].pk)

        # Which sections the front page links to: the home page's children, under ``site``.
        neighborhood_index, news_index = cached(request, "home-sections", [self.pk], sections, [])
        context["neighborhood_index"] = neighborhood_index
        # The provinces are a kept fragment (the province_list tag); the offices' map and "near me" fetch
        # every office from offices/, and only when the reader asks for them.
        context["office_feed_url"] = self.get_url(request) + self.reverse_subpage("offices") if neighborhood_index else ""
        context["news_index"] = news_index
        context["upcoming_programmes"] = upcoming_with_seats(
            request,
            "home",
            [self.pk],
            ProgramPage.objects.listable().filter(locale_id=self.locale_id),
            settings.HOME_UPCOMING_PROGRAMMES,
            [PROGRAMMES],
        )
        context["programme_calendar"] = portal_page(request, ProgramCalendarPage)
        # Rendered inside a kept fragment: the query runs only when the fragment is made.
        context["latest_news"] = NewsPage.objects.for_listing().descendant_of(self).filter(locale_id=self.locale_id)[
            : settings.HOME_LATEST_NEWS
        ]
        context["news_scopes"] = [NEWS]
        return context


class StatementPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        siblings = StatementPage.objects.child_of(self.parent_page).filter(kind=cleaned.get("kind")).exclude(pk=self.instance.pk)
        if siblings.exists():
            self.add_error("kind", gettext("این درگاه از پیش بیانیه‌ای از این نوع دارد."))
        return cleaned


class StatementPage(Page):
    """A statement the portal owes its readers, edited by its editors: the privacy notice (what is kept, for
    how long, who sees it) and the accessibility statement. The footer and every public form link to them."""

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("اعلامیه حریم خصوصی")
        ACCESSIBILITY = "accessibility", _("بیانیه دسترس‌پذیری")

    kind = models.CharField(_("نوع بیانیه"), max_length=20, choices=Kind.choices)
    intro = models.CharField(_("خلاصه"), max_length=300, help_text=_("یک یا دو جمله در آغاز صفحه"))
    body = RichTextField(_("متن بیانیه"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    reviewed_on = models.DateField(_("آخرین بازبینی"), help_text=_("تاریخی که متن با کار درگاه سنجیده شد"))

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("intro"), FieldPanel("reviewed_on"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    base_form_class = StatementPageForm

    class Meta:
        verbose_name = _("بیانیه درگاه")
        verbose_name_plural = _("بیانیه‌های درگاه")

