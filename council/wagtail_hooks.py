"""Meetings and resolutions in the Wagtail admin: one screen records a meeting with its attendees and its
resolutions; each resolution has a screen of its own to follow it (progress notes, status, linked cases);
the responsible bodies are an editable list."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import neighborhood_section
from .filters import ResolutionFilterSet
from .forms import MeetingForm, ResolutionForm
from .models import Agency, Meeting, Resolution
from .models.resolution import today_in_tehran
from .accounts import AGENCY_PERMISSION
from .views import admin as views
from .views import agency as agency_views


class ScopedViewSet(ModelViewSet):
    add_view_class = views.CreateView
    edit_view_class = views.EditView
    delete_view_class = views.DeleteView
    history_view_class = views.HistoryView
    usage_view_class = views.UsageView
    copy_view_enabled = False
    inspect_view_enabled = False


class MeetingViewSet(ScopedViewSet):
    model = Meeting
    icon = "group"
    menu_label = _("جلسه‌ها")
    index_view_class = views.MeetingIndexView
    edit_view_class = views.MeetingEditView
    list_display = [
        Column("title", label=_("جلسه"), accessor="title"),
        Column("owner", label=_("محله یا استان"), accessor="owner"),
        Column("held_at", label=_("تاریخ و ساعت"), accessor="held_label", sort_key="held_at"),
        Column("public", label=_("عمومی"), accessor="public_label"),
    ]
    list_filter = ["body", "public"]
    search_fields = ["name", "agenda", "minutes", "place"]
    edit_handler = ObjectList(Meeting.panels, base_form_class=MeetingForm)


class ResolutionViewSet(ScopedViewSet):
    model = Resolution
    icon = "tasks"
    menu_label = _("مصوبه‌ها")
    add_to_admin_menu = False
    index_view_class = views.ResolutionIndexView
    list_display = [
        Column("text", label=_("مصوبه"), accessor="__str__"),
        Column("neighborhood", label=_("محله"), accessor="neighborhood"),
        Column("responsible", label=_("دستگاه مسئول"), accessor="responsible"),
        Column("due_date", label=_("مهلت انجام"), accessor="due_label", sort_key="due_date"),
        Column("status", label=_("وضعیت"), accessor="status_label"),
    ]
    filterset_class = ResolutionFilterSet
    search_fields = ["text", "reason"]
    ordering = ["due_date", "pk"]
    edit_handler = ObjectList(Resolution.edit_panels, base_form_class=ResolutionForm)


class AgencyViewSet(ModelViewSet):
    model = Agency
    icon = "site"
    menu_label = _("دستگاه‌های مسئول")
    list_display = [
        Column("name", label=_("نام"), accessor="name"),
        Column("slug", label=_("شناسه"), accessor="slug"),
        Column("order", label=_("ترتیب"), accessor="order"),
    ]
    form_fields = ["name", "slug", "order"]
    copy_view_enabled = False


class CouncilGroup(ViewSetGroup):
    menu_label = _("شورا")
    menu_icon = "group"
    menu_order = 180
    items = (MeetingViewSet("council_meetings"), ResolutionViewSet("council_resolutions"), AgencyViewSet("council_agencies"))


@hooks.register("register_admin_viewset")
def register_council_viewsets():
    return CouncilGroup()


@hooks.register("register_neighborhood_section")
def council_section():
    return neighborhood_section.SECTION


@hooks.register("register_case_followups")
def resolutions_answering(submission, request):
    """On /track/: the public resolutions that answer the resident's case, with how far they got."""
    resolutions = list(
        submission.resolutions.public().select_related("meeting__committee", "meeting__province", "agency", "organization")
        .prefetch_related("notes")
    )
    if not resolutions:
        return ""
    return render_to_string(
        "council/includes/track_resolutions.html", {"resolutions": resolutions, "today": today_in_tehran()}, request=request
    )


agency_urls = [
    path("", agency_views.AgencyResolutionsView.as_view(), name="index"),
    path("<int:pk>/", agency_views.AgencyResolutionView.as_view(), name="resolution"),
]


@hooks.register("register_admin_urls")
def register_agency_urls():
    return [
        path("council/agency/", include((agency_urls, "council_agency"), namespace="council_agency")),
        path("council/minutes/<int:pk>/", views.minutes, name="council_minutes"),
        path("council/attachments/<int:pk>/", views.attachment, name="council_attachment"),
    ]


class AgencyMenuItem(MenuItem):
    def is_shown(self, request):
        # The agency group's own permission, from the permissions Django keeps on the user (no query).
        return not request.user.is_superuser and request.user.has_perm(AGENCY_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_agency_menu_item():
    return AgencyMenuItem(agency_views.TITLE, reverse("council_agency:index"), name="agency-resolutions", icon_name="site", order=175)
