"""The admin side of subscriptions: the dashboard's counts (never a list of numbers), and urgent notices
in the page explorer like any page (their permissions are the page tree's)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from forms.scope import neighborhoods_for

from .counts import figures


class SubscriptionsPanel(Component):
    name = "alerts"
    order = 150
    template_name = "alerts/admin/panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context.update(figures(self.user), title=_("پیام‌ها به ساکنان"))
        return context


@hooks.register("construct_homepage_panels")
def subscriptions_panel(request, panels):
    if neighborhoods_for(request.user).exists():
        panels.append(SubscriptionsPanel(request.user))
