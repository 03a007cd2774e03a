from django.db import models
from django.utils.translation import gettext, gettext_lazy as _

# The public labels of the default statuses (see the data migration), listed here so that makemessages
# offers them for translation. A label an office writes itself is shown as written.
DEFAULT_PUBLIC_LABELS = (
    _("دریافت شد"),
    _("در حال بررسی"),
    _("به دستگاه مسئول ارجاع شد"),
    _("انجام شد"),
    _("پذیرفته نشد"),
)


class StatusQuerySet(models.QuerySet):
    def initial(self):
        """The status a new submission starts in."""
        return self.filter(is_initial=True).order_by("order").first() or self.order_by("order").first()


class Status(models.Model):
    """A step a submission can be in. Offices can rename, add and reorder them (see the data migration
    for the defaults: new, in review, referred, done, rejected)."""

    name = models.CharField(_("نام"), max_length=60, unique=True)
    slug = models.SlugField(_("شناسه"), max_length=40, unique=True, allow_unicode=False)
    public_label = models.CharField(
        _("عنوان برای شهروند"), max_length=80, blank=True, help_text=_("اگر خالی بماند، همان نام نشان داده می‌شود.")
    )
    order = models.PositiveSmallIntegerField(_("ترتیب"), default=0)
    is_initial = models.BooleanField(_("وضعیت آغازین"), default=False)
    is_closed = models.BooleanField(_("پایان کار"), default=False, help_text=_("پرونده‌های این وضعیت باز شمرده نمی‌شوند."))

    objects = StatusQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("وضعیت")
        verbose_name_plural = _("وضعیت‌ها")

    def __str__(self):
        return self.name

    @property
    def label_for_public(self):
        label = self.public_label or self.name
        return gettext(label) if label else label
