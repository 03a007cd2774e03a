"""The admin's edit form of a participation form page."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from .builder import RESERVED_FIELDS

RESERVED_KEY = _("کلید «%(key)s» را خود فرم به کار می‌برد؛ کلید دیگری برای این پرسش بنویسید.")


class ParticipationFormPageForm(WagtailAdminFormPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset else []:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            key = form.instance.clean_name or form.instance.get_field_clean_name()
            if key in RESERVED_FIELDS:
                form.add_error("key" if form.instance.key else "label", RESERVED_KEY % {"key": key})
        return cleaned_data
