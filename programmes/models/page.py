import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery, Sum, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from content.fields import body_field
from content.renditions import PremadeRenditions
from content.forms import BodyPageForm
from forms.models.confidential import ConfidentialPage
from search.indexing import NORMALISED_FIELDS, SearchableText

from neighborhoods.locales import source_of
from neighborhoods.models import NeighborhoodPage
from neighborhoods.scopes import area
from portal import jalali
from portal.caching import scopes
from portal.visibility import ListablePageQuerySet, is_listable
from portal.money import format_money

from ..choices import Audience, Kind, NationalCode, Seat, Status
from ..held import is_held
from ..ical import calendar_response
from ..jsonld import event_json_ld
from .registration import Registration


class ProgramSession(Orderable):
    """One meeting of a programme: a Jalali day in the admin, a start and an end time in Tehran."""

    page = ParentalKey("programmes.ProgramPage", on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("تاریخ"))
    starts = models.TimeField(_("ساعت شروع"))
    ends = models.TimeField(_("ساعت پایان"))
    note = models.CharField(_("توضیح"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("starts"), FieldPanel("ends")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("جلسه")
        verbose_name_plural = _("جلسه‌ها")
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{jalali.format_date(self.date)} {self.starts:%H:%M}"

    def clean(self):
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": gettext("ساعت پایان باید پس از ساعت شروع باشد.")})

    @property
    def start_datetime(self):
        return datetime.datetime.combine(self.date, self.starts, tzinfo=jalali.tehran_tz())

    @property
    def is_held(self):
        """Its day has come in Tehran (programmes.held): attendance may be taken, figures count it."""
        return is_held(self)

    @property
    def end_datetime(self):
        return datetime.datetime.combine(self.date, self.ends, tzinfo=jalali.tehran_tz())


class ProgramPageForm(BodyPageForm):
    def clean(self):
        cleaned = super().clean()
        sessions = self.formsets.get("sessions")
        if sessions is not None:
            kept = [
                form
                for form in sessions.forms
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            if not kept:
                self.add_error(None, gettext("برنامه دست‌کم یک جلسه (تاریخ و ساعت) لازم دارد."))
        venue = cleaned.get("venue")
        if venue is not None and self.parent_page is not None and not venue.path.startswith(self.parent_page.path):
            self.add_error("venue", gettext("مکان باید یکی از ظرفیت‌های همین محله باشد."))
        opens, closes = cleaned.get("signup_opens"), cleaned.get("signup_closes")
        if opens and closes and closes < opens:
            self.add_error("signup_closes", gettext("پایان ثبت‌نام نمی‌تواند پیش از آغاز آن باشد."))
        return cleaned


def confirmed_seats():
    """A subquery: the seats held by confirmed sign-ups of the outer programme."""
    return Coalesce(
        Subquery(
            # By translation key: a translation's card shows the seats its Persian page holds (seat_holder).
            Registration.objects.filter(program__translation_key=OuterRef("translation_key"), state=Seat.CONFIRMED)
            .order_by()
            .values("program__translation_key")
            .annotate(total=Sum("people"))
            .values("total")[:1]
        ),
        0,
    )


class ProgramPageQuerySet(ListablePageQuerySet):
    def for_listing(self):
        """Listable programmes (live, not restricted) with what a card shows: neighbourhood, image and the
        seats taken, soonest first."""
        return (
            self.listable()
            .select_related("neighborhood", "image", "venue")
            .prefetch_related("image__renditions")
            .annotate(seats_taken=confirmed_seats())
            .order_by("starts_at", "pk")
        )

    def open_for_signup(self):
        now = timezone.now()
        today = timezone.localdate()
        return self.annotate(seats_taken_now=confirmed_seats()).filter(
            Q(signup_opens__isnull=True) | Q(signup_opens__lte=today),
            Q(signup_closes__isnull=True) | Q(signup_closes__gte=today),
            Q(capacity__isnull=True) | Q(capacity__gt=models.F("seats_taken_now")),
            signup_enabled=True,
            cancelled=False,
            starts_at__gt=now,
        )

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now(), cancelled=False)


class ProgramPage(PremadeRenditions, ConfidentialPage, SearchableText, RoutablePageMixin, Page):
    """A course, event, service or occasion of one neighbourhood, with sessions and online sign-up."""

    kind = models.CharField(_("نوع برنامه"), max_length=20, choices=Kind.choices, default=Kind.COURSE)
    audience = models.CharField(_("مخاطبان"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    summary = models.CharField(_("خلاصه"), max_length=300, help_text=_("یک یا دو جمله برای فهرست‌ها و تقویم"))
    body = body_field(_("شرح برنامه"))
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("تصویر"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    venue = models.ForeignKey(
        "directory.AssetPage",
        verbose_name=_("مکان از ظرفیت‌های محله"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        help_text=_("اگر برنامه در یکی از ظرفیت‌های ثبت‌شده همین محله برگزار می‌شود، آن را برگزینید."),
    )
    venue_name = models.CharField(
        _("مکان برگزاری"), max_length=150, blank=True, help_text=_("اگر مکان در ظرفیت‌های محله نیست، نام آن را بنویسید.")
    )
    venue_address = models.CharField(_("نشانی مکان"), max_length=300, blank=True)
    cost_rials = models.PositiveBigIntegerField(
        _("هزینه (ریال)"), default=0, help_text=_("۰ یعنی رایگان. در سایت به تومان نشان داده می‌شود.")
    )
    organiser = models.CharField(_("برگزارکننده"), max_length=150, blank=True, help_text=_("مانند دفتر تسهیلگری یا یک سمن"))
    partners = models.CharField(_("همکاران"), max_length=300, blank=True, help_text=_("سمن‌ها، خیریه‌ها و نهادهای همکار"))

    signup_enabled = models.BooleanField(_("ثبت‌نام برخط"), default=True)
    capacity = models.PositiveIntegerField(
        _("ظرفیت (نفر)"), null=True, blank=True, help_text=_("اگر خالی بماند ظرفیت محدود نیست.")
    )
    waitlist_capacity = models.PositiveIntegerField(
        _("ظرفیت فهرست انتظار (نفر)"), default=20, help_text=_("۰ یعنی پس از تکمیل ظرفیت، ثبت‌نام بسته می‌شود.")
    )
    max_people_per_signup = models.PositiveSmallIntegerField(
        _("بیشترین شمار نفرات در هر ثبت‌نام"), default=4, help_text=_("یک نفر برای خود و همراهانش ثبت‌نام می‌کند.")
    )
    national_code = models.CharField(
        _("پرسیدن کد ملی"), max_length=10, choices=NationalCode.choices, default=NationalCode.NOT_ASKED
    )
    signup_opens = models.DateField(_("آغاز ثبت‌نام"), null=True, blank=True, help_text=_("اگر خالی بماند از هم‌اکنون."))
    signup_closes = models.DateField(
        _("پایان ثبت‌نام"), null=True, blank=True, help_text=_("اگر خالی بماند تا آغاز نخستین جلسه.")
    )
    cancelled = models.BooleanField(_("برنامه لغو شده است"), default=False)
    cancellation_note = models.CharField(_("دلیل لغو"), max_length=300, blank=True)

    # Derived in save(): the first start and last end of the sessions, and the neighbourhood above
    # the page, so listings and the calendar can filter and sort without reading every session.
    starts_at = models.DateTimeField(_("آغاز"), null=True, editable=False, db_index=True)
    ends_at = models.DateTimeField(_("پایان"), null=True, editable=False)
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage",
        verbose_name=_("محله"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="programmes",
    )

    # Fetched with the page when it is served (home/routing.py).
    route_related = ("image", "neighborhood", "venue")
    objects = PageManager.from_queryset(ProgramPageQuerySet)()
    base_form_class = ProgramPageForm

    search_text_fields = ("summary", "body")
    search_excerpt_fields = ("summary", "body")
    search_fields = Page.search_fields + [
        *NORMALISED_FIELDS,
        index.FilterField("kind"),
        index.FilterField("audience"),
        index.FilterField("neighborhood"),
        index.FilterField("starts_at"),
    ]
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("sessions", heading=_("جلسه‌ها"), label=_("جلسه"), min_num=1),
        MultiFieldPanel(
            [PageChooserPanel("venue", "directory.AssetPage"), FieldPanel("venue_name"), FieldPanel("venue_address")],
            heading=_("مکان"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("partners"), FieldPanel("cost_rials")],
            heading=_("برگزارکننده و هزینه"),
        ),
        InlinePanel(
            "partner_links",
            heading=_("سمن‌ها و خیریه‌های فهرست"),
            label=_("سازمان"),
            help_text=_("سازمان‌هایی از فهرست سمن‌ها که این برنامه را برگزار می‌کنند یا در آن همکارند."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signup_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waitlist_capacity")]),
                FieldRowPanel([FieldPanel("signup_opens"), FieldPanel("signup_closes")]),
                FieldRowPanel([FieldPanel("max_people_per_signup"), FieldPanel("national_code")]),
            ],
            heading=_("ثبت‌نام"),
        ),
        MultiFieldPanel([FieldPanel("sensitive_topic"), FieldPanel("confidential")], heading=_("محرمانگی")),
        MultiFieldPanel([FieldPanel("cancelled"), FieldPanel("cancellation_note")], heading=_("لغو")),
    ]
    parent_page_types = ["neighborhoods.NeighborhoodPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("برنامه")
        verbose_name_plural = _("برنامه‌ها")
        indexes = [models.Index(fields=["neighborhood", "starts_at"])]

    # --- derived data -------------------------------------------------------------------------

    def find_neighborhood(self):
        if not self.path:
            return None
        return NeighborhoodPage.objects.ancestor_of(self).first()

    @property
    def place_name(self):
        return self.venue.title if self.venue_id and self.venue else self.venue_name

    @property
    def place_address(self):
        return self.venue.address if self.venue_id and self.venue and self.venue.address else self.venue_address

    @cached_property
    def partners_shown(self):
        """Linked organisations that are live, with their role, in the editor's order (read once)."""
        return [
            link
            for link in self.partner_links.select_related("organization").order_by("sort_order")
            if is_listable(link.organization)
        ]

    def neighborhood_title(self):
        return self.neighborhood.title if self.neighborhood_id else ""

    def save(self, *args, **kwargs):
        self.__dict__.pop("_sorted_sessions", None)
        sessions = sorted(self.sessions.all(), key=lambda session: (session.date, session.starts))
        if sessions:
            self.starts_at = sessions[0].start_datetime
            self.ends_at = max(session.end_datetime for session in sessions)
        if self.path and self.neighborhood_id is None:
            self.neighborhood = self.find_neighborhood()
        return super().save(*args, **kwargs)

    def sorted_sessions(self):
        """The sessions in time order, read once per page object."""
        if "_sorted_sessions" not in self.__dict__:
            self.__dict__["_sorted_sessions"] = sorted(
                self.sessions.all(), key=lambda session: (session.date, session.starts)
            )
        return self.__dict__["_sorted_sessions"]

    def seat_holder(self):
        """The programme whose seats this page offers: itself, or for a translation its Persian page. A programme
        has one set of seats and one list of sign-ups, whatever the language a resident signs up in, and the
        office's inbox and registrations screens are the Persian page's."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return source_of(self)

    def _seats(self, state):
        held = Registration.objects.filter(program__translation_key=self.translation_key, state=state)
        return held.aggregate(total=Sum("people"))["total"] or 0

    @cached_property
    def seats_taken(self):
        """Seats held by confirmed sign-ups, in every language (listings annotate it in their query instead)."""
        return self._seats(Seat.CONFIRMED)

    @property
    def seats_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    @cached_property
    def waitlisted(self):
        return self._seats(Seat.WAITLISTED)

    @property
    def cost_display(self):
        return format_money(self.cost_rials)

    @property
    def is_free(self):
        return not self.cost_rials

    def signup_window(self, today=None):
        """(first, last) dates on which sign-up is open; None where unbounded."""
        last = self.signup_closes
        if last is None and self.starts_at:
            last = timezone.localtime(self.starts_at, jalali.tehran_tz()).date()
        return self.signup_opens, last

    def signup_is_open(self, now=None):
        """Sign-up is accepted now (a seat or a waitlist place may still be refused when taken)."""
        now = now or timezone.now()
        today = timezone.localtime(now, jalali.tehran_tz()).date()
        first, last = self.signup_window()
        if not self.signup_enabled or self.cancelled or not self.live:
            return False
        if self.starts_at and now >= self.starts_at:
            return False
        return (first is None or first <= today) and (last is None or today <= last)

    def status(self, now=None):
        now = now or timezone.now()
        if self.cancelled:
            return Status.CANCELLED
        if self.ends_at and now > self.ends_at:
            return Status.FINISHED
        if self.starts_at and now >= self.starts_at:
            return Status.RUNNING
        if self.signup_is_open(now):
            if self.capacity is not None and self.seats_taken >= self.capacity:
                return Status.FULL
            return Status.OPEN
        return Status.UPCOMING

    @property
    def status_label(self):
        return Status(self.status()).label

    @property
    def invitation(self):
        """What a call to action in a body says of this programme now (content/blocks/actions.py)."""
        status = self.status()
        takes_signups = status == Status.OPEN or (status == Status.FULL and self.waitlist_has_room)
        if status == Status.OPEN:
            action = gettext("ثبت‌نام")
        elif takes_signups:
            action = gettext("ثبت‌نام در فهرست انتظار")
        else:
            action = gettext("دیدن برنامه")
        return {"state": status, "label": Status(status).label, "open": takes_signups, "action": action,
                "anchor": "signup" if takes_signups else ""}

    @property
    def waitlist_has_room(self):
        return self.waitlisted < self.waitlist_capacity

    # --- caches -------------------------------------------------------------------------------

    def cache_scopes(self):
        return [area(self)] if area(self) else [scopes.page(self.pk)]

    # --- pages --------------------------------------------------------------------------------
    # Sign-up and cancellation take seats (programmes/seats.py), which reads and writes these models:
    # their modules are imported when the page serves, not while the models load.

    def get_context(self, request, *args, **kwargs):
        from ..signup import SignupForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", SignupForm(program=self) if self.signup_is_open() else None)
        context["sessions"] = self.sorted_sessions()
        context["json_ld"] = event_json_ld(self, request)
        return context

    @path("")
    def detail(self, request):
        from ..signup import handle_signup

        if request.method == "POST":
            return handle_signup(self, request)
        return self.render(request)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        from ..cancel import cancel_view

        return cancel_view(self, request)

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response([self], request, name=self.title)
