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

from forms.scope import neighborhoods_for

from ..models import Attachment, Meeting
from ..models.resolution import today_in_tehran

NOT_FOUND = _("چنین جلسه یا مصوبه‌ای در محله‌های شما نیست.")


class InScopeList:
    def get_base_queryset(self):
        return super().get_base_queryset().filter(neighborhood__in=neighborhoods_for(self.request.user))


class InScopeObject:
    def get_object(self, queryset=None):
        found = super().get_object(queryset) if queryset is not None else super().get_object()
        if not neighborhoods_for(self.request.user).filter(pk=found.neighborhood_id).exists():
            raise Http404(NOT_FOUND)
        return found


class MeetingIndexView(InScopeList, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("neighborhood", "committee")


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
        Meeting.objects.filter(pk=pk, neighborhood__in=neighborhoods_for(request.user))
        .select_related("neighborhood", "committee", "place_asset")
        .prefetch_related("attendees", "attachments", "resolutions__agency", "resolutions__organization")
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
    """A meeting's paper, streamed to staff of its neighbourhood (and its province's coordinators) only."""
    found = Attachment.objects.filter(pk=pk, meeting__neighborhood__in=neighborhoods_for(request.user)).first()
    if found is None or not found.file:
        raise Http404(NOT_FOUND)
    name = os.path.basename(found.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(found.file.open("rb"), content_type=content_type, as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
