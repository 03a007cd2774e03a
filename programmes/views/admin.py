"""Staff screens of programmes: the programmes of the user's neighbourhoods, and for each one its
registrations, waitlist, attendance per session, exports and a message to everyone signed up.

Like the inbox, every view starts from the user's scope and checks the programme itself: one from
another neighbourhood answers exactly as one that does not exist.
"""

import csv
import tempfile
from functools import partial

from django import forms
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView, View
from openpyxl import Workbook
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms import audit
from forms.confidential import reader_for
from forms.models import SubmissionEvent
from forms.notifications import notify_resident
from forms.scope import neighborhoods_for
from forms.views.export import XLSX_TYPE, _Echo, csv_safe, jalali_datetime, xlsx_cell
from portal import jalali
from portal.digits import to_latin_digits

from ..choices import Seat
from ..held import is_held
from ..models import Attendance, ProgramPage
from ..seats import cancel

TITLE = _("ثبت‌نام‌های برنامه‌ها")
NOT_FOUND = _("این برنامه پیدا نشد یا در محله‌های شما نیست.")
NO_SCOPE = _("شما کارمند یا هماهنگ‌کننده هیچ محله‌ای نیستید.")


def programmes_for(user):
    return ProgramPage.objects.filter(neighborhood__in=neighborhoods_for(user))


def get_program(request, pk):
    program = programmes_for(request.user).select_related("neighborhood").filter(pk=pk).first()
    if program is None:
        raise Http404(NOT_FOUND)
    return program


class ProgrammeAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not neighborhoods_for(request.user).exists():
            messages.error(request, NO_SCOPE)
            return redirect("wagtailadmin_home")
        if "pk" in kwargs:
            try:
                self.program = get_program(request, kwargs["pk"])
            except Http404:
                messages.error(request, NOT_FOUND)
                return redirect("programme_admin:index")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            {"url": reverse("wagtailadmin_home"), "label": gettext("پیشخوان")},
            {"url": reverse("programme_admin:index"), "label": TITLE},
        ]
        if hasattr(self, "program"):
            items.append({"url": "", "label": self.program.title})
        return items


class ProgrammeIndexView(ProgrammeAdminMixin, TemplateView):
    template_name = "programmes/admin/index.html"
    page_title = TITLE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = (
            programmes_for(self.request.user)
            .select_related("neighborhood")
            .annotate(
                confirmed=Sum("registrations__people", filter=Q(registrations__state=Seat.CONFIRMED), default=0),
                waiting=Sum("registrations__people", filter=Q(registrations__state=Seat.WAITLISTED), default=0),
            )
            .order_by("-starts_at", "-pk")
        )
        page = Paginator(queryset, 25).get_page(self.request.GET.get("p"))
        context.update(page_obj=page, programmes=list(page.object_list))
        return context


class MessageForm(forms.Form):
    AUDIENCES = [
        (Seat.CONFIRMED, _("ثبت‌نام‌های قطعی")),
        (Seat.WAITLISTED, _("فهرست انتظار")),
        ("active", _("هر دو")),
    ]
    audience = forms.ChoiceField(label=_("گیرندگان"), choices=AUDIENCES, initial=Seat.CONFIRMED)
    text = forms.CharField(
        label=_("متن پیام"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("با پیامک (و رایانامه، اگر داده باشند) فرستاده می‌شود. دست‌بالا ۳۰۰ نویسه."),
    )

    def recipients(self, program):
        audience = self.cleaned_data["audience"]
        registrations = program.registrations.active().select_related("submission")
        if audience != "active":
            registrations = registrations.filter(state=audience)
        return [registration for registration in registrations if not registration.submission.anonymised]


class RegistrationsView(ProgrammeAdminMixin, TemplateView):
    template_name = "programmes/admin/registrations.html"

    def get_page_title(self):
        return gettext("ثبت‌نام‌های %(programme)s") % {"programme": self.program.title}

    def get_context_data(self, message_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        program = self.program
        registrations = shown(reader_for(self.request), program)
        audit.record(
            self.request,
            audit.AccessRecord.Action.REGISTRATIONS,
            neighborhood_id=program.neighborhood_id,
            query=f"programme={program.pk}",
            rows=len(registrations),
            masked=any_masked(registrations),
        )
        sessions = program.sorted_sessions()
        marks = {
            (mark.registration_id, mark.session_id): mark.present
            for mark in Attendance.objects.filter(registration__program=program)
        }
        confirmed = [r for r in registrations if r.state == Seat.CONFIRMED]
        for registration in confirmed:
            registration.marks = [(session, marks.get((registration.pk, session.pk), False)) for session in sessions]
        waiting = [r for r in registrations if r.state == Seat.WAITLISTED]
        for position, registration in enumerate(waiting, start=1):
            registration.position = position
        present = Attendance.objects.filter(registration__program=program, present=True).order_by()
        present_counts = dict(present.values("session").annotate(n=Count("pk")).values_list("session", "n"))
        context.update(
            program=program,
            sessions=sessions,
            confirmed=confirmed,
            waiting=waiting,
            cancelled=[r for r in registrations if r.state == Seat.CANCELLED],
            seats_taken=sum(r.people for r in confirmed),
            session_columns=[(session, present_counts.get(session.pk, 0)) for session in sessions],
            message_form=message_form or MessageForm(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[program.pk]),
        )
        return context


class AttendanceView(RegistrationsView):
    """Saves the attendance grid: a checkbox per confirmed registration and held session. A session still
    to come (programmes.held) is refused whole, with nothing saved: nobody has attended it yet."""

    def get(self, request, *args, **kwargs):
        return redirect("programme_admin:registrations", pk=self.program.pk)

    def post(self, request, pk):
        program = self.program
        now = timezone.now()
        sessions = {session.pk: session for session in program.sorted_sessions()}
        held = {session_id for session_id, session in sessions.items() if is_held(session, now)}
        confirmed = {r.pk: r for r in program.registrations.filter(state=Seat.CONFIRMED)}
        ticked = set()
        for name in request.POST:
            parts = name.split("-")
            if len(parts) == 3 and parts[0] == "present" and parts[1].isdigit() and parts[2].isdigit():
                ticked.add((int(parts[1]), int(parts[2])))
        early = sorted({sessions[session_id].date for _r, session_id in ticked if session_id in sessions and session_id not in held})
        if early:
            messages.error(
                request,
                gettext("حضور جلسه‌ای که روزش هنوز نرسیده است ثبت نمی‌شود (%(dates)s). هیچ تغییری ذخیره نشد.")
                % {"dates": gettext("، ").join(jalali.format_date(day) for day in early)},
            )
            response = self.render_to_response(self.get_context_data())
            response.status_code = 400
            return response
        with transaction.atomic():
            existing = {
                (mark.registration_id, mark.session_id): mark
                for mark in Attendance.objects.select_for_update().filter(registration__program=program)
            }
            changed = []
            for registration_id in confirmed:
                for session_id in held:
                    present = (registration_id, session_id) in ticked
                    mark = existing.get((registration_id, session_id))
                    if mark is None:
                        if present:
                            changed.append(
                                Attendance(
                                    registration_id=registration_id, session_id=session_id, present=True, marked_by=request.user
                                )
                            )
                    elif mark.present != present:
                        mark.present, mark.marked_by = present, request.user
                        mark.save(update_fields=["present", "marked_by", "marked_at"])
            Attendance.objects.bulk_create(changed)
        messages.success(request, gettext("حضور و غیاب ذخیره شد."))
        return redirect("programme_admin:registrations", pk=program.pk)


class CancelRegistrationView(ProgrammeAdminMixin, View):
    def post(self, request, pk, registration_pk):
        registration = self.program.registrations.filter(pk=registration_pk).first()
        if registration is None or not registration.is_active:
            messages.error(request, gettext("این ثبت‌نام پیدا نشد یا پیش‌تر لغو شده است."))
        else:
            promoted = cancel(registration, user=request.user, by_resident=False)
            text = gettext("ثبت‌نام لغو شد.")
            if promoted:
                text += " " + gettext("%(count)s نفر از فهرست انتظار قطعی شدند و با پیامک خبردار می‌شوند.") % {"count": len(promoted)}
            messages.success(request, text)
        return redirect("programme_admin:registrations", pk=self.program.pk)


class MessageView(RegistrationsView):
    def get(self, request, *args, **kwargs):
        return redirect("programme_admin:registrations", pk=self.program.pk)

    def post(self, request, pk):
        form = MessageForm(request.POST)
        if not form.is_valid():
            response = self.render_to_response(self.get_context_data(message_form=form))
            response.status_code = 400
            return response
        recipients = form.recipients(self.program)
        text = f"{self.program.title}: {form.cleaned_data['text']}"
        with transaction.atomic():
            for registration in recipients:
                transaction.on_commit(partial(notify_resident.enqueue, registration.submission_id, text))
        messages.success(request, gettext("پیام برای %(count)s نفر در صف فرستادن است.") % {"count": len(recipients)})
        return redirect("programme_admin:registrations", pk=self.program.pk)


# --- export ------------------------------------------------------------------------------------

COLUMNS = [_("کد رهگیری"), _("وضعیت جا"), _("نوبت انتظار"), _("نام"), _("همراه"), _("کد ملی"), _("شمار نفرات"), _("زمان ثبت‌نام"), _("زمان لغو")]


def shown(reader, program):
    """The programme's registrations in sign-up order, their cases masked where ``reader`` may not read
    them (forms.confidential)."""
    registrations = list(program.registrations.select_related("submission").order_by("created_at", "pk"))
    for registration in registrations:
        if reader.show(registration.submission).masked:
            registration.mobile = ""
    return registrations


def any_masked(registrations):
    return any(registration.submission.masked for registration in registrations)


def export_rows(program, registrations):
    sessions = program.sorted_sessions()
    header = [str(column) for column in COLUMNS] + [
        gettext("حضور %(date)s") % {"date": jalali.format_numeric(session.date)} for session in sessions
    ]
    yield [to_latin_digits(cell) for cell in header]
    present = set(
        Attendance.objects.filter(registration__program=program, present=True).values_list("registration", "session")
    )
    position = 0
    for registration in registrations:
        submission = registration.submission
        if registration.state == Seat.WAITLISTED:
            position += 1
        yield [
            submission.tracking_code,
            registration.get_state_display(),
            position if registration.state == Seat.WAITLISTED else "",
            submission.name,
            submission.mobile,
            submission.national_code,
            registration.people,
            jalali_datetime(registration.created_at),
            jalali_datetime(registration.cancelled_at),
        ] + [
            (gettext("حاضر") if (registration.pk, session.pk) in present else "") if registration.state == Seat.CONFIRMED else ""
            for session in sessions
        ]


def export(request, pk):
    try:
        program = get_program(request, pk)
    except Http404:
        messages.error(request, NOT_FOUND)
        return redirect("programme_admin:index")
    file_format = request.GET.get("format", "csv")
    if file_format not in ("csv", "xlsx"):
        messages.error(request, gettext("قالب خروجی باید CSV یا XLSX باشد."))
        return redirect("programme_admin:registrations", pk=pk)
    registrations = shown(reader_for(request), program)
    rows = list(export_rows(program, registrations))
    audit.record(
        request,
        audit.AccessRecord.Action.REGISTRATIONS_EXPORT,
        neighborhood_id=program.neighborhood_id,
        query=f"programme={program.pk}&format={file_format}",
        rows=len(rows) - 1,
        masked=any_masked(registrations),
    )
    SubmissionEvent.objects.bulk_create(
        SubmissionEvent(submission_id=submission_id, user=request.user, action=SubmissionEvent.Action.EXPORTED, changes={"format": file_format})
        for submission_id in program.registrations.values_list("submission_id", flat=True)
    )
    stamp = jalali_datetime(timezone.now()).replace("/", "-").replace(" ", "-").replace(":", "")
    filename = f"registrations-{program.pk}-{stamp}.{file_format}"
    if file_format == "csv":
        writer = csv.writer(_Echo())
        body = ["\ufeff"] + [writer.writerow([csv_safe(cell) for cell in row]) for row in rows]
        response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(gettext("ثبت‌نام‌ها"))
        sheet.sheet_view.rightToLeft = True
        for row in rows:
            sheet.append([xlsx_cell(sheet, cell) for cell in row])
        target = tempfile.TemporaryFile()
        workbook.save(target)
        target.seek(0)
        response = FileResponse(target, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response
