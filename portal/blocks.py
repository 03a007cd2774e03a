"""StreamField blocks with Jalali inputs: Wagtail's DateBlock and DateTimeBlock build Gregorian
fields with their own picker, which register_form_field_override does not reach.

Values are stored as Wagtail stores them (ISO Gregorian in the stream's JSON); only the form is Jalali.
"""

from django.utils.functional import cached_property
from wagtail import blocks

from .fields import JalaliDateField, JalaliDateTimeField


class JalaliDateBlock(blocks.DateBlock):
    @cached_property
    def field(self):
        options = {key: value for key, value in self.field_options.items() if key != "input_formats"}
        return JalaliDateField(**options)

    class Meta:
        icon = "date"


class JalaliDateTimeBlock(blocks.DateTimeBlock):
    @cached_property
    def field(self):
        options = {key: value for key, value in self.field_options.items() if key != "input_formats"}
        return JalaliDateTimeField(**options)

    class Meta:
        icon = "date"
