"""The blocks a page's body is built from (Wagtail's StreamField), and the body itself.

One body for news, programmes, neighbourhood introductions and content pages: paragraph, picture,
gallery, document, video, quote, call to action, table and date. Text written before bodies were
streams (rich text HTML) reads as one paragraph, so old revisions still open.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError

from portal.digits import to_digits

from .. import limits
from .actions import CallToActionBlock
from .media import DocumentBlock, GalleryBlock, PictureBlock, VideoBlock
from .text import DateNoteBlock, ParagraphBlock, QuoteBlock, TableBlock


def legacy_rich_text(value):
    return isinstance(value, str) and value.lstrip().startswith("<")


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = PictureBlock()
    gallery = GalleryBlock()
    document = DocumentBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()
    date = DateNoteBlock()

    def to_python(self, value):
        if legacy_rich_text(value):
            value = [{"type": "paragraph", "value": value}]
        return super().to_python(value)

    def clean(self, value):
        # Limits checked here, with Persian messages, rather than through Wagtail's block_counts.
        problems = []
        if len(value) > limits.BODY_MAX_BLOCKS:
            problems.append(
                gettext("متن بیش از %(count)s بخش دارد؛ آن را در چند صفحه بنویسید.") % {"count": to_digits(limits.BODY_MAX_BLOCKS, "fa")}
            )
        kinds = [child.block_type for child in value]
        for kind, most, message in (
            ("gallery", limits.GALLERIES_PER_BODY, _("یک صفحه بیش از %(count)s گالری نمی‌گیرد.")),
            ("video", limits.VIDEOS_PER_BODY, _("یک صفحه بیش از %(count)s ویدیو نمی‌گیرد.")),
        ):
            if kinds.count(kind) > most:
                problems.append(str(message) % {"count": to_digits(most, "fa")})
        if problems:
            raise StreamBlockValidationError(non_block_errors=[ValidationError(problem) for problem in problems])
        return super().clean(value)

