from django.db import models
from django.utils.translation import gettext, gettext_lazy as _, gettext_noop

# The names migration 0002 gives the default types, marked so the catalogues translate them. The
# database keeps the Persian name; ``label`` shows it in the reader's language while a catalogue
# knows it, and as typed for the types an office adds itself.
DEFAULT_NAMES = (
    gettext_noop("مسجد"),
    gettext_noop("تکیه و حسینیه"),
    gettext_noop("مدرسه"),
    gettext_noop("بوستان"),
    gettext_noop("مرکز بهداشت و سلامت"),
    gettext_noop("سرای محله"),
    gettext_noop("کتابخانه"),
    gettext_noop("زمین و سالن ورزشی"),
    gettext_noop("سالن اجتماعات"),
    gettext_noop("پایگاه بسیج"),
    gettext_noop("پاتوق محله"),
    gettext_noop("کسب‌وکار محلی"),
    gettext_noop("کارگاه"),
)


class AssetType(models.Model):
    """A kind of place (mosque, park, neighbourhood house …). A snippet: offices add the kinds they
    meet; the defaults come from a data migration."""

    name = models.CharField(_("نام"), max_length=80, unique=True)
    slug = models.SlugField(_("شناسه لاتین"), max_length=40, unique=True, help_text=_("در نشانی فیلتر فهرست می‌آید، مانند mosque."))
    order = models.PositiveSmallIntegerField(_("ترتیب"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("نوع ظرفیت")
        verbose_name_plural = _("نوع‌های ظرفیت")

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name as the public pages show it."""
        return gettext(self.name) if self.name else ""
