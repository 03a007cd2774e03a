"""The reports in the Wagtail admin: the dashboard, needs-assessment results, monthly reports and the
staff safety map, each shown to everyone who works in at least one neighbourhood."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.menu import Menu

from forms.scope import neighborhoods_for

from .views import council, dashboard, monthly, needs, safety

app_name = "reports_admin"

urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("needs/", needs.NeedsView.as_view(), name="needs"),
    path("council/", council.CouncilOverviewView.as_view(), name="council"),
    path("safety/", safety.StaffSafetyMapView.as_view(), name="safety"),
    path("monthly/", monthly.MonthlyReportsView.as_view(), name="monthly"),
    path("monthly/<int:pk>/", monthly.PrintView.as_view(), name="monthly_print"),
    path("monthly/<int:pk>/pdf/", monthly.PdfView.as_view(), name="monthly_pdf"),
    path("monthly/province/", monthly.PrintView.as_view(), name="monthly_province"),
    path("monthly/province/pdf/", monthly.PdfView.as_view(), name="monthly_province_pdf"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include((urlpatterns, app_name), namespace=app_name))]


class ScopedMenuItem(MenuItem):
    def is_shown(self, request):
        if not hasattr(request, "_reports_has_scope"):
            request._reports_has_scope = neighborhoods_for(request.user).exists()
        return request._reports_has_scope


# Hook names of our own: Wagtail's «Reports» menu (locked pages, site history …) is built from
# register_reports_menu_item, and sharing it would put every item in both menus.
reports_menu = Menu(
    register_hook_name="register_neighborhood_reports_menu_item",
    construct_hook_name="construct_neighborhood_reports_menu",
)


@hooks.register("register_neighborhood_reports_menu_item")
def dashboard_menu_item():
    return ScopedMenuItem(dashboard.TITLE, reverse("reports_admin:dashboard"), name="dashboard", icon_name="table", order=100)


@hooks.register("register_neighborhood_reports_menu_item")
def needs_menu_item():
    return ScopedMenuItem(needs.TITLE, reverse("reports_admin:needs"), name="needs", icon_name="list-ul", order=200)


@hooks.register("register_neighborhood_reports_menu_item")
def council_menu_item():
    return ScopedMenuItem(council.TITLE, reverse("reports_admin:council"), name="council", icon_name="tasks", order=250)


@hooks.register("register_neighborhood_reports_menu_item")
def monthly_menu_item():
    return ScopedMenuItem(monthly.TITLE, reverse("reports_admin:monthly"), name="monthly", icon_name="doc-full", order=300)


@hooks.register("register_neighborhood_reports_menu_item")
def safety_menu_item():
    return ScopedMenuItem(safety.STAFF_TITLE, reverse("reports_admin:safety"), name="safety-map", icon_name="site", order=400)


class ReportsMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return ScopedMenuItem.is_shown(self, request)


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    # Named apart from Wagtail's own «Reports» menu, which our catalogue calls «گزارش‌های وبگاه».
    return ReportsMenuItem(_("گزارش‌های محله‌ها"), reports_menu, name="neighborhood-reports", icon_name="table", order=170)
