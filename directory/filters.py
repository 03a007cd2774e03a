"""The directory's filter form: what residents choose above the list of organisations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from neighborhoods.locales import in_default_language
from neighborhoods.models import NeighborhoodPage
from portal.caching import scopes
from portal.caching.store import cached
from portal.text import ZWNJ, normalize
from portal.widgets import KeptSelect

from .choices import OrganizationKind, ServiceCategory, TargetGroup


def _blank(label, choices):
    return [("", label)] + list(choices)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("جست‌وجو"), required=False, max_length=100)
    neighborhood = forms.TypedChoiceField(
        label=_("محله"), required=False, coerce=int, empty_value=None, widget=KeptSelect
    )
    category = forms.ChoiceField(label=_("دسته خدمت"), required=False, choices=_blank(_("همه دسته‌ها"), ServiceCategory.choices))
    target = forms.ChoiceField(label=_("گروه هدف"), required=False, choices=_blank(_("همه گروه‌ها"), TargetGroup.choices))
    kind = forms.ChoiceField(label=_("نوع سازمان"), required=False, choices=_blank(_("همه نوع‌ها"), OrganizationKind.choices))

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)

        def neighborhoods():
            return list(in_default_language(NeighborhoodPage.objects.listable()).order_by("title").values_list("pk", "title"))

        # A thousand neighbourhoods, the same for every reader until one of them changes.
        if request is not None:
            every_neighborhood = [scopes.portal_list("neighborhoods")]
            neighborhoods = cached(request, "directory-neighborhoods", [], neighborhoods, every_neighborhood)
            self.fields["neighborhood"].widget.keep = ([], every_neighborhood)
        else:
            neighborhoods = neighborhoods()
        # A callable: Django normalises the thousand choices only when something reads them (a chosen
        # neighbourhood being validated), not on every request; the select itself comes from the cache.
        self.fields["neighborhood"].choices = lambda: _blank(_("همه محله‌ها"), neighborhoods)

    def filter(self, queryset):
        """``queryset`` narrowed by the valid filters; an invalid value (a made-up id) is ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        # Only a filter across a many-valued relation can repeat an organisation: DISTINCT over every
        # column of 10,000 pages is what made the unfiltered directory slow.
        repeats = False
        if data.get("neighborhood"):
            queryset = queryset.filter(neighborhoods=data["neighborhood"])
            repeats = True
        service = {}
        if data.get("category"):
            service["services__category"] = data["category"]
        if data.get("target"):
            service["services__target_group"] = data["target"]
        if service:
            # One filter() call: both conditions must hold for the same service.
            queryset = queryset.filter(**service)
            repeats = True
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        for word in normalize((data.get("q") or "").replace(ZWNJ, " ")).split()[:8]:
            queryset = queryset.filter(search_text__icontains=word)
        return queryset.distinct() if repeats else queryset

    def count_key(self):
        """The valid filters, as a part of a cache key for the number of organisations they match."""
        data = getattr(self, "cleaned_data", {})
        return [(name, data.get(name)) for name in self.fields]

    @property
    def is_filtering(self):
        return any(self.data.get(name) for name in self.fields)
