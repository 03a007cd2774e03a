"""Exports of the inbox: exactly the rows the listing shows for the same filters, in CSV or XLSX.

CSV starts with a byte-order mark so Excel reads it as UTF-8 (Persian stays readable) and streams
from the database in chunks; XLSX is written by openpyxl's write-only workbook. Dates are Jalali in
Tehran time. Each exported row gets an "exported" history event, written in chunks as rows go out.
"""

import csv
import logging
import re
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from wagtail.admin import messages

from portal import jalali
from portal.digits import to_latin_digits

from ..confidential import reader_for
from ..export_columns import AnswerColumns
from ..filters import filtered_submissions
from ..history import user_label
from .. import audit
from ..models import AccessRecord, SubmissionEvent
from .inbox import NO_SCOPE, has_scope, listed_neighborhood

logger = logging.getLogger(__name__)

CHUNK = 2000
FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters a spreadsheet reads as the start of a formula; resident text must never run as one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

FIXED_COLUMNS = [
    _("کد رهگیری"),
    _("فرم"),
    _("محله"),
    _("وضعیت"),
    _("زمان ثبت"),
    _("راه ثبت"),
    _("نام"),
    _("همراه"),
    _("کد ملی"),
    _("رایانامه"),
    _("مسئول پیگیری"),
    _("بایگانی"),
    _("پاسخ به شهروند"),
    _("زمان پاسخ"),
    _("ارجاع به"),
    _("تاریخ ارجاع"),
    _("نتیجه ارجاع"),
    _("رضایت ارجاع"),
    _("معرفی‌کننده"),
    _("عرض جغرافیایی"),
    _("طول جغرافیایی"),
]


def jalali_datetime(value):
    """1403/12/30 23:30 in Tehran time: Latin digits so spreadsheets sort and parse it."""
    if value is None:
        return ""
    local = timezone.localtime(value, jalali.tehran_tz())
    day = jalali.to_jalali_date(local)
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d} {local:%H:%M}"


def jalali_date(value):
    if value is None:
        return ""
    day = jalali.to_jalali_date(value)
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def answer_columns(queryset):
    """The answer columns of the exported rows (forms.export_columns), after the fixed ones."""
    rows = queryset.values_list("kind", "page_id", "form_title", "labels").iterator(chunk_size=CHUNK)
    return AnswerColumns(rows, taken=FIXED_COLUMNS)


def row(submission, columns):
    return [
        submission.tracking_code,
        submission.form_title,
        submission.neighborhood.title,
        submission.status.name,
        jalali_datetime(submission.created_at),
        submission.get_source_display(),
        submission.name,
        submission.mobile,
        submission.national_code,
        submission.email,
        user_label(submission.assignee),
        gettext("بله") if submission.archived else gettext("خیر"),
        submission.public_reply,
        jalali_datetime(submission.replied_at),
        submission.get_referral_agency_display() if submission.referral_agency else "",
        jalali_date(submission.referral_date),
        submission.referral_outcome,
        submission.get_referral_consent_display() if submission.referral_consent else "",
        submission.get_came_through_display() if submission.came_through else "",
        "" if submission.latitude is None else str(submission.latitude),
        "" if submission.longitude is None else str(submission.longitude),
    ] + columns.values(submission)


def text(value):
    return "" if value is None else str(value)


def csv_safe(value):
    value = text(value)
    return "'" + value if value.startswith(FORMULA_START) else value


class ExportLog:
    """Writes the "exported" events of the rows that went out, a chunk at a time, and their number on
    the export's audit record."""

    def __init__(self, user, file_format, access):
        self.user, self.format, self.access = user, file_format, access
        self.pending, self.count, self.masked = [], 0, False

    def add(self, submission):
        self.masked = self.masked or submission.masked
        self.pending.append(
            SubmissionEvent(
                submission_id=submission.pk,
                user=self.user,
                action=SubmissionEvent.Action.EXPORTED,
                changes={"format": self.format},
            )
        )
        self.count += 1
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self):
        if self.pending:
            SubmissionEvent.objects.bulk_create(self.pending, batch_size=CHUNK)
            self.pending = []

    def close(self):
        self.flush()
        AccessRecord.objects.filter(pk=self.access.pk).update(rows=self.count, masked=self.masked)
        logger.info("inbox export: user %s exported %s submissions as %s", self.user.pk, self.count, self.format)


class _Echo:
    def write(self, value):
        return value


def stream_csv(queryset, columns, log, language, reader):
    # The body streams after the view has returned: keep the headers in the staff member's admin language.
    with translation.override(language):
        writer = csv.writer(_Echo())
        yield "\ufeff" + writer.writerow([csv_safe(header) for header in headers(columns)])
        for submission in queryset.iterator(chunk_size=CHUNK):
            yield writer.writerow([csv_safe(value) for value in row(reader.show(submission), columns)])
            log.add(submission)
        log.close()


def headers(columns):
    return [str(header) for header in FIXED_COLUMNS] + columns.headers


def xlsx_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=ILLEGAL_XML.sub("", text(value)))
    cell.data_type = "s"  # never a formula, never a number that loses its leading zero
    return cell


def write_xlsx(queryset, columns, log, target, reader):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(gettext("پرونده‌ها"))
    sheet.sheet_view.rightToLeft = True
    sheet.append([xlsx_cell(sheet, header) for header in headers(columns)])
    for submission in queryset.iterator(chunk_size=CHUNK):
        sheet.append([xlsx_cell(sheet, value) for value in row(reader.show(submission), columns)])
        log.add(submission)
    workbook.save(target)
    log.close()


def export(request):
    if not has_scope(request):
        messages.error(request, NO_SCOPE)
        return redirect("wagtailadmin_home")
    query = request.GET.copy()
    file_format = query.pop("format", ["csv"])[-1]
    form, queryset = filtered_submissions(request, data=query)
    back = reverse("participation_inbox:index") + (f"?{query.urlencode()}" if query else "")
    if file_format not in FORMATS:
        messages.error(request, gettext("قالب خروجی باید CSV یا XLSX باشد."))
        return redirect(back)
    if not form.is_valid():
        # Exporting with a filter left out would hand over rows nobody asked for.
        messages.error(request, gettext("خروجی ساخته نشد: فیلترها را درست کنید."))
        return redirect(back)

    columns = answer_columns(queryset)
    access = audit.record(
        request, AccessRecord.Action.EXPORT, neighborhood_id=listed_neighborhood(request, form), query=request.GET.urlencode()
    )
    log = ExportLog(request.user, file_format, access)
    stamp = jalali_datetime(timezone.now()).replace("/", "-").replace(" ", "-").replace(":", "")
    filename = f"inbox-{to_latin_digits(stamp)}.{file_format}"
    if file_format == "csv":
        response = StreamingHttpResponse(stream_csv(queryset, columns, log, translation.get_language(), reader_for(request)), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        target = tempfile.TemporaryFile()
        write_xlsx(queryset, columns, log, target, reader_for(request))
        target.seek(0)
        response = FileResponse(target, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response
