"""The admin's meeting and resolution screens, scoped like the inbox: a list shows the user's
neighbourhoods only, and every screen of one object answers 404 for another neighbourhood's, whatever the
id in the URL (the Wagtail admin filters lists, not objects, by itself)."""

import mimetypes
import os

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import HeaderButton
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from ..models import Attachment, Meeting
from ..models.resolution import today_in_tehran
from ..scope import scope_q

NOT_FOUND = _("چنین جلسه یا مصوبه‌ای در محله‌های شما نیست.")


class InScopeList:
    def get_base_queryset(self):
        return super().get_base_queryset().filter(scope_q(self.model, self.request.user))


class InScopeObject:
    def get_object(self, queryset=None):
        found = super().get_object(queryset) if queryset is not None else super().get_object()
        if not type(found).objects.filter(scope_q(type(found), self.request.user), pk=found.pk).exists():
            raise Http404(NOT_FOUND)
        return found


class MeetingIndexView(InScopeList, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("neighborhood", "province", "committee")


class ResolutionIndexView(InScopeList, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("neighborhood", "agency", "organization", "meeting")


class CreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EditView(InScopeObject, generic.EditView):
    pass


class MeetingEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            HeaderButton(_("چاپ صورت‌جلسه"), url=reverse("council_minutes", args=[self.object.pk]), icon_name="doc-full"),
        ]


def minutes(request, pk):
    """The meeting's minutes as a printable page (the browser's print or save as PDF), for staff in scope."""
    meeting = (
        Meeting.objects.filter(scope_q(Meeting, request.user), pk=pk)
        .select_related("neighborhood", "province", "committee", "place_asset")
        .prefetch_related(
            "attendees", "attachments", "resolutions__agency", "resolutions__organization", "resolutions__neighborhood"
        )
        .first()
    )
    if meeting is None:
        raise Http404(NOT_FOUND)
    return render(request, "council/minutes.html", {"meeting": meeting, "today": today_in_tehran()})


class DeleteView(InScopeObject, generic.DeleteView):
    pass


class HistoryView(InScopeObject, history.HistoryView):
    pass


class UsageView(InScopeObject, usage.UsageView):
    pass


def attachment(request, pk):
    """A meeting's paper, streamed to staff of its neighbourhood and its province's coordinators (a province's
    meeting's to its coordinators) only."""
    found = Attachment.objects.filter(scope_q(Attachment, request.user), pk=pk).first()
    if found is None or not found.file:
        raise Http404(NOT_FOUND)
    name = os.path.basename(found.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(found.file.open("rb"), content_type=content_type, as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
