"""The admin's forms for meetings and resolutions: every choice limited to the user's neighbourhoods, and
every link checked against the meeting's own neighbourhood, so nothing of another office can be attached
whatever ids are posted."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from directory.models import AssetPage, OrganizationPage
from forms import tracking
from forms.scope import neighborhoods_for, provinces_for, submissions_for
from neighborhoods.models import CouncilMember
from neighborhoods.models.council import Committee
from portal import jalali
from portal.digits import to_latin_digits
from portal.tree_scope import under
from programmes.models import ProgramPage

NOT_HERE = _("این گزینه از محله یا استان این جلسه نیست.")


def _under(queryset, neighborhoods):
    """Pages of ``queryset`` below any of ``neighborhoods`` (one query for the paths)."""
    return queryset.filter(under(list(neighborhoods.values_list("path", flat=True))))


def _limit_rows(formset, limit):
    """Run ``limit`` on every row of ``formset``, the blank row the page copies for "add another" included:
    Django builds that one anew each time it is read, so the row's form class itself is wrapped."""
    if formset is None:
        return
    base = formset.form

    class Limited(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            limit(self)

    formset.form = Limited


class MeetingForm(WagtailAdminModelForm):
    """A meeting is filed under one of the user's neighbourhoods, or, for a coordinator, under their province;
    a province's meeting names, for each resolution, the neighbourhood of the province it concerns."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = neighborhoods_for(self.for_user) if self.for_user else self.fields["neighborhood"].queryset.none()
        provinces = provinces_for(self.for_user) if self.for_user else self.fields["province"].queryset.none()
        self.scope = scope
        self.fields["neighborhood"].queryset = scope.order_by("path")
        if provinces.exists():
            self.fields["province"].queryset = provinces.order_by("title")
        else:
            del self.fields["province"]  # an office's staff record their own neighbourhood's meetings only
        if not self.instance.pk and not self.is_bound and scope.count() == 1:
            self.initial["neighborhood"] = scope.first().pk  # an office's own, chosen for it
        self.fields["committee"].queryset = Committee.objects.filter(page__in=scope).order_by("page__path", "sort_order")
        self.fields["place_asset"].queryset = _under(AssetPage.objects.all(), scope).order_by("path")
        members = CouncilMember.objects.filter(page__in=scope).order_by("page__path", "sort_order")
        organizations = OrganizationPage.objects.live().filter(neighborhoods__in=scope).distinct().order_by("title")
        by_province = "province" in self.fields

        def limit_attendee(form):
            form.fields["member"].queryset = members

        def limit_resolution(form):
            form.fields["organization"].queryset = organizations
            if by_province:
                form.fields["neighborhood"].queryset = scope.order_by("path")
                form.fields["neighborhood"].help_text = _("فقط برای جلسه استان؛ مصوبه جلسه محله از همان محله است.")
            else:
                del form.fields["neighborhood"]

        _limit_rows(self.formsets.get("attendees"), limit_attendee)
        _limit_rows(self.formsets.get("resolutions"), limit_resolution)

    def clean(self):
        cleaned = super().clean()
        neighborhood, province = cleaned.get("neighborhood"), cleaned.get("province")
        if neighborhood is not None and province is not None:
            self.add_error("province", _("جلسه یا از یک محله است یا از استان، نه هر دو."))
            return cleaned
        owner = neighborhood or province
        if owner is None:
            if "neighborhood" not in self.errors:
                self.add_error("neighborhood", _("محله جلسه را برگزینید."))
            return cleaned
        # The neighbourhoods the meeting may speak of: its own, or those of its province in the user's scope.
        here = {neighborhood.pk} if neighborhood else set(self.scope.filter(path__startswith=province.path).values_list("pk", flat=True))
        committee = cleaned.get("committee")
        if committee is not None and (province is not None or committee.page_id != neighborhood.pk):
            self.add_error("committee", NOT_HERE)
        asset = cleaned.get("place_asset")
        if asset is not None and not asset.path.startswith(owner.path):
            self.add_error("place_asset", NOT_HERE)
        attendees = self.formsets.get("attendees")
        for form in attendees.forms if attendees else []:
            member = form.cleaned_data.get("member") if form.is_valid() else None
            if member is not None and member.page_id not in here:
                form.add_error("member", NOT_HERE)
        resolutions = self.formsets.get("resolutions")
        for form in resolutions.forms if resolutions else []:
            if not form.is_valid() or form.cleaned_data.get("DELETE") or not (form.has_changed() or form.instance.pk):
                continue
            concerned = form.cleaned_data.get("neighborhood")
            if province is None:
                form.instance.neighborhood = neighborhood  # whatever was posted: the meeting's own
            elif concerned is None:
                form.add_error("neighborhood", _("محله‌ای را که این مصوبه به آن مربوط است برگزینید."))
            elif concerned.pk not in here:
                form.add_error("neighborhood", NOT_HERE)
        return cleaned


class ResolutionForm(WagtailAdminModelForm):
    """A resolution's own screen: its progress, and the cases, programmes and assets it concerns."""

    case_codes = forms.CharField(
        label=_("کد رهگیری پرونده‌هایی که این مصوبه به آن‌ها پاسخ می‌دهد"),
        required=False,
        help_text=_("با فاصله یا ویرگول جدا کنید. شهروند در صفحه پیگیری می‌بیند که درخواستش در شورا مطرح شد."),
        widget=forms.TextInput(attrs={"dir": "ltr", "inputmode": "numeric"}),
    )

    accept_proposal = forms.BooleanField(label=_("پذیرفتن وضعیت پیشنهادی دستگاه"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organization" in self.fields:
            self.fields["organization"].queryset = (
                OrganizationPage.objects.live().filter(neighborhoods=self.instance.neighborhood_id).order_by("title")
                if self.instance.pk else OrganizationPage.objects.none()
            )
        if "accept_proposal" in self.fields:
            if self.instance.proposed_status:
                self.fields["accept_proposal"].help_text = gettext(
                    "%(who)s در %(when)s وضعیت «%(status)s» را پیشنهاد داده است. با پذیرفتن، وضعیت مصوبه همین می‌شود."
                ) % {
                    "who": self.instance.proposed_by.get_full_name() or self.instance.proposed_by.get_username()
                    if self.instance.proposed_by else "—",
                    "when": jalali.format_datetime(self.instance.proposed_at) if self.instance.proposed_at else "—",
                    "status": self.instance.get_proposed_status_display(),
                }
            else:
                self.fields["accept_proposal"].widget = forms.HiddenInput()
        neighborhood = self.instance.neighborhood if self.instance.pk else None
        here = neighborhoods_for(self.for_user).filter(pk=getattr(neighborhood, "pk", None)) if self.for_user else None
        if "programmes" in self.fields:
            self.fields["programmes"].queryset = (
                _under(ProgramPage.objects.all(), here).order_by("-starts_at") if here is not None
                else ProgramPage.objects.none()
            )
            self.fields["programmes"].widget = forms.CheckboxSelectMultiple(choices=self.fields["programmes"].choices)
        if "assets" in self.fields:
            self.fields["assets"].queryset = (
                _under(AssetPage.objects.all(), here).order_by("title") if here is not None else AssetPage.objects.none()
            )
            self.fields["assets"].widget = forms.CheckboxSelectMultiple(choices=self.fields["assets"].choices)
        if self.instance.pk and not self.is_bound:
            self.initial["case_codes"] = " ".join(
                tracking.display(code) for code in self.instance.cases.values_list("tracking_code", flat=True)
            )

    def clean_case_codes(self):
        text = to_latin_digits(self.cleaned_data.get("case_codes") or "")
        codes = [tracking.normalize(part) for part in text.replace("،", " ").replace(",", " ").split()]
        if not codes:
            return []
        found = {
            case.tracking_code: case
            for case in submissions_for(self.for_user).filter(
                tracking_code__in=codes, neighborhood_id=self.instance.neighborhood_id
            )
        }
        missing = [code for code in codes if code not in found]
        if missing:
            raise ValidationError(
                gettext("پرونده‌ای با این کد در صندوق این محله نیست: %(codes)s") % {"codes": "، ".join(missing)}
            )
        return list(found.values())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("accept_proposal") and self.instance.proposed_status:
            # The model's own check (a reason for "not done") then runs on the accepted status.
            cleaned["status"] = self.instance.proposed_status
        return cleaned

    def save(self, commit=True):
        if "status" in self.changed_data or self.cleaned_data.get("accept_proposal"):
            # The office has decided: the agency's proposal is answered.
            self.instance.proposed_status, self.instance.proposed_by, self.instance.proposed_at = "", None, None
        notes = self.formsets.get("notes")
        for form in notes.forms if notes else []:
            if form.instance.pk is None and form.has_changed():
                form.instance.author = self.for_user
        resolution = super().save(commit=commit)
        if commit and "case_codes" in self.cleaned_data:
            resolution.cases.set(self.cleaned_data["case_codes"])
        return resolution
