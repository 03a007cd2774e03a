"""Programmes in the Wagtail admin (the registrations screens, their menu item, a button on each
programme page that leads to its registrations), their section of the neighbourhood page, and what
they list for the caches."""

from django.urls import include, path, reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from directory.models import OrganizationPage
from forms.scope import neighborhoods_for
from portal.caching import scopes
from portal.caching.invalidation import Lists, read_scopes

from . import neighborhood_section
from .models import ProgramPage
from .views import admin

app_name = "programme_admin"

urlpatterns = [
    path("", admin.ProgrammeIndexView.as_view(), name="index"),
    path("<int:pk>/", admin.RegistrationsView.as_view(), name="registrations"),
    path("<int:pk>/attendance/", admin.AttendanceView.as_view(), name="attendance"),
    path("<int:pk>/message/", admin.MessageView.as_view(), name="message"),
    path("<int:pk>/export/", admin.export, name="export"),
    path("<int:pk>/cancel/<int:registration_pk>/", admin.CancelRegistrationView.as_view(), name="cancel"),
]


@hooks.register("register_admin_urls")
def register_programme_urls():
    return [path("programmes/", include((urlpatterns, app_name), namespace=app_name))]


class ProgrammesMenuItem(MenuItem):
    def is_shown(self, request):
        return neighborhoods_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_programmes_menu_item():
    return ProgrammesMenuItem(admin.TITLE, reverse("programme_admin:index"), name="programmes", icon_name="date", order=160)


def _registrations_button(page, priority):
    return Button(
        gettext("ثبت‌نام‌ها"),
        reverse("programme_admin:registrations", args=[page.pk]),
        icon_name="group",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def programme_header_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, ProgramPage) and page.permissions_for_user(user).can_edit():
        yield _registrations_button(page, priority=12)


@hooks.register("register_page_listing_more_buttons")
def programme_listing_button(page, user, next_url=None):
    if page.specific_class is ProgramPage and page.permissions_for_user(user).can_edit():
        yield _registrations_button(page, priority=5)


@hooks.register("register_neighborhood_section")
def programmes_section():
    return neighborhood_section.SECTION


def partner_pages(programme):
    """The organisations a programme names: each one's page lists its upcoming programmes."""
    return [scopes.page(link.organization_id) for link in programme.partner_links.all()]


def programmes_naming(organization):
    """The programmes that name an organisation: their pages show its name."""
    named = ProgramPage.objects.filter(partner_links__organization=organization).distinct()
    return [scope for programme in named for scope in read_scopes(programme)]


@hooks.register("register_cache_lists")
def programme_lists():
    return [
        Lists(ProgramPage, lambda page: [scopes.portal_list("programmes")], "the calendar, its feeds and the front page"),
        Lists(ProgramPage, partner_pages, "the pages of the organisations it names"),
        Lists(ProgramPage, lambda page: read_scopes(page.venue) if page.venue_id else [], "its venue's page"),
        Lists(OrganizationPage, programmes_naming, "the programmes that name the organisation"),
    ]
