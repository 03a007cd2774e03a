"""Make every date and datetime in Wagtail's admin forms Jalali (typed or picked, stored Gregorian).

DateField and DateTimeField have entries of their own in Wagtail's registry (a DateTimeField is not
a DateField), so each gets its own override. The publishing panel's go_live_at/expire_at pass
Wagtail's own widget; JalaliDateTimeField swaps it for ours (portal/fields.py).
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override

from .fields import JalaliDateField, JalaliDateTimeField
from .widgets import JalaliDateInput, JalaliDateTimeInput

register_form_field_override(
    models.DateField,
    override={"form_class": JalaliDateField, "widget": JalaliDateInput},
)
register_form_field_override(
    models.DateTimeField,
    override={"form_class": JalaliDateTimeField, "widget": JalaliDateTimeInput},
)
