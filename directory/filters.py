"""The directory's filter form: what residents choose above the list of organisations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from neighborhoods.models import NeighborhoodPage
from portal.text import ZWNJ, normalize

from .choices import OrganizationKind, ServiceCategory, TargetGroup


def _blank(label, choices):
    return [("", label)] + list(choices)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("جست‌وجو"), required=False, max_length=100)
    neighborhood = forms.TypedChoiceField(label=_("محله"), required=False, coerce=int, empty_value=None)
    category = forms.ChoiceField(label=_("دسته خدمت"), required=False, choices=_blank(_("همه دسته‌ها"), ServiceCategory.choices))
    target = forms.ChoiceField(label=_("گروه هدف"), required=False, choices=_blank(_("همه گروه‌ها"), TargetGroup.choices))
    kind = forms.ChoiceField(label=_("نوع سازمان"), required=False, choices=_blank(_("همه نوع‌ها"), OrganizationKind.choices))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        neighborhoods = NeighborhoodPage.objects.live().order_by("title").values_list("pk", "title")
        self.fields["neighborhood"].choices = _blank(_("همه محله‌ها"), neighborhoods)

    def filter(self, queryset):
        """``queryset`` narrowed by the valid filters; an invalid value (a made-up id) is ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("neighborhood"):
            queryset = queryset.filter(neighborhoods=data["neighborhood"])
        service = {}
        if data.get("category"):
            service["services__category"] = data["category"]
        if data.get("target"):
            service["services__target_group"] = data["target"]
        if service:
            # One filter() call: both conditions must hold for the same service.
            queryset = queryset.filter(**service)
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        for word in normalize((data.get("q") or "").replace(ZWNJ, " ")).split()[:8]:
            queryset = queryset.filter(search_text__icontains=word)
        return queryset.distinct()

    @property
    def is_filtering(self):
        return any(self.data.get(name) for name in self.fields)
