"""The filters of the admin's resolution list."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .choices import Status
from .models import Agency, Resolution


class ResolutionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("وضعیت"), choices=Status.choices, empty_label=_("همه"))
    agency = django_filters.ModelChoiceFilter(label=_("دستگاه مسئول"), queryset=Agency.objects.all(), empty_label=_("همه"))
    # A choice rather than a yes/no filter, whose active-filter chip would read "True".
    overdue = django_filters.ChoiceFilter(
        label=_("مهلت"), choices=[("1", _("فقط گذشته از مهلت"))], empty_label=_("همه"), method="filter_overdue"
    )

    class Meta:
        model = Resolution
        fields = ["status", "agency"]

    def filter_overdue(self, queryset, name, value):
        if value == "1":
            return queryset.overdue()
        return queryset
