"""The dashboard: a neighbourhood's (or a province's) figures for a Jalali month or range."""

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from forms import audit

from .. import figures
from ..periods import period_from
from ..scope import choices_for
from .common import ReportsAdminMixin

TITLE = _("داشبورد محله")


class DashboardView(ReportsAdminMixin, TemplateView):
    template_name = "reports/admin/dashboard.html"
    page_title = TITLE

    def get(self, request, *args, **kwargs):
        form, period = period_from(request.GET)
        context = self.get_context_data(period_form=form, period=period)
        if period is None:
            return self.render_to_response(context, status=400)
        context["figures"] = figures.dashboard(self.scope.neighborhoods, period)
        audit.record(
            request,
            audit.AccessRecord.Action.DASHBOARD,
            neighborhood_id=self.scope.neighborhood_id,
            query=request.GET.urlencode(),
        )
        context.update(self.navigation(period))
        return self.render_to_response(context)

    def navigation(self, period):
        def link(other):
            query = QueryDict(mutable=True)
            query.update({**self.scope.query, **other.as_query()})
            return f"{reverse('reports_admin:dashboard')}?{query.urlencode()}"

        if not period.is_month:
            return {}
        return {
            "previous_url": link(period.previous_month()),
            "previous_label": period.previous_month().label,
            "next_url": link(period.next_month()),
            "next_label": period.next_month().label,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(scope=self.scope, scope_choices=choices_for(self.request.user))
        return context
