"""Text in a page's body: paragraphs of rich text, quotes, tables and dates that are content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

from portal.blocks import JalaliDateBlock

# What an office writes with: headings below the page's title, emphasis, lists and links.
PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("متن")
        template = "content/blocks/paragraph.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("گفته"), max_length=1000)
    attribution = blocks.CharBlock(label=_("گوینده"), required=False, max_length=150, help_text=_("مانند «رئیس شورای محله»"))

    class Meta:
        icon = "openquote"
        label = _("نقل قول")
        template = "content/blocks/quote.html"


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("عنوان جدول"), max_length=200, help_text=_("آنچه جدول نشان می‌دهد؛ خوانندهٔ صفحه‌خوان آن را پیش از جدول می‌شنود."))
    table = TypedTableBlock([("text", blocks.CharBlock(label=_("متن"), required=False, max_length=300))], label=_("جدول"))
    first_row_is_header = blocks.BooleanBlock(label=_("سطر نخست سرستون‌هاست"), required=False, default=True)

    class Meta:
        icon = "table"
        label = _("جدول")
        template = "content/blocks/table.html"


class DateNoteBlock(blocks.StructBlock):
    """A date that is itself content: a deadline, the day of an event, when a service resumes."""

    label = blocks.CharBlock(label=_("عنوان"), max_length=150, help_text=_("مانند «آخرین روز ثبت‌نام»"))
    date = JalaliDateBlock(label=_("تاریخ"))

    class Meta:
        icon = "date"
        label = _("تاریخ")
        template = "content/blocks/date_note.html"
