"""Working a dispatch on the task queue: list its deliveries, then send them in bounded runs.

- **Listed once, in steps**: one delivery per subscriber of the neighbourhood and topic, written
  ALERTS_LIST_STEP at a time by subscriber id, ignoring those already written, so a run that stops half
  way is resumed, not repeated.
- **Bounded runs**: a run sends at most ALERTS_BATCH messages and then queues the next; memory does not
  grow with the number of subscribers.
- **Quiet hours and the cap** (alerts/hours.py): outside urgent notices a run in Tehran's quiet hours
  sends nothing and is queued for their end; a subscriber who had ALERTS_DAILY_CAP messages today is
  skipped (CAPPED) for that dispatch.
- **Never twice**: a delivery is claimed (PENDING → SENDING, with a lease) before the provider is
  called and marked SENT right after; only PENDING deliveries are claimed. A failed call goes back to
  PENDING with a later ``next_attempt_at`` (2, 4, 8, 16 minutes) until ALERTS_ATTEMPTS; a refused one
  fails at once. A delivery whose worker died mid-call is claimed again when its lease ends: for SMS its
  id goes to the provider as the local id, which the provider never sends twice.
"""

import datetime
import smtplib

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks import task

from forms import sms

from . import hours, messages
from .models import Delivery, Dispatch, Subscription

LIST_STEP = 2000
LEASE = datetime.timedelta(minutes=10)
COUNTED = (Delivery.State.SENT, Delivery.State.DELIVERED)


@task()
def send_dispatch(dispatch_id):
    dispatch = Dispatch.objects.select_related("neighborhood").filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.state == Dispatch.State.DONE:
        return
    due = work(dispatch, timezone.now())
    if due is not None:
        schedule(dispatch, due)


def queue(dispatch):
    """Work ``dispatch`` once the transaction that made it commits."""
    transaction.on_commit(lambda: send_dispatch.enqueue(dispatch.pk))


def schedule(dispatch, when):
    """The next run of ``dispatch``: now, or at ``when`` where the task backend can wait (the database
    queue can); elsewhere `manage.py send_alerts`, run every few minutes, picks it up."""
    if when <= timezone.now():
        send_dispatch.enqueue(dispatch.pk)
    elif send_dispatch.get_backend().supports_defer:
        send_dispatch.using(run_after=when).enqueue(dispatch.pk)


def work(dispatch, now):
    """One bounded run; when the dispatch should run next (None when it is done)."""
    if not dispatch.listed:
        list_deliveries(dispatch)
    if not dispatch.urgent:
        quiet_end = hours.quiet_until(now)
        if quiet_end is not None:
            return quiet_end
    # Claimed by a worker that never came back: its lease has ended.
    dispatch.deliveries.filter(state=Delivery.State.SENDING, next_attempt_at__lt=now).update(state=Delivery.State.PENDING)
    claimed = claim(dispatch, now, settings.ALERTS_BATCH)
    if claimed:
        send_all(dispatch, claimed, now)
    return next_run(dispatch, now)


def list_deliveries(dispatch):
    subscriptions = Subscription.objects.filter(topic=dispatch.topic)
    if dispatch.neighborhood_id:
        subscriptions = subscriptions.filter(neighborhood_id=dispatch.neighborhood_id)
    last = 0
    while True:
        step = list(
            subscriptions.filter(subscriber_id__gt=last)
            .order_by("subscriber_id")
            .values_list("subscriber_id", "subscriber__channel")
            .distinct()[:LIST_STEP]
        )
        if not step:
            break
        Delivery.objects.bulk_create(
            [Delivery(dispatch=dispatch, subscriber_id=pk, channel=channel) for pk, channel in step], ignore_conflicts=True
        )
        last = step[-1][0]
    Dispatch.objects.filter(pk=dispatch.pk).update(listed=True, state=Dispatch.State.SENDING)
    dispatch.listed, dispatch.state = True, Dispatch.State.SENDING


def claim(dispatch, now, limit):
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        # skip_locked: two workers on one dispatch never claim the same delivery (PostgreSQL).
        ids = list(
            dispatch.deliveries.select_for_update(skip_locked=True)
            .filter(due, state=Delivery.State.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        Delivery.objects.filter(pk__in=ids, state=Delivery.State.PENDING).update(
            state=Delivery.State.SENDING, next_attempt_at=now + LEASE
        )
    return list(Delivery.objects.filter(pk__in=ids, state=Delivery.State.SENDING).select_related("subscriber").order_by("pk"))


def sent_today(subscriber_ids, now):
    return dict(
        Delivery.objects.filter(subscriber_id__in=subscriber_ids, state__in=COUNTED, sent_at__gte=hours.day_start(now))
        .values_list("subscriber_id")
        .annotate(count=Count("pk"))
        .order_by()
    )


def send_all(dispatch, claimed, now):
    counts = sent_today([delivery.subscriber_id for delivery in claimed if delivery.subscriber_id], now)
    backend = sms.get_backend()
    for delivery in claimed:
        delivery.dispatch = dispatch
        if delivery.subscriber is None:
            # The subscriber left after the list was made.
            delivery.delete()
            continue
        if not dispatch.urgent and counts.get(delivery.subscriber_id, 0) >= settings.ALERTS_DAILY_CAP:
            _finish(delivery, Delivery.State.CAPPED)
            continue
        delivery.attempts += 1
        try:
            provider_id = messages.send(delivery, now, backend)
        except (sms.SmsRefused, smtplib.SMTPRecipientsRefused) as error:
            _finish(delivery, Delivery.State.FAILED, error=str(error))
        except (sms.SmsError, smtplib.SMTPException, OSError) as error:
            if delivery.attempts >= settings.ALERTS_ATTEMPTS:
                _finish(delivery, Delivery.State.FAILED, error=str(error))
            else:
                delivery.next_attempt_at = now + datetime.timedelta(minutes=2**delivery.attempts)
                _finish(delivery, Delivery.State.PENDING, error=str(error))
        else:
            delivery.provider_id = provider_id or ""
            delivery.sent_at = now
            counts[delivery.subscriber_id] = counts.get(delivery.subscriber_id, 0) + 1
            _finish(delivery, Delivery.State.SENT)


def _finish(delivery, state, error=""):
    delivery.state = state
    delivery.error = error[:200]
    if state != Delivery.State.PENDING:
        delivery.next_attempt_at = None
    # Written at once, one by one: a sent message is recorded before the next is tried.
    delivery.save(update_fields=["state", "error", "attempts", "next_attempt_at", "provider_id", "sent_at"])


def next_run(dispatch, now):
    left = dispatch.deliveries.filter(state__in=[Delivery.State.PENDING, Delivery.State.SENDING]).aggregate(
        due=Count("pk", filter=Q(state=Delivery.State.PENDING) & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))),
        later=Min("next_attempt_at"),
        waiting=Count("pk"),
    )
    if left["due"]:
        return now
    if left["waiting"]:
        return left["later"]
    Dispatch.objects.filter(pk=dispatch.pk).update(state=Dispatch.State.DONE)
    dispatch.state = Dispatch.State.DONE
    return None


def run_due(now=None):
    """Every unfinished dispatch, one bounded run each (`manage.py send_alerts`): what a backend that
    cannot wait left for later, and what a stopped worker left half done."""
    now = now or timezone.now()
    worked = 0
    for dispatch in Dispatch.objects.select_related("neighborhood").exclude(state=Dispatch.State.DONE).order_by("pk"):
        while True:
            due = work(dispatch, now)
            worked += 1
            if due is None or due > now:
                break
    return worked
