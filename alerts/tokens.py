"""Signed, short tokens: the unsubscribe link in every message (short enough for an SMS), and the
tickets that carry a subscription request until its address is proven."""

import base64

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

UNSUBSCRIBE_SALT = "alerts.unsubscribe"
TICKET_SALT, EMAIL_SALT = "alerts.ticket", "alerts.email"
EMAIL_SECONDS = 3 * 24 * 3600


def _mac(pk, address):
    # The address is signed too, so a token outlives neither its subscriber nor a reused id.
    digest = salted_hmac(UNSUBSCRIBE_SALT, f"{pk}:{address}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest[:9]).decode()


def unsubscribe_token(subscriber):
    return f"{subscriber.pk:x}-{_mac(subscriber.pk, subscriber.address)}"


def subscriber_for(token):
    """The subscriber a token was made for, or None (forged, mangled, or already gone)."""
    from .models import Subscriber

    pk, _dash, mac = (token or "").partition("-")
    try:
        pk = int(pk, 16)
    except ValueError:
        return None
    if pk > 2**63 - 1:
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or not constant_time_compare(mac, _mac(pk, subscriber.address)):
        return None
    return subscriber


def dumps(request, salt):
    return signing.dumps(request, salt=salt, compress=True)


def loads(token, salt, max_age):
    try:
        return signing.loads(token or "", salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
