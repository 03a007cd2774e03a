"""Pictures, galleries, documents and videos in a page's body.

Every picture carries the text that stands for it (alt) and may carry a caption. Images are fetched in
one query per kind of block with their renditions (PictureChooserBlock), so a gallery of twenty costs
what a gallery of two does. Documents and videos are Wagtail documents from the collections the editor
may choose from; what they may be (type, size) is checked here with a Persian message.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.digits import to_digits

from .. import limits
from ..files import extension, readable_size
from ..video import aparat_id, aparat_player


class PictureChooserBlock(ImageChooserBlock):
    """An image chooser whose images arrive with their renditions: the page's pictures, however many,
    cost two queries, not one per picture."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions().in_bulk(values)
        return [objects.get(pk) for pk in values]


def struct_error(**errors):
    return StructBlockValidationError(block_errors={name: ValidationError(message) for name, message in errors.items()})


class PictureBlock(blocks.StructBlock):
    image = PictureChooserBlock(label=_("تصویر"))
    alt = blocks.CharBlock(
        label=_("متن جایگزین"),
        max_length=200,
        help_text=_("آنچه در تصویر است، برای کسی که آن را نمی‌بیند؛ مانند «بانوان محله در کارگاه خیاطی»."),
    )
    caption = blocks.CharBlock(label=_("زیرنویس"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("تصویر")
        template = "content/blocks/picture.html"


class GalleryPictureBlock(PictureBlock):
    class Meta:
        icon = "image"
        label = _("تصویر")
        form_classname = "gallery-picture"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("عنوان گالری"), required=False, max_length=150)
    images = blocks.ListBlock(GalleryPictureBlock(), label=_("تصویرها"), collapsed=True)

    class Meta:
        icon = "image"
        label = _("گالری تصویر")
        template = "content/blocks/gallery.html"
        help_text = _("دست‌کم ۲ و دست‌بالا ۳۰ تصویر. خواننده با لمس هر تصویر آن را تمام‌صفحه می‌بیند.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["shown"] = limits.GALLERY_THUMBNAILS_SHOWN
        context["more"] = max(len(value["images"]) - limits.GALLERY_THUMBNAILS_SHOWN, 0)
        return context

    def clean(self, value):
        count = len(value.get("images") or [])
        if count < limits.GALLERY_MIN_IMAGES or count > limits.GALLERY_MAX_IMAGES:
            raise struct_error(
                images=gettext("یک گالری %(low)s تا %(high)s تصویر دارد؛ این یکی %(count)s تصویر دارد.")
                % {
                    "low": to_digits(limits.GALLERY_MIN_IMAGES, "fa"),
                    "high": to_digits(limits.GALLERY_MAX_IMAGES, "fa"),
                    "count": to_digits(count, "fa"),
                }
            )
        return super().clean(value)


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("سند"))
    title = blocks.CharBlock(label=_("عنوان"), required=False, max_length=200, help_text=_("اگر خالی بماند عنوان خود سند نشان داده می‌شود."))

    class Meta:
        icon = "doc-full"
        label = _("سند (PDF یا Word)")
        template = "content/blocks/document.html"

    def clean(self, value):
        document = value.get("document")
        if document is not None:
            if extension(document) not in limits.DOCUMENT_TYPES:
                raise struct_error(document=gettext("فقط سند PDF یا Word (DOCX) را می‌توان در متن گذاشت."))
            if (document.file_size or 0) > limits.document_max_bytes():
                raise struct_error(
                    document=gettext("این سند بیش از %(size)s است؛ نسخه‌ای سبک‌تر بارگذاری کنید.")
                    % {"size": readable_size(limits.document_max_bytes())}
                )
        return super().clean(value)


class VideoBlock(blocks.StructBlock):
    """A video from Aparat or a short one of our own, shown as a still with a play button until the reader
    presses it: no page loads anything from another site on its own."""

    title = blocks.CharBlock(label=_("عنوان ویدیو"), max_length=150)
    aparat_url = blocks.URLBlock(
        label=_("نشانی ویدیو در آپارات"), required=False, help_text=_("مانند https://www.aparat.com/v/abc12")
    )
    file = DocumentChooserBlock(label=_("یا پرونده ویدیو (MP4 یا WebM)"), required=False)
    captions = DocumentChooserBlock(label=_("زیرنویس (WebVTT)"), required=False, help_text=_("پرونده ‎.vtt‎ زیرنویس فارسی ویدیوی بارگذاری‌شده"))
    poster = PictureChooserBlock(label=_("تصویر پیش از پخش"), required=False)
    transcript = blocks.TextBlock(
        label=_("شرح متنی ویدیو"),
        help_text=_("آنچه در ویدیو دیده و گفته می‌شود، برای کسی که نمی‌تواند آن را ببیند یا بشنود."),
    )

    class Meta:
        icon = "media"
        label = _("ویدیو")
        template = "content/blocks/video.html"

    def clean(self, value):
        url, video = (value.get("aparat_url") or "").strip(), value.get("file")
        if bool(url) == bool(video):
            raise struct_error(aparat_url=gettext("یا نشانی آپارات را بنویسید یا پرونده ویدیو را برگزینید (یکی از این دو)."))
        if url and not aparat_id(url):
            raise struct_error(aparat_url=gettext("این نشانی ویدیوی آپارات نیست؛ نشانی را از نوار مرورگر در صفحه ویدیو بردارید."))
        if video is not None:
            if extension(video) not in limits.VIDEO_TYPES:
                raise struct_error(file=gettext("پرونده ویدیو باید MP4 یا WebM باشد."))
            if (video.file_size or 0) > limits.video_max_bytes():
                raise struct_error(
                    file=gettext("این ویدیو بیش از %(size)s است؛ ویدیوی کوتاه‌تری بارگذاری کنید یا آن را در آپارات بگذارید.")
                    % {"size": readable_size(limits.video_max_bytes())}
                )
        captions = value.get("captions")
        if captions is not None and extension(captions) not in limits.CAPTION_TYPES:
            raise struct_error(captions=gettext("زیرنویس باید پرونده WebVTT (‎.vtt‎) باشد."))
        return super().clean(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        video_id = aparat_id(value.get("aparat_url"))
        context["player"] = aparat_player(video_id) if video_id else ""
        video = value.get("file")
        context["video_type"] = limits.VIDEO_TYPES.get(extension(video), "") if video else ""
        return context
