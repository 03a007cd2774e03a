"""The inbox in the Wagtail admin: its menu item, its URLs, and editable statuses."""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext, gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.digits import format_number

from . import neighborhood_section
from .models import ParticipationFormPage, Status
from . import audit
from .views import access, caseworkers, export, inbox

app_name = "participation_inbox"

urlpatterns = [
    path("", inbox.InboxIndexView.as_view(), name="index"),
    path("<int:pk>/", inbox.SubmissionView.as_view(), name="detail"),
    path("<int:pk>/photo/", inbox.PhotoView.as_view(), name="photo"),
    path("bulk/", inbox.BulkActionView.as_view(), name="bulk"),
    path("export/", export.export, name="export"),
    path("new/", inbox.ServiceDeskView.as_view(), name="service_desk"),
    path("new/<int:page_id>/", inbox.ServiceDeskFormView.as_view(), name="service_desk_form"),
    path("access/", access.AccessRecordsView.as_view(), name="access"),
    path("caseworkers/", caseworkers.CaseworkersView.as_view(), name="caseworkers"),
]


@hooks.register("register_admin_urls")
def register_inbox_urls():
    return [path("inbox/", include((urlpatterns, app_name), namespace=app_name))]


class InboxMenuItem(MenuItem):
    """Shown to everyone who works in at least one neighbourhood, with the count of new cases."""

    def is_shown(self, request):
        return inbox.has_scope(request)

    def render_component(self, request):
        count = inbox.new_submissions_count(request)
        label = f"{self.label} ({format_number(count)})" if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(
        inbox.INBOX_TITLE, reverse("participation_inbox:index"), name="inbox", icon_name="tasks", order=150
    )


class AccessRecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return audit.may_see_trail(request.user)


@hooks.register("register_admin_menu_item")
def register_access_records_menu_item():
    return AccessRecordsMenuItem(
        access.TITLE, reverse("participation_inbox:access"), name="access-records", icon_name="history", order=160
    )


class CaseworkersMenuItem(MenuItem):
    def is_shown(self, request):
        # From the permissions Django keeps on the user for the request (no query of its own); the
        # screen itself finds the neighbourhoods.
        return request.user.has_perm("participation.choose_caseworkers")


@hooks.register("register_admin_menu_item")
def register_caseworkers_menu_item():
    return CaseworkersMenuItem(
        caseworkers.TITLE, reverse("participation_inbox:caseworkers"), name="caseworkers", icon_name="group", order=170
    )


class StatusViewSet(SnippetViewSet):
    model = Status
    menu_label = _("وضعیت پرونده‌ها")
    icon = "tag"
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["name", "public_label", "order", "is_initial", "is_closed"]
    ordering = ["order", "pk"]


register_snippet(StatusViewSet)


@hooks.register("before_delete_snippet")
def keep_statuses_in_use(request, instances):
    """A status that submissions are in cannot be deleted (the database would refuse anyway)."""
    in_use = [obj for obj in instances if isinstance(obj, Status) and obj.submissions.exists()]
    if in_use:
        names = gettext("، ").join(status.name for status in in_use)
        messages.error(request, gettext("وضعیت «%(names)s» پرونده دارد و پاک نمی‌شود. نخست پرونده‌هایش را به وضعیت دیگری ببرید.") % {"names": names})
        return redirect("wagtailsnippets_participation_status:list")


@hooks.register("filter_form_submissions_for_user")
def participation_forms_are_worked_in_the_inbox(user, editable_forms):
    """Wagtail's own form-submission screens know nothing of Submission and would neither mask nor log
    resident data; participation forms are left out of them (their cases are in the inbox)."""
    return editable_forms.not_type(ParticipationFormPage)


@hooks.register("register_neighborhood_section")
def participation_section():
    return neighborhood_section.SECTION
