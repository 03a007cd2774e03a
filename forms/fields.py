"""Form fields for what Iranian residents type: mobiles, national codes, numbers in any digits,
Jalali dates, photos and map points. Each normalises to Latin digits before validating."""

import io
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.translation import gettext, gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from portal.digits import to_latin_digits
from portal.validators import normalize_mobile, normalize_national_code, validate_mobile, validate_national_code


class NumericTextInput(forms.TextInput):
    """Not type="number": Persian keyboards type digits that such inputs refuse."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "dir": "ltr", "autocomplete": "off", **(attrs or {})})


class MobileField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "dir": "ltr", "autocomplete": "tel"})
    default_validators = [validate_mobile]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalize_mobile(value) if value else value


class NationalCodeField(forms.CharField):
    widget = NumericTextInput(attrs={"maxlength": "12"})
    default_validators = [validate_national_code]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 14)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalize_national_code(value) if value else value


class PersianIntegerField(forms.IntegerField):
    widget = NumericTextInput
    default_error_messages = {"invalid": _("یک عدد درست بنویسید.")}

    def to_python(self, value):
        return super().to_python(to_latin_digits(value) if isinstance(value, str) else value)

    def widget_attrs(self, widget):
        # IntegerField would add min/max/step, which only make sense on type="number".
        return forms.Field.widget_attrs(self, widget)


class PhotoInput(forms.FileInput):
    """The file input with a Persian button and the chosen photo's name beside it (see its template)."""

    template_name = "forms/widgets/photo_input.html"

    def __init__(self, attrs=None):
        super().__init__({"accept": "image/jpeg,image/png", **(attrs or {})})

    class Media:
        js = ["js/photo-input.js"]


class PhotoField(forms.FileField):
    """A JPEG or PNG photo, re-encoded so no metadata (EXIF, GPS position) survives."""

    widget = PhotoInput
    default_error_messages = {
        "invalid_image": _("فقط عکس JPEG یا PNG پذیرفته می‌شود."),
        "too_large": _("حجم عکس نباید بیشتر از {limit} مگابایت باشد."),
        "too_many_pixels": _("ابعاد عکس بیش از اندازه بزرگ است."),
    }
    FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png")}
    # Phones save multi-picture JPEGs (MPO); the first picture is the photo.
    ALIASES = {"MPO": "JPEG"}

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        limit = settings.PARTICIPATION_PHOTO_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                self.error_messages["too_large"].format(limit=limit // (1024 * 1024)), code="too_large"
            )
        try:
            image = Image.open(upload)
            if self.ALIASES.get(image.format, image.format) not in self.FORMATS:
                raise forms.ValidationError(self.error_messages["invalid_image"], code="invalid_image")
            if image.width * image.height > settings.PARTICIPATION_PHOTO_MAX_PIXELS:
                raise forms.ValidationError(self.error_messages["too_many_pixels"], code="too_many_pixels")
            image.load()
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid_image"], code="invalid_image") from None
        return self._without_metadata(image)

    def _without_metadata(self, image):
        image_format = self.ALIASES.get(image.format, image.format)
        content_type, extension = self.FORMATS[image_format]
        # Copy pixels only: EXIF, GPS, ICC, comments and text chunks stay behind. Palette and
        # other modes are widened first, since the palette would not survive the copy.
        if image_format == "JPEG":
            mode = "L" if image.mode == "L" else "RGB"
        else:
            mode = image.mode if image.mode in ("RGB", "RGBA", "L", "LA") else "RGBA"
        pixels = image.convert(mode)
        clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
        buffer = io.BytesIO()
        clean.save(buffer, format=image_format, **({"quality": 88} if image_format == "JPEG" else {}))
        size = buffer.tell()
        buffer.seek(0)
        return InMemoryUploadedFile(buffer, "photo", f"photo{extension}", content_type, size, None)


class LocationWidget(forms.TextInput):
    """The «latitude, longitude» text box, which stays the field: js/location-field.js puts a map to tap
    and a "my location" button beside it, and both write into the box. Without scripts or tiles, and for
    keyboards and screen readers, the box is typed into as before.

    ``find_centre`` (set by the form, which knows the page) returns the point the map opens on, the
    neighbourhood office's; it is called only when the widget is drawn, so a posted form costs no query.
    """

    find_centre = None

    def __init__(self, attrs=None):
        defaults = {"inputmode": "decimal", "dir": "ltr", "data-location": ""}
        super().__init__({**defaults, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        extra = {
            # In the reader's digits: an example, not a value (the box accepts any digits).
            "placeholder": gettext("مثلاً ۳۵٫۶۸۹۲، ۵۱٫۳۸۹۰"),
            "data-map-label": gettext("نقشه برای برگزیدن موقعیت: روی جای آن بزنید یا نشانگر را بکشید."),
            "data-location-label": gettext("موقعیت کنونی من"),
        }
        centre = self.find_centre() if self.find_centre else None
        if centre:
            extra["data-map-centre"] = f"{centre[0]},{centre[1]}"
            extra["data-map-centre-label"] = gettext("دفتر تسهیلگری")
        if settings.MAP_TILE_URL:
            extra["data-tile-url"] = settings.MAP_TILE_URL
            extra["data-tile-attribution"] = settings.MAP_TILE_ATTRIBUTION
        context["widget"]["attrs"].update(extra)
        return context

    class Media:
        css = {"all": ["vendor/leaflet/leaflet.css", "css/maps.css"]}
        js = ["vendor/leaflet/leaflet.js", "js/map-base.js", "js/location-field.js"]


class LocationField(forms.CharField):
    """A map point as «latitude, longitude»: typed in any digits (a comma, the Persian «،» or a space between
    the two, a dot or the Persian «٫» for decimals), tapped on the map or filled by the phone's location
    button. Cleans to two Decimals of six places, the shape Submission stores."""

    widget = LocationWidget
    default_error_messages = {
        "invalid": _("موقعیت را به شکل «عرض، طول» بنویسید، مانند ۳۵٫۶۸۹۲، ۵۱٫۳۸۹۰."),
        "out_of_range": _("این موقعیت روی زمین نیست: عرض جغرافیایی باید میان ۹۰- و ۹۰ و طول جغرافیایی میان ۱۸۰- و ۱۸۰ باشد."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 60)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        text = to_latin_digits(value).replace("٫", ".").replace("،", ",").replace("\u2212", "-")
        parts = text.split(",") if "," in text else text.split()
        try:
            latitude, longitude = (Decimal(part.strip()) for part in parts)
        except (ValueError, InvalidOperation):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not (latitude.is_finite() and longitude.is_finite()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        # Compared before rounding: 1e999999999 cannot be rounded to six places.
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise forms.ValidationError(self.error_messages["out_of_range"], code="out_of_range")
        step = Decimal("0.000001")
        return latitude.quantize(step), longitude.quantize(step)
