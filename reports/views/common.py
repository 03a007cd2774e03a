from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms.scope import neighborhoods_for

from ..scope import NO_SCOPE, OutOfScope, resolve


class ReportsAdminMixin(WagtailAdminTemplateMixin):
    """Refuses users with no neighbourhood, and resolves ?neighborhood= / ?province= against the
    user's scope before anything is counted; an id outside it goes back to the dashboard with a message."""

    header_icon = "table"
    home_url_name = "reports_admin:dashboard"
    resolve_scope = True

    def dispatch(self, request, *args, **kwargs):
        if not neighborhoods_for(request.user).exists():
            messages.error(request, NO_SCOPE)
            return redirect("wagtailadmin_home")
        if self.resolve_scope:
            try:
                self.scope = resolve(request.user, request.GET)
            except OutOfScope as refusal:
                messages.error(request, str(refusal))
                return redirect(self.home_url_name)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext("پیشخوان")},
            {"url": "", "label": self.get_page_title()},
        ]
