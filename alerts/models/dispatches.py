"""What is announced (a dispatch: one page, meeting or notice, to one neighbourhood's subscribers of one
topic) and each message of it (a delivery: one subscriber, sent at most once)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..topics import Channel, Topic


class Dispatch(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("در صف")
        SENDING = "sending", _("در حال فرستادن")
        DONE = "done", _("فرستاده شد")

    # What it announces ("page:12:news", "meeting:4", "notice:31"): announced once, however often it is
    # published again.
    key = models.CharField(max_length=64, unique=True)
    topic = models.CharField(_("موضوع"), max_length=16, choices=Topic.choices)
    # None: a notice for the whole portal, to every subscriber of urgent notices.
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage", null=True, blank=True, on_delete=models.CASCADE, related_name="dispatches"
    )
    title = models.CharField(max_length=255)
    # The page it links to, as a path on the site (the message builds the full, short address).
    path = models.CharField(max_length=512, blank=True)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    # Every subscriber has a delivery: the list is made once, in bounded steps, and then only worked.
    listed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ارسال")
        verbose_name_plural = _("ارسال‌ها")
        indexes = [models.Index(fields=["state"])]

    @property
    def urgent(self):
        return self.topic == Topic.URGENT


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("در صف")
        SENDING = "sending", _("در حال فرستادن")
        SENT = "sent", _("فرستاده شد")
        DELIVERED = "delivered", _("رسید")
        FAILED = "failed", _("نرسید")
        CAPPED = "capped", _("سقف روزانه")

    dispatch = models.ForeignKey(Dispatch, on_delete=models.CASCADE, related_name="deliveries")
    # Kept when the subscriber leaves (counts stay true), without the address.
    subscriber = models.ForeignKey("alerts.Subscriber", null=True, on_delete=models.SET_NULL, related_name="deliveries")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("پیام")
        verbose_name_plural = _("پیام‌ها")
        constraints = [models.UniqueConstraint(fields=["dispatch", "subscriber"], name="alerts_one_message_per_subscriber")]
        indexes = [
            models.Index(fields=["dispatch", "state"]),
            # The daily cap counts a subscriber's messages since the start of the day in Tehran.
            models.Index(fields=["subscriber", "sent_at"]),
        ]
