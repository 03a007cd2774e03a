"""The portal-wide directory of organisations and the public NGO application form."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.caching import scopes
from portal.paging import paginate

from ..exports import directory_csv
from ..filters import DirectoryFilterForm
from .application import NGOApplicationPage
from .organization import OrganizationPage


class DirectoryIndexPage(RoutablePageMixin, Page):
    """Every organisation of the portal, with filters and search; its CSV is the open-data copy."""

    intro = RichTextField(_("معرفی"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.OrganizationPage", "directory.NGOApplicationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("فهرست سمن‌ها و خیریه‌ها")
        verbose_name_plural = _("فهرست‌های سمن‌ها و خیریه‌ها")

    def cache_scopes(self):
        return [scopes.page(self.pk), scopes.portal_list("directory"), scopes.portal_list("neighborhoods")]

    def organizations(self):
        return OrganizationPage.objects.listable().child_of(self)

    def for_listing(self, queryset):
        return (
            queryset.select_related("logo")
            .prefetch_related("logo__renditions", "services", "neighborhoods")
            .order_by("-verified", "title")
        )

    @path("")
    def listing(self, request):
        form = DirectoryFilterForm(request.GET or None, request=request)
        organizations = self.for_listing(form.filter(self.organizations()))
        count_key = ["directory", self.pk, *form.count_key()]
        query = request.GET.copy()
        query.pop("page", None)
        context = self.get_context(request)
        context.update(
            filter_form=form,
            organizations=paginate(
                request, organizations, settings.DIRECTORY_PER_PAGE, gettext("سازمان‌ها"), count_key, self.cache_scopes()
            ),
            query=query.urlencode(),
            application_page=self.application_page(),
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("csv/", name="csv")
    def csv(self, request):
        return directory_csv(self.for_listing(self.organizations()))

    def application_page(self):
        return NGOApplicationPage.objects.live().child_of(self).first()
