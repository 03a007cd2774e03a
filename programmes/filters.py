"""The filters of the programme calendar, shared by its listing, its month grid and its iCal feed."""

from django import forms
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from neighborhoods.models import NeighborhoodPage
from portal.caching import scopes
from portal.widgets import KeptSelect

from .choices import Audience, Kind

INVALID = _("این گزینه در فهرست نیست.")


class NeighborhoodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.city})" if obj.city else obj.title


class ProgramFilterForm(forms.Form):
    neighborhood = NeighborhoodChoiceField(
        label=_("محله"),
        queryset=NeighborhoodPage.objects.none(),
        required=False,
        empty_label=_("همه محله‌ها"),
        error_messages={"invalid_choice": INVALID},
        widget=KeptSelect,
    )
    kind = forms.ChoiceField(
        label=_("نوع"), choices=[("", pgettext_lazy("filter", "همه"))] + Kind.choices, required=False, error_messages={"invalid_choice": INVALID}
    )
    audience = forms.ChoiceField(
        label=_("مخاطبان"),
        choices=[("", pgettext_lazy("filter", "همه"))] + Audience.choices,
        required=False,
        error_messages={"invalid_choice": INVALID},
    )
    free = forms.BooleanField(label=_("فقط رایگان"), required=False)
    open = forms.BooleanField(label=_("فقط با ثبت‌نام باز"), required=False)

    def __init__(self, data=None, *, locale=None, keep=False, **kwargs):
        super().__init__(data, **kwargs)
        neighborhoods = NeighborhoodPage.objects.listable().order_by("title").only("pk", "title", "city")
        if locale is not None:
            neighborhoods = neighborhoods.filter(locale=locale)
        self.fields["neighborhood"].queryset = neighborhoods
        if keep:
            # A thousand neighbourhoods: their select is kept while none of them changes.
            self.fields["neighborhood"].widget.keep = ([locale], [scopes.portal_list("neighborhoods")])
        self.fields["neighborhood"].error_messages["invalid_choice"] = INVALID

    def apply(self, queryset):
        """The queryset narrowed by the valid filters (call after is_valid())."""
        data = getattr(self, "cleaned_data", {})
        if data.get("neighborhood"):
            # A programme names its neighbourhood's Persian page, its translations too: an English reader's
            # choice (the English page) finds them through the translation key the two pages share.
            queryset = queryset.filter(neighborhood__translation_key=data["neighborhood"].translation_key)
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("audience"):
            queryset = queryset.filter(audience=data["audience"])
        if data.get("free"):
            queryset = queryset.filter(cost_rials=0)
        if data.get("open"):
            queryset = queryset.open_for_signup()
        return queryset

    def is_filtered(self):
        return any(getattr(self, "cleaned_data", {}).values())
