"""Who hears from which neighbourhood, about what.

A subscriber exists only once confirmed (the one-time code or the e-mail link proves the address is
theirs); until then the request lives in a signed ticket, not in the database. Unsubscribing deletes the
subscriber and their subscriptions: no number or address is kept of someone who left.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..topics import Channel, Topic


class Subscriber(models.Model):
    channel = models.CharField(_("راه"), max_length=8, choices=Channel.choices)
    # A mobile as 09xxxxxxxxx or an e-mail address in lower case: one subscriber per address.
    address = models.CharField(_("نشانی"), max_length=254)
    language = models.CharField(_("زبان"), max_length=8, default="fa")
    confirmed_at = models.DateTimeField(_("تأیید"))

    class Meta:
        verbose_name = _("مشترک")
        verbose_name_plural = _("مشترکان")
        constraints = [models.UniqueConstraint(fields=["channel", "address"], name="alerts_one_subscriber_per_address")]

    def __str__(self):
        return f"{self.get_channel_display()} #{self.pk}"


class Subscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    neighborhood = models.ForeignKey(
        "neighborhoods.NeighborhoodPage", on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("محله")
    )
    topic = models.CharField(_("موضوع"), max_length=16, choices=Topic.choices)

    class Meta:
        verbose_name = _("اشتراک")
        verbose_name_plural = _("اشتراک‌ها")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "neighborhood", "topic"], name="alerts_one_subscription_per_topic")
        ]
        # A batch reads the subscribers of one neighbourhood and topic in subscriber order.
        indexes = [models.Index(fields=["neighborhood", "topic", "subscriber"])]
