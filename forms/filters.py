"""The inbox's filters, shared by the listing and the exports so both show exactly the same rows.

Every choice offered comes from the user's scope: a neighbourhood, form or assignee from elsewhere is
not a valid choice, so it can be neither listed nor used to probe another office's submissions.
"""

import datetime
import hashlib

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.models import Page

from portal import jalali
from portal.fields import JalaliDateField
from portal.caching import scopes
from portal.widgets import KeptSelect

from .confidential import Reader, reader_for
from .history import user_label
from .models import Status
from .scope import neighborhoods_for, submissions_for

PER_PAGE_CHOICES = [(25, _("۲۵")), (50, _("۵۰")), (100, _("۱۰۰"))]
DEFAULT_PER_PAGE = 25
FILTER_NAMES = ("q", "neighborhood", "page", "status", "assignee", "date_from", "date_to", "mine", "archived")
INVALID_CHOICE = _("این گزینه در دسترس شما نیست.")


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_label(obj)


class InboxFilterForm(forms.Form):
    q = forms.CharField(label=_("جستجو"), required=False, max_length=200)
    neighborhood = forms.ModelChoiceField(
        label=_("محله"), queryset=None, required=False, empty_label=_("همه محله‌ها"), widget=KeptSelect
    )
    page = forms.ModelChoiceField(
        label=_("فرم"), queryset=None, required=False, empty_label=_("همه فرم‌ها"), widget=KeptSelect
    )
    status = forms.ModelChoiceField(label=_("وضعیت"), queryset=None, required=False, empty_label=_("همه وضعیت‌ها"))
    assignee = UserChoiceField(label=_("مسئول پیگیری"), queryset=None, required=False, empty_label=_("همه"))
    date_from = JalaliDateField(label=_("از تاریخ"), required=False)
    date_to = JalaliDateField(label=_("تا تاریخ"), required=False)
    mine = forms.BooleanField(label=_("فقط پرونده‌های من"), required=False)
    archived = forms.BooleanField(label=_("با پرونده‌های بایگانی‌شده"), required=False)
    per_page = forms.TypedChoiceField(
        label=_("در هر صفحه"),
        choices=PER_PAGE_CHOICES,
        coerce=int,
        required=False,
        empty_value=DEFAULT_PER_PAGE,
    )

    def __init__(self, data=None, *, user, readable=None, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        self.readable = readable if readable is not None else Reader(user).readable()
        in_scope = submissions_for(user)
        self.fields["neighborhood"].queryset = neighborhoods_for(user).order_by("title")
        self.fields["page"].queryset = Page.objects.filter(pk__in=in_scope.values("page_id")).order_by("title")
        # A coordinator's or a superuser's lists run to a thousand options: their HTML is kept for the staff
        # screens by the ids offered (the user's scope; a form's first submission adds it) while the titles'
        # scopes stand (the neighbourhoods' list; any page, for the forms).
        for name, depends in (("neighborhood", "neighborhoods"), ("page", "pages")):
            offered = self.fields[name].queryset.values_list("pk", flat=True)
            widget = self.fields[name].widget
            widget.keep = ([hashlib.sha1(repr(list(offered)).encode()).hexdigest()], [scopes.portal_list(depends)])
            widget.staff = True
        self.fields["status"].queryset = Status.objects.all()
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(Q(pk__in=in_scope.values("assignee_id")) | Q(pk=user.pk))
            .order_by("first_name", "last_name", "username")
        )
        for name in ("neighborhood", "page", "status", "assignee"):
            self.fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
        self.fields["per_page"].error_messages["invalid_choice"] = gettext("تعداد در هر صفحه یکی از ۲۵، ۵۰ یا ۱۰۰ است.")
        self.fields["q"].widget.attrs.update({"placeholder": gettext("نام، کد رهگیری، شماره همراه یا متن پاسخ‌ها")})

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", gettext("تاریخ پایان نباید پیش از تاریخ آغاز باشد."))
        return cleaned

    def values(self):
        """The valid filters (an invalid one is left out and shown with its error)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.cleaned_data

    @property
    def page_size(self):
        return self.values().get("per_page") or DEFAULT_PER_PAGE

    @property
    def is_filtering(self):
        data = self.values()
        return any(data.get(name) for name in FILTER_NAMES)

    def apply(self, queryset):
        """Filter a queryset of submissions with every filter that is valid."""
        data = self.values()
        if not data.get("archived"):
            queryset = queryset.filter(archived=False)
        if data.get("neighborhood"):
            queryset = queryset.filter(neighborhood=data["neighborhood"])
        if data.get("page"):
            queryset = queryset.filter(page=data["page"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("assignee"):
            queryset = queryset.filter(assignee=data["assignee"])
        if data.get("mine"):
            queryset = queryset.filter(assignee=self.user)
        if data.get("date_from"):
            queryset = queryset.filter(created_at__gte=tehran_midnight(data["date_from"]))
        if data.get("date_to"):
            # The whole last day, in Tehran time.
            queryset = queryset.filter(created_at__lt=tehran_midnight(data["date_to"] + datetime.timedelta(days=1)))
        if data.get("q"):
            queryset = queryset.search(data["q"], readable=self.readable)
        return queryset


def tehran_midnight(day):
    """The aware datetime at which ``day`` begins in Tehran."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=jalali.tehran_tz())


def filtered_submissions(request, data=None):
    """(filter form, the user's submissions filtered by it): the one code path of listing and exports."""
    form = InboxFilterForm(request.GET if data is None else data, user=request.user, readable=reader_for(request).readable())
    queryset = submissions_for(request.user).select_related("neighborhood", "status", "assignee", "page")
    return form, form.apply(queryset)
