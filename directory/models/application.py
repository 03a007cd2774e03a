"""The public form where an NGO or charity asks to be listed. What it sends is a Submission of kind
«ngo_application» in the inbox of the neighbourhood the applicant names as its main one."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from forms.pipeline import new_form_token

from ..application_form import ApplicationForm
from ..apply import handle_application


class NGOApplicationPage(Page):
    intro = RichTextField(_("توضیح فرم"), blank=True)
    thank_you_text = RichTextField(_("متن پس از ارسال"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("فرم درخواست عضویت سمن")
        verbose_name_plural = _("فرم‌های درخواست عضویت سمن")

    def get_form(self, *args, page=None, user=None, **kwargs):
        return ApplicationForm(*args, **kwargs)

    def get_blank_form(self):
        return self.get_form(initial={"form_token": new_form_token()})

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return handle_application(self, request)
        return self.render_form(request, self.get_blank_form())

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(self, request, submission):
        context = self.get_context(request)
        context["submission"] = submission
        return TemplateResponse(request, "directory/ngo_application_page_landing.html", context)
