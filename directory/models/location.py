"""A point on the map, shared by assets and organisations."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_lazy as _


class MapPoint(models.Model):
    # Same shape as NeighborhoodPage's office point, so every map reads one format.
    latitude = models.DecimalField(
        _("عرض جغرافیایی"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90, _("عرض جغرافیایی باید میان ۹۰- و ۹۰ باشد.")), MaxValueValidator(90, _("عرض جغرافیایی باید میان ۹۰- و ۹۰ باشد."))],
        help_text=_("مانند ۳۴٫۰۹۱۷"),
    )
    longitude = models.DecimalField(
        _("طول جغرافیایی"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180, _("طول جغرافیایی باید میان ۱۸۰- و ۱۸۰ باشد.")), MaxValueValidator(180, _("طول جغرافیایی باید میان ۱۸۰- و ۱۸۰ باشد."))],
        help_text=_("مانند ۴۹٫۶۸۹۲"),
    )

    class Meta:
        abstract = True

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def clean_map_point(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": gettext("عرض و طول جغرافیایی را با هم بنویسید یا هر دو را خالی بگذارید.")})
