"""The staff inbox in the Wagtail admin.

Every view starts from the user's scope (``forms.scope``): listings are filtered through it and every
view of one submission checks that submission, because a filtered listing alone still lets anyone
open another neighbourhood's case by its id. A submission out of scope answers exactly like one that
does not exist.
"""

import mimetypes
import os
from functools import partial

from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models.functions import Length, Substr
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page

from portal.digits import format_number as fa

from .. import audit
from ..admin_forms import BulkActionForm, SubmissionEditForm
from ..confidential import reader_for
from ..filters import filtered_submissions
from ..history import describe, record_changes, snapshot
from ..models import ParticipationFormPage, Submission, SubmissionEvent
from ..notifications import notify_resident, resident_message
from ..scope import can_access, neighborhoods_for, submissions_for
from ..pipeline import new_form_token, read_form_token
from ..submit import create_submission

INBOX_TITLE = _("صندوق پرونده‌ها")
NOT_FOUND = _("این پرونده پیدا نشد یا در محله‌های شما نیست.")
NO_SCOPE = _("شما کارمند یا هماهنگ‌کننده هیچ محله‌ای نیستید و پرونده‌ای برای دیدن ندارید.")


def isolate(text):
    """Keep a left-to-right code («۱۲۳۴-۵۶۷۸») in reading order inside Persian text."""
    return f"\u2066{text}\u2069"


def scope_of(request):
    """The user's neighbourhoods, worked out once per request."""
    if not hasattr(request, "_inbox_neighborhoods"):
        request._inbox_neighborhoods = neighborhoods_for(request.user)
    return request._inbox_neighborhoods


def has_scope(request):
    if not hasattr(request, "_inbox_has_scope"):
        request._inbox_has_scope = scope_of(request).exists()
    return request._inbox_has_scope


def new_submissions_count(request):
    return submissions_for(request.user).filter(status__is_initial=True, archived=False).count()


def form_pages_for(user):
    """Live participation forms of the user's neighbourhoods (each is a child of its neighbourhood)."""
    parent_path = Substr("path", 1, Length("path") - Page.steplen)
    return (
        ParticipationFormPage.objects.live()
        .annotate(parent_path=parent_path)
        .filter(parent_path__in=neighborhoods_for(user).values("path"))
        .order_by("title")
    )


def listed_neighborhood(request, form):
    """The one neighbourhood a list or an export reads: the filter's, or the user's only one."""
    chosen = form.values().get("neighborhood")
    return chosen.pk if chosen else audit.only_neighborhood(scope_of(request))


def get_submission(request, pk):
    """The submission, if it exists and the user may work on it; Http404 otherwise."""
    submission = get_object_or_404(
        Submission.objects.select_related("neighborhood", "status", "assignee", "page", "referral_consent_by"), pk=pk
    )
    if not can_access(request.user, submission):
        raise Http404(NOT_FOUND)
    return submission


def enqueue_resident_notice(submission, what):
    """Tell the resident, once the change is committed, if they left a way to reach them."""
    if not (submission.mobile or submission.email) or submission.anonymised:
        return
    text = resident_message(submission, what)
    transaction.on_commit(partial(notify_resident.enqueue, submission.pk, text))


def save_with_history(submission, user, before):
    """Save an edited submission, its history row and the resident's notice (status or reply)."""
    reply_changed = submission.public_reply != before["public_reply"]
    status_changed = submission.status.name != before["status"]
    if reply_changed:
        submission.replied_at = timezone.now() if submission.public_reply else None
    submission.save()
    event = record_changes(submission, user, before)
    if reply_changed and submission.public_reply:
        enqueue_resident_notice(submission, "reply")
    elif status_changed:
        enqueue_resident_notice(submission, "status")
    return event


class InboxViewMixin(WagtailAdminTemplateMixin):
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not has_scope(request):
            messages.error(request, NO_SCOPE)
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext("پیشخوان")},
            {"url": reverse("participation_inbox:index"), "label": INBOX_TITLE},
        ]


class InboxIndexView(InboxViewMixin, TemplateView):
    template_name = "participation/admin/index.html"
    page_title = INBOX_TITLE

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": gettext("پیشخوان")}, {"url": "", "label": INBOX_TITLE}]

    def get_header_buttons(self):
        return [
            HeaderButton(
                gettext("ثبت در میز خدمت"), url=reverse("participation_inbox:service_desk"), icon_name="plus", priority=10
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, queryset = filtered_submissions(self.request)
        paginator = Paginator(queryset, form.page_size)
        page = paginator.get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        query.pop("format", None)
        submissions = reader_for(self.request).show_all(page.object_list)
        audit.record(
            self.request,
            audit.AccessRecord.Action.INBOX,
            neighborhood_id=listed_neighborhood(self.request, form),
            query=query.urlencode(),
            rows=len(submissions),
            masked=any(submission.masked for submission in submissions),
        )
        context.update(
            filter_form=form,
            page_obj=page,
            paginator=paginator,
            submissions=submissions,
            page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            bulk_form=BulkActionForm(neighborhoods=scope_of(self.request).only("path")),
            export_query=query.urlencode(),
            current_url=self.request.get_full_path(),
            filters_open=form.is_filtering or bool(form.errors),
        )
        return context


class SubmissionView(InboxViewMixin, TemplateView):
    template_name = "participation/admin/detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = kwargs["pk"]

    def dispatch(self, request, *args, **kwargs):
        if not has_scope(request):
            return super().dispatch(request, *args, **kwargs)
        try:
            self.submission = reader_for(request).show(get_submission(request, self.pk))
        except Http404:
            messages.error(request, NOT_FOUND)
            return redirect("participation_inbox:index")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return gettext("پرونده %(code)s") % {"code": isolate(self.submission.tracking_display)}

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        SubmissionEvent.objects.create(
            submission=self.submission, user=request.user, action=SubmissionEvent.Action.VIEWED
        )
        audit.record(request, audit.AccessRecord.Action.CASE, self.submission, masked=self.submission.masked)
        return self.render_to_response(self.get_context_data(form=self.edit_form(instance=self.submission)))

    def edit_form(self, *args, **kwargs):
        return SubmissionEditForm(*args, masked=self.submission.masked, **kwargs)

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            submission = (
                Submission.objects.select_for_update(of=("self",))
                .select_related("neighborhood", "status", "assignee")
                .get(pk=self.submission.pk)
            )
            before = snapshot(submission)
            form = self.edit_form(request.POST, instance=submission)
            if form.is_valid():
                form.save(commit=False)
                form.record_consent(request.user, timezone.now())
                save_with_history(submission, request.user, before)
                messages.success(request, gettext("تغییرهای پرونده %(code)s ذخیره شد.") % {"code": isolate(submission.tracking_display)})
                return redirect("participation_inbox:detail", pk=submission.pk)
        # Nothing was saved; show the unchanged case with the errors.
        self.submission = reader_for(request).show(get_submission(request, self.pk))
        messages.error(request, gettext("پرونده ذخیره نشد. خطاهای زیر را برطرف کنید."))
        return self.render_to_response(self.get_context_data(form=form), status=200)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        events = list(submission.events.select_related("user"))
        context.update(
            submission=submission,
            answers=submission.answers(),
            history=[(event, describe(event, masked=submission.masked)) for event in events],
            media=context["form"].media,
        )
        if submission.latitude is not None and submission.longitude is not None:
            lat, lng = submission.latitude, submission.longitude
            context["map_url"] = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}"
        return context


class PhotoView(View):
    """The resident's photo, streamed only to staff who may see the submission (it lives under
    media/private/, which no web server serves)."""

    def get(self, request, pk):
        submission = reader_for(request).show(get_submission(request, pk))
        if not submission.photo:
            raise Http404(gettext("عکسی پیوست نشده است."))
        audit.record(request, audit.AccessRecord.Action.PHOTO, submission)
        name = os.path.basename(submission.photo.name)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if not content_type.startswith("image/"):
            content_type = "application/octet-stream"
        response = FileResponse(submission.photo.open("rb"), content_type=content_type, filename=name)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class BulkActionView(View):
    def post(self, request):
        back = get_valid_next_url_from_request(request) or reverse("participation_inbox:index")
        if not has_scope(request):
            messages.error(request, NO_SCOPE)
            return redirect("wagtailadmin_home")
        form = BulkActionForm(request.POST, neighborhoods=scope_of(request).only("path"))
        if not form.is_valid():
            errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
            messages.error(request, gettext("کار گروهی انجام نشد: ") + " ".join(errors))
            return redirect(back)
        changed, skipped = self.perform(request, form.cleaned_data)
        if changed:
            messages.success(request, gettext("%(count)s پرونده به‌روز شد.") % {"count": fa(changed)})
        else:
            messages.warning(request, gettext("هیچ پرونده‌ای تغییر نکرد."))
        if skipped:
            messages.warning(
                request, gettext("%(count)s پرونده به این کاربر واگذار نشد، چون او در محله آن پرونده‌ها کار نمی‌کند.") % {"count": fa(skipped)}
            )
        return redirect(back)

    def perform(self, request, data):
        action = data["action"]
        changed = skipped = 0
        with transaction.atomic():
            # Only the user's own submissions: ids from elsewhere are ignored, never changed.
            targets = (
                submissions_for(request.user)
                .filter(pk__in=data["ids"])
                .select_for_update(of=("self",))
                .select_related("neighborhood", "status", "assignee")
            )
            if action == BulkActionForm.ASSIGN:
                allowed = set(neighborhoods_for(data["assignee"]).values_list("pk", flat=True))
            for submission in targets:
                before = snapshot(submission)
                if action == BulkActionForm.ASSIGN:
                    if submission.neighborhood_id not in allowed:
                        skipped += 1
                        continue
                    submission.assignee = data["assignee"]
                elif action == BulkActionForm.STATUS:
                    submission.status = data["status"]
                elif action == BulkActionForm.ARCHIVE:
                    submission.archived = True
                elif action == BulkActionForm.UNARCHIVE:
                    submission.archived = False
                if snapshot(submission) == before:
                    continue
                save_with_history(submission, request.user, before)
                changed += 1
        return changed, skipped


class ServiceDeskView(InboxViewMixin, TemplateView):
    """A resident at the office's desk: staff fill one of their neighbourhood's forms for them."""

    template_name = "participation/admin/service_desk.html"
    page_title = _("ثبت پرونده در میز خدمت")

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = list(form_pages_for(self.request.user))
        neighborhoods = {n.path: n for n in scope_of(self.request).filter(path__in=[p.parent_path for p in pages])}
        context["form_pages"] = [(page, neighborhoods.get(page.parent_path)) for page in pages]
        return context


class ServiceDeskFormView(InboxViewMixin, TemplateView):
    template_name = "participation/admin/service_desk_form.html"

    def dispatch(self, request, *args, **kwargs):
        if has_scope(request):
            self.form_page = form_pages_for(request.user).filter(pk=kwargs["page_id"]).first()
            if self.form_page is None:
                messages.error(request, gettext("این فرم پیدا نشد یا از محله‌های شما نیست."))
                return redirect("participation_inbox:service_desk")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return gettext("میز خدمت: %(form)s") % {"form": self.form_page.title}

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("participation_inbox:service_desk"), "label": gettext("میز خدمت")},
            {"url": "", "label": self.form_page.title},
        ]

    def build_form(self, *args, **kwargs):
        form = self.form_page.get_form(*args, page=self.form_page, user=self.request.user, **kwargs)
        # The honeypot guards the public form against bots; a signed-in staff member needs none.
        form.fields.pop("website", None)
        return form

    def get(self, request, *args, **kwargs):
        form = self.build_form(initial={"form_token": new_form_token()})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = self.build_form(request.POST, request.FILES)
        token = read_form_token(request.POST.get("form_token", ""))
        if token is None:
            form = self.build_form(self._with_fresh_token(request.POST), request.FILES)
            form.is_valid()
            form.add_error(None, gettext("زمان این فرم گذشته است. پاسخ‌ها را بازبینی کنید و دوباره ثبت کنید."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        existing = Submission.objects.filter(form_token=token).first()
        if existing is None and form.is_valid():
            try:
                existing = create_submission(
                    self.form_page, form, token=token, user=request.user, source="service_desk"
                )
            except IntegrityError:
                existing = Submission.objects.filter(form_token=token).first()
                if existing is None:
                    raise
        if existing is not None:
            if not can_access(request.user, existing):
                raise Http404(NOT_FOUND)
            messages.success(request, gettext("پرونده با کد رهگیری %(code)s ثبت شد.") % {"code": isolate(existing.tracking_display)})
            return redirect("participation_inbox:detail", pk=existing.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    @staticmethod
    def _with_fresh_token(data):
        data = data.copy()
        data["form_token"] = new_form_token()
        return data

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_page"] = self.form_page
        context["media"] = context["form"].media
        return context
