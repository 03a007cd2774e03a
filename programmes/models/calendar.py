import datetime

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal import jalali
from portal.caching import scopes
from portal.caching.store import cached

from ..filters import ProgramFilterForm
from ..ical import calendar_response, session_window
from ..month_grid import month_weeks, neighbours
from .page import ProgramPage, ProgramSession


class ProgramCalendarPage(RoutablePageMixin, Page):
    """Every neighbourhood's programmes: a Jalali month calendar, a filtered list and iCal feeds.

    A neighbourhood's own programmes are this page filtered by that neighbourhood, so residents get
    one calendar with the same filters everywhere and each neighbourhood page links into it.
    """

    intro = RichTextField(_("معرفی"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("تقویم برنامه‌ها")
        verbose_name_plural = _("تقویم‌های برنامه‌ها")

    def cache_scopes(self):
        # Every programme, filtered by neighbourhood.
        return [scopes.page(self.pk), scopes.portal_list("programmes"), scopes.portal_list("neighborhoods")]

    def programmes(self):
        return ProgramPage.objects.for_listing().filter(locale_id=self.locale_id)

    def filter_form(self, request):
        form = ProgramFilterForm(request.GET, locale=self.locale_id, keep=True)
        form.is_valid()
        return form

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, settings.PROGRAMMES_PER_PAGE)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            raise Http404(gettext("این صفحه از فهرست برنامه‌ها وجود ندارد.")) from None

    def render_month(self, request, year, month, listing):
        form = self.filter_form(request)
        query = request.GET.copy()
        query.pop("page", None)
        changes_at = []

        def body():
            first, last = jalali.month_range(year, month)
            chosen = form.apply(self.programmes())
            if listing == "month":
                queryset = chosen.filter(sessions__date__range=(first, last)).distinct()
            else:
                queryset = chosen.upcoming()
            sessions = ProgramSession.objects.filter(date__range=(first, last), page__in=chosen.values("pk")).select_related("page", "page__neighborhood")
            weeks = month_weeks(year, month, sessions, timezone.localdate())
            before, after = neighbours(year, month)
            programmes_page = self.paginate(request, queryset)
            changes_at.extend(moment for program in programmes_page for moment in (program.starts_at, program.ends_at))
            return render_to_string(
                "programmes/includes/calendar_body.html",
                {
                    "page": self, "weeks": weeks, "weekday_names": jalali.WEEKDAYS, "year": year, "month": month,
                    "has_sessions": any(day.sessions for week in weeks for day in week if day.in_month),
                    "before": before, "after": after, "listing": listing, "programmes_page": programmes_page,
                    "query": query.urlencode(),
                },
                request=request,
            )

        def seconds_right(_html):
            # The cards' status moves on when a listed programme starts or ends; "today" at midnight.
            now = timezone.now()
            midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=1), datetime.time()))
            upcoming = [moment for moment in changes_at if moment and moment > now] + [midnight]
            return max(1, int((min(upcoming) - now).total_seconds()))

        vary = [self.pk, year, month, listing, request.GET.urlencode()]
        context = self.get_context(request)
        context.update(
            filter_form=form,
            year=year,
            month=month,
            query=query.urlencode(),
            # The month and the list, kept while no programme or neighbourhood changes (and no status moves).
            body=cached(request, "calendar-body", vary, body, self.cache_scopes(), timeout=seconds_right, html=True),
        )
        status = 400 if form.errors else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path("")
    def current_month(self, request):
        today = jalali.to_jalali_date(timezone.localdate())
        return self.render_month(request, today.year, today.month, listing="upcoming")

    @path("<int:year>/<int:month>/", name="month")
    def month(self, request, year, month):
        if not (1 <= month <= 12 and 1300 <= year <= 1500):
            raise Http404(gettext("چنین ماهی در تقویم نیست."))
        return self.render_month(request, year, month, listing="month")

    @path("ical/", name="ical")
    def ical(self, request):
        form = self.filter_form(request)
        if form.errors:
            raise Http404(gettext("این فیلتر برای تقویم درست نیست."))
        queryset = form.apply(self.programmes()).filter(ends_at__gte=session_window()).prefetch_related("sessions")
        name = self.title
        if form.cleaned_data.get("neighborhood"):
            name = f"{self.title} — {form.cleaned_data['neighborhood'].title}"
        return calendar_response(queryset[:500], request, name=name)
