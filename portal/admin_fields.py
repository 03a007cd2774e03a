"""Make every date and datetime in Wagtail's admin forms Jalali (typed or picked, stored Gregorian), every
decimal (a map point's latitude and longitude) readable and typeable in Persian digits, and every slug made
from a Persian title keep its words apart (portal/slugs.py).

DateField and DateTimeField have entries of their own in Wagtail's registry (a DateTimeField is not
a DateField), so each gets its own override. The publishing panel's go_live_at/expire_at pass
Wagtail's own widget; JalaliDateTimeField swaps it for ours (portal/fields.py).
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from .fields import JalaliDateField, JalaliDateTimeField, PersianDecimalField, PersianDecimalInput
from .slugs import ADMIN_SLUG_FORMATTERS
from .widgets import JalaliDateInput, JalaliDateTimeInput

register_form_field_override(
    models.DateField,
    override={"form_class": JalaliDateField, "widget": JalaliDateInput},
)
register_form_field_override(
    models.DateTimeField,
    override={"form_class": JalaliDateTimeField, "widget": JalaliDateTimeInput},
)
register_form_field_override(
    models.DecimalField,
    override={"form_class": PersianDecimalField, "widget": PersianDecimalInput},
)
# Wagtail's own entry gives every SlugField its slug widget; ours is the same widget with the ZWNJ formatter.
register_form_field_override(models.SlugField, override={"widget": SlugInput(formatters=ADMIN_SLUG_FORMATTERS)})
