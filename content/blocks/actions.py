"""A call to take part: a button to one of the neighbourhood's programmes or forms, with its state as it is
now (open, full, closed), read from the page it points at each time the body is rendered.

The target's neighbourhood is checked by the page that holds the block (content.streams.check_targets);
a target that is not live, or sits behind a view restriction, is simply not shown.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.visibility import is_listable

TARGET_TYPES = ["programmes.ProgramPage", "participation.ParticipationFormPage"]


class CallToActionBlock(blocks.StructBlock):
    target = blocks.PageChooserBlock(label=_("برنامه یا فرم"), page_type=TARGET_TYPES)
    text = blocks.CharBlock(label=_("متن دعوت"), required=False, max_length=200, help_text=_("مانند «برای کلاس خیاطی بانوان ثبت‌نام کنید»"))

    class Meta:
        icon = "link"
        label = _("دعوت به ثبت‌نام")
        template = "content/blocks/call_to_action.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        target = value.get("target")
        context["target"] = target.specific if target is not None and is_listable(target) else None
        return context
