"""Make every DateField in Wagtail's admin forms Jalali (typed or picked, stored Gregorian)."""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override

from .fields import JalaliDateField
from .widgets import JalaliDateInput

register_form_field_override(
    models.DateField,
    override={"form_class": JalaliDateField, "widget": JalaliDateInput},
)
