"""What comes back from the SMS provider: delivery reports, and «لغو» replies that end a subscription."""

import datetime
import logging

from django.utils import timezone

from forms import sms
from portal.text import normalize as normalize_text

from .models import Delivery, Subscriber
from .topics import Channel

# Reports are asked for the messages of the last days only; the provider keeps them no longer.
REPORT_DAYS = 3
STEP = 500
STOP_WORDS = {"لغو", "لغو اشتراک", "لغو عضویت", "stop", "cancel"}
logger = logging.getLogger(__name__)


def is_stop(text):
    return normalize_text(text or "").strip().lower() in STOP_WORDS


def poll(now=None):
    """Updates delivery states from the provider's reports and ends the subscriptions of numbers that
    replied «لغو». Returns (reports read, subscribers who left)."""
    now = now or timezone.now()
    backend = sms.get_backend()
    waiting = Delivery.objects.filter(
        channel=Channel.SMS, state=Delivery.State.SENT, sent_at__gte=now - datetime.timedelta(days=REPORT_DAYS)
    ).exclude(provider_id="")
    read, last = 0, 0
    while True:
        step = list(waiting.filter(pk__gt=last).order_by("pk").values_list("pk", "provider_id")[:STEP])
        if not step:
            break
        last = step[-1][0]
        try:
            found = backend.statuses([provider_id for _pk, provider_id in step])
        except sms.SmsError as error:
            # The reports wait for the next poll; the replies may still be read.
            logger.warning("SMS delivery reports unavailable: %s", error)
            break
        for state in (Delivery.State.DELIVERED, Delivery.State.FAILED):
            ids = [pk for pk, provider_id in step if found.get(provider_id) == state]
            if ids:
                Delivery.objects.filter(pk__in=ids).update(state=state)
                read += len(ids)
    try:
        received = backend.replies()
    except sms.SmsError as error:
        logger.warning("SMS replies unavailable: %s", error)
        received = []
    stopped = [mobile for mobile, text in received if is_stop(text)]
    left = Subscriber.objects.filter(channel=Channel.SMS, address__in=stopped).delete()[1].get("alerts.Subscriber", 0) if stopped else 0
    return read, left
