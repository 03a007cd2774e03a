"""The figures staff see: subscribers, and messages sent, delivered and failed, per neighbourhood and
topic, for the neighbourhoods they work in (a coordinator's: the province's). Counts only: no screen
lists a number or an address."""

from django.db.models import Count, Q
from django.utils.translation import gettext

from forms.scope import neighborhoods_for

from .models import Delivery, Subscription
from .topics import Topic

ROWS = 12


def figures(user):
    """{"topics": [(label, totals)], "rows": [(neighbourhood title, {topic: totals})], "more": n} where
    totals = {"subscribers", "sent", "delivered", "failed"}."""
    neighborhoods = neighborhoods_for(user)
    subscribers = (
        Subscription.objects.filter(neighborhood__in=neighborhoods)
        .values_list("neighborhood_id", "topic")
        .annotate(count=Count("subscriber_id"))
        .order_by()
    )
    # Portal-wide notices have no neighbourhood: only those who work everywhere see them, as a row of their own.
    sent_to = Q(dispatch__neighborhood__in=neighborhoods)
    if user.is_superuser:
        sent_to |= Q(dispatch__neighborhood__isnull=True)
    states = Delivery.objects.filter(sent_to).values_list("dispatch__neighborhood_id", "dispatch__topic").annotate(
        sent=Count("pk", filter=Q(state__in=[Delivery.State.SENT, Delivery.State.DELIVERED])),
        delivered=Count("pk", filter=Q(state=Delivery.State.DELIVERED)),
        failed=Count("pk", filter=Q(state=Delivery.State.FAILED)),
    ).order_by()
    table = {}

    def cell(neighborhood_id, topic):
        return table.setdefault(neighborhood_id, {}).setdefault(topic, {"subscribers": 0, "sent": 0, "delivered": 0, "failed": 0})

    for neighborhood_id, topic, count in subscribers:
        cell(neighborhood_id, topic)["subscribers"] = count
    for neighborhood_id, topic, sent, delivered, failed in states:
        cell(neighborhood_id, topic).update(sent=sent, delivered=delivered, failed=failed)
    totals = {topic: {"subscribers": 0, "sent": 0, "delivered": 0, "failed": 0} for topic in Topic.values}
    for row in table.values():
        for topic, values in row.items():
            for name, value in values.items():
                totals[topic][name] += value
    busiest = sorted(table, key=lambda pk: (pk is not None, -sum(values["subscribers"] for values in table[pk].values())))[:ROWS]
    titles = dict(neighborhoods.filter(pk__in=busiest).values_list("pk", "title"))
    titles[None] = gettext("سراسری (همه محله‌ها)")
    rows = [(titles.get(pk, ""), [cell(pk, topic) for topic in Topic.values]) for pk in busiest]
    return {
        "topics": [(Topic(topic).label, totals[topic]) for topic in Topic.values],
        "rows": rows,
        "more": max(0, len(table) - ROWS),
        "labels": [Topic(topic).label for topic in Topic.values],
    }
