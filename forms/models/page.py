from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField

from neighborhoods.models import NeighborhoodPage
from neighborhoods.scopes import area

from ..builder import FIELD_TYPES, ParticipationFormBuilder
from ..keys import field_key
from ..page_form import ParticipationFormPageForm
from .confidential import ConfidentialPage
from .submission import Submission


class FormKind(models.TextChoices):
    VOLUNTEER = "volunteer", _("داوطلبی")
    NEEDS_ASSESSMENT = "needs_assessment", _("نیازسنجی")
    PROBLEM_REPORT = "problem_report", _("گزارش مسئله")
    SUGGESTION = "suggestion", _("پیشنهاد")
    OTHER = "other", _("دیگر")


class FormField(AbstractFormField):
    page = ParentalKey("participation.ParticipationFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("نوع پرسش"), max_length=16, choices=FIELD_TYPES)
    key = models.SlugField(
        _("کلید"),
        max_length=60,
        blank=True,
        help_text=_("نام لاتین پرسش در خروجی‌ها، مانند mobile یا need. اگر خالی بماند از روی عنوان ساخته می‌شود."),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("key")]),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type"),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]

    def get_field_clean_name(self):
        return field_key(self.key or self.label)


class ParticipationFormPage(ConfidentialPage, AbstractForm):
    """A participation form of one neighbourhood: what residents send lands in that office's inbox."""

    kind = models.CharField(_("نوع فرم"), max_length=20, choices=FormKind.choices, default=FormKind.OTHER)
    intro = RichTextField(_("توضیح فرم"), blank=True)
    thank_you_text = RichTextField(_("متن پس از ارسال"), blank=True)
    notify_staff = models.BooleanField(
        _("آگاه کردن کارکنان با رایانامه"), default=True, help_text=_("برای هر پرونده تازه به کارکنان محله رایانامه فرستاده شود.")
    )

    form_builder = ParticipationFormBuilder
    base_form_class = ParticipationFormPageForm
    content_panels = AbstractForm.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("sensitive_topic"), FieldPanel("confidential")], heading=_("محرمانگی")),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("پرسش"), heading=_("پرسش‌های فرم")),
        MultiFieldPanel([FieldPanel("thank_you_text"), FieldPanel("notify_staff")], heading=_("پس از ارسال")),
    ]
    parent_page_types = ["neighborhoods.NeighborhoodPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("فرم مشارکت")
        verbose_name_plural = _("فرم‌های مشارکت")

    @property
    def invitation(self):
        """What a call to action in a body says of this form (content/blocks/actions.py): a live form takes answers."""
        return {"state": "open", "label": gettext("فرم باز است"), "open": True, "action": gettext("پر کردن فرم"), "anchor": ""}

    def get_submissions(self):
        return Submission.objects.filter(page=self)

    def cache_scopes(self):
        return [area(self)]

    def find_neighborhood(self):
        return NeighborhoodPage.objects.ancestor_of(self).first()

    def serve(self, request, *args, **kwargs):
        # The form's views store submissions, so they import the models: imported when a page serves.
        from ..submit import handle_post

        if request.method == "POST":
            return handle_post(self, request)
        return self.render_form(request, self.get_blank_form())

    def get_blank_form(self):
        from ..pipeline import new_form_token

        return self.get_form(page=self, initial={"form_token": new_form_token()})

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        form.open_maps_on_the_office(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        context["submission"] = form_submission
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    @property
    def max_upload_bytes(self):
        return settings.PARTICIPATION_PHOTO_MAX_BYTES
