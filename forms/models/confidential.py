"""What makes a form or a programme confidential.

A confidential page's cases show their personal data (name, mobile, national code, e-mail, free text,
photo, map point, the office's notes) only to the caseworkers of their neighbourhood; everyone else in
scope gets them masked by ``forms.confidential``. Sensitive topics are always confidential: a resident who
signs up for addiction treatment was promised that, and an editor's untick must not break the promise.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .submission import Submission


class SensitiveTopic(models.TextChoices):
    ADDICTION = "addiction", _("درمان و پیشگیری اعتیاد")
    FAMILY_SUPPORT = "family_support", _("حمایت از خانواده‌ها و مددجویان")
    IDENTITY_DOCUMENTS = "identity_documents", _("اوراق هویتی و اقامت")
    DOMESTIC_VIOLENCE = "domestic_violence", _("خشونت خانگی")
    MENTAL_HEALTH = "mental_health", _("سلامت روان")


class ConfidentialPage(models.Model):
    sensitive_topic = models.CharField(
        _("موضوع حساس"),
        max_length=20,
        choices=SensitiveTopic.choices,
        blank=True,
        help_text=_("صفحه‌ای با موضوع حساس همیشه محرمانه است."),
    )
    confidential = models.BooleanField(
        _("محرمانه"),
        default=False,
        help_text=_(
            "نام، همراه، کد ملی، متن پاسخ‌ها، عکس و نقطه نقشه پرونده‌ها فقط برای مددکاران همین محله دیده می‌شود؛ "
            "دیگران شمار پرونده‌ها را می‌بینند، نه داده‌های شخصی را."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.sensitive_topic:
            self.confidential = True
        if self.sensitive_topic and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "confidential"}
        result = super().save(*args, **kwargs)
        if self.confidential:
            # Cases sent before the page became confidential were sent to a page that is one now: they
            # are masked too. The reverse never happens: a case once confidential stays so.
            Submission.objects.filter(page_id=self.pk, confidential=False).update(confidential=True)
        return result
