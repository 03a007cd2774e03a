"""The inbox's one action on an NGO application: make its draft listing.

Checked per object like every inbox view: the submission must be in the user's neighbourhoods
(forms.scope), be an NGO application, and the user must be allowed to add pages to the directory.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from forms.models.submission import Kind
from forms.views.inbox import NOT_FOUND, get_submission, isolate

from ..conversion import ConversionError, create_draft
from ..models import DirectoryIndexPage


@require_POST
def create_organization_draft(request, pk):
    try:
        submission = get_submission(request, pk)
    except Http404:
        messages.error(request, NOT_FOUND)
        return redirect("participation_inbox:index")
    if submission.kind != Kind.NGO_APPLICATION:
        messages.error(request, gettext("این پرونده درخواست سمن نیست و از آن صفحه‌ای در فهرست ساخته نمی‌شود."))
        return redirect("participation_inbox:detail", pk=submission.pk)
    directory = DirectoryIndexPage.objects.order_by("path").first()
    if directory is not None and not directory.permissions_for_user(request.user).can_add_subpage():
        messages.error(request, gettext("شما اجازه افزودن صفحه به فهرست سمن‌ها را ندارید."))
        return redirect("participation_inbox:detail", pk=submission.pk)
    try:
        page, created = create_draft(submission, request.user)
    except ConversionError as error:
        messages.error(request, str(error))
        return redirect("participation_inbox:detail", pk=submission.pk)
    if created:
        messages.success(
            request,
            gettext("پیش‌نویس «%(title)s» از پرونده %(code)s ساخته شد. آن را بازبینی و منتشر کنید.")
            % {"title": page.title, "code": isolate(submission.tracking_display)},
        )
    else:
        messages.warning(request, gettext("از این پرونده پیش‌تر صفحه «%(title)s» ساخته شده است.") % {"title": page.title})
    return redirect("wagtailadmin_pages:edit", page.pk)
