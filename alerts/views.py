"""Subscribing, confirming and leaving: public pages without a session (residents never get one).

1. ``subscribe``: the neighbourhood's form; a valid post sends a one-time code by SMS (or a confirmation
   link by e-mail) and answers the same whether or not the address is subscribed already: the database is
   not even read. The request travels in a signed ticket (or link) until the code proves the address.
2. the code (or the link, confirmed with a button because mail scanners open links): the subscriber and
   their choices for that neighbourhood are written.
3. ``unsubscribe``: the signed link in every message; one button (or the mail client's one-click post)
   deletes the subscriber and everything they subscribed to.
"""

import secrets

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from neighborhoods.locales import source_of
from neighborhoods.models import NeighborhoodPage
from portal import limits, one_time_codes
from portal.visibility import is_listable

from . import messages, tokens
from .forms import CodeForm, SubscribeForm
from .models import Dispatch, Subscriber, Subscription
from .topics import Channel, Topic

TEMPLATE = "alerts/subscribe.html"
# Ids beyond a database integer are no one's: answered 404 before any query (PostgreSQL would refuse them).
LARGEST_ID = 2**63 - 1


def _neighborhood(pk):
    page = NeighborhoodPage.objects.filter(pk=pk).first() if pk <= LARGEST_ID else None
    if page is None or not is_listable(page):
        raise Http404
    return page


def _page(request, neighborhood, status=200, **context):
    start, end = settings.ALERTS_QUIET_HOURS
    rules = {"quiet_start": start, "quiet_end": end, "quiet": start != end, "daily_cap": settings.ALERTS_DAILY_CAP}
    return render(request, TEMPLATE, {"neighborhood": neighborhood, **rules, **context}, status=status)


def _address_key(address):
    return lambda group, request: address


@never_cache
@limits.fail_closed
def subscribe(request, pk):
    neighborhood = _neighborhood(pk)
    if request.method != "POST":
        return _page(request, neighborhood, form=SubscribeForm())
    if "ticket" in request.POST:
        return _confirm_code(request, neighborhood)
    form = SubscribeForm(request.POST)
    if limits.exceeded(request, "alerts-ip", "ip", settings.ALERTS_REQUESTS_PER_IP):
        return _page(request, neighborhood, 429, form=form, limited=True)
    if not form.is_valid():
        return _page(request, neighborhood, 400, form=form)
    if form.cleaned_data["website"]:
        # A bot: answered as a person would be, and nothing is sent.
        return _page(request, neighborhood, sent=form.cleaned_data["channel"])
    channel, address = form.cleaned_data["channel"], form.address
    if limits.exceeded(request, "alerts-address", _address_key(f"{channel}:{address}"), settings.ALERTS_CODES_PER_ADDRESS):
        return _page(request, neighborhood, 429, form=form, limited=True)
    wanted = {
        "c": channel,
        "a": address,
        "n": source_of(neighborhood).pk,
        "t": sorted(form.cleaned_data["topics"]),
        "l": translation.get_language(),
        "k": secrets.token_hex(8),
    }
    if channel == Channel.SMS:
        code = one_time_codes.issue(f"alerts:{wanted['k']}")
        messages.send_code(channel, address, code, wanted["l"])
        ticket = tokens.dumps(wanted, tokens.TICKET_SALT)
        return _page(request, neighborhood, verify=CodeForm(initial={"ticket": ticket}), sent=channel)
    link = reverse("alerts:confirm", args=[tokens.dumps(wanted, tokens.EMAIL_SALT)])
    messages.send_code(channel, address, link, wanted["l"])
    return _page(request, neighborhood, sent=channel)


def _confirm_code(request, neighborhood):
    form = CodeForm(request.POST)
    wanted = tokens.loads(request.POST.get("ticket"), tokens.TICKET_SALT, one_time_codes.SECONDS) if form.is_valid() else None
    if wanted is None:
        return _page(request, neighborhood, 400, form=SubscribeForm(), expired=True)
    checked = one_time_codes.check(f"alerts:{wanted['k']}", form.cleaned_data["otp"])
    if checked == one_time_codes.MISSING:
        return _page(request, neighborhood, 400, form=SubscribeForm(), expired=True)
    if checked == one_time_codes.SPENT:
        return _page(request, neighborhood, 403, form=SubscribeForm(), too_many=True)
    if checked == one_time_codes.WRONG:
        form.add_error("otp", translation.gettext("کد نادرست است. کد شش‌رقمی پیامک را دوباره بخوانید."))
        return _page(request, neighborhood, 400, verify=form, sent=Channel.SMS)
    return _page(request, neighborhood, done=_apply(wanted))


@never_cache
def confirm_email(request, token):
    wanted = tokens.loads(token, tokens.EMAIL_SALT, tokens.EMAIL_SECONDS)
    neighborhood = NeighborhoodPage.objects.filter(pk=wanted["n"]).first() if wanted else None
    if neighborhood is None:
        return render(request, "alerts/link_expired.html", status=404)
    if request.method != "POST":
        return _page(request, neighborhood, confirm_link=True)
    return _page(request, neighborhood, done=_apply(wanted))


@transaction.atomic
def _apply(wanted):
    """The subscriber (made or found) with exactly the chosen topics for that neighbourhood."""
    subscriber, created = Subscriber.objects.get_or_create(
        channel=wanted["c"], address=wanted["a"], defaults={"language": wanted["l"], "confirmed_at": timezone.now()}
    )
    if not created and subscriber.language != wanted["l"]:
        subscriber.language = wanted["l"]
        subscriber.save(update_fields=["language"])
    topics = [topic for topic in Topic.values if topic in wanted["t"]]
    Subscription.objects.filter(subscriber=subscriber, neighborhood_id=wanted["n"]).exclude(topic__in=topics).delete()
    Subscription.objects.bulk_create(
        [Subscription(subscriber=subscriber, neighborhood_id=wanted["n"], topic=topic) for topic in topics], ignore_conflicts=True
    )
    return {"topics": [Topic(topic).label for topic in topics], "unsubscribe": tokens.unsubscribe_token(subscriber)}


@csrf_exempt  # the token is the authority; mail clients post RFC 8058's one-click without a CSRF token
@never_cache
def unsubscribe(request, token):
    subscriber = tokens.subscriber_for(token)
    if subscriber is None:
        return render(request, "alerts/unsubscribe.html", {"gone": True}, status=404)
    if request.method != "POST":
        return render(request, "alerts/unsubscribe.html", {"subscriber": subscriber, "masked": mask(subscriber)})
    subscriber.delete()
    return render(request, "alerts/unsubscribe.html", {"left": True})


def mask(subscriber):
    """Enough of the address to recognise it, not to learn it: ۰۹۱۲***۴۵۶۷, a***@example.com."""
    address = subscriber.address
    if subscriber.channel == Channel.SMS:
        return f"{address[:4]}***{address[-4:]}"
    name, _at, domain = address.partition("@")
    return f"{name[:1]}***@{domain}"


def go(request, ref):
    """The short link of an SMS: to the page it announced, at its address now."""
    try:
        pk = int(ref, 16)
    except ValueError:
        raise Http404
    if pk > LARGEST_ID:
        raise Http404
    dispatch = Dispatch.objects.select_related("page").filter(pk=pk).first()
    if dispatch is None:
        raise Http404
    page = dispatch.page
    if page is not None and is_listable(page):
        url = page.specific.localized.get_url(request) or dispatch.path
    else:
        url = dispatch.path
    if not url:
        raise Http404
    return HttpResponseRedirect(url)
