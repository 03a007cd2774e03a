"""Subscriptions by SMS and e-mail, what publishing sends, quiet hours, caps, retries, unsubscribing,
urgent notices and their banner, and the staff's counts."""

import datetime
import re
import time
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from alerts import hours, receipts, sending, tokens
from alerts.models import Delivery, Dispatch, NoticePage, Subscriber, Subscription
from alerts.topics import Channel, Topic
from forms import sms
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from portal.digits import to_latin_digits, to_persian_digits as to_persian
from tests.conftest import add_news, add_program

pytestmark = pytest.mark.django_db
TEHRAN = ZoneInfo("Asia/Tehran")
MOBILE, OTHER = "09121234567", "09351112233"


@pytest.fixture(autouse=True)
def clean_outboxes():
    # URLs are reversed in the test's language: Persian, whatever an earlier test left active.
    translation.activate("fa")
    cache.clear()
    sms.outbox.clear()
    sms.inbox.clear()
    sms.fail_next.clear()
    sms.statuses_set.clear()
    yield
    sms.fail_next.clear()


def subscribe_url(neighborhood):
    return reverse("alerts:subscribe", args=[neighborhood.pk])


def ask(client, neighborhood, mobile=MOBILE, topics=tuple(Topic.values), **extra):
    data = {"channel": "sms", "mobile": mobile, "email": "", "topics": list(topics), "website": "", **extra}
    return client.post(subscribe_url(neighborhood), data)


def last_code():
    return re.search(r"([0-9]{6})$", to_latin_digits(sms.outbox[-1]["text"])).group(1)


def ticket_of(response):
    return re.search(r'name="ticket" value="([^"]+)"', response.content.decode()).group(1)


def subscribe(client, neighborhood, mobile=MOBILE, topics=tuple(Topic.values)):
    asked = ask(client, neighborhood, mobile, topics)
    assert asked.status_code == 200
    done = client.post(subscribe_url(neighborhood), {"ticket": ticket_of(asked), "otp": last_code()})
    assert done.status_code == 200
    return Subscriber.objects.get(channel=Channel.SMS, address=mobile)


def messages_to(mobile):
    return [message for message in sms.outbox if message["to"] == mobile]


# --- subscribing ---------------------------------------------------------------------------------


def test_a_resident_subscribes_by_sms_with_a_one_time_code(tree, client):
    page = client.get(subscribe_url(tree.bagh))
    assert page.status_code == 200 and "باغ خلج" in page.content.decode()
    asked = ask(client, tree.bagh, "۰۹۱۲ ۱۲۳ ۴۵۶۷", topics=[Topic.NEWS, Topic.URGENT])
    assert asked.status_code == 200
    assert sms.outbox[-1]["to"] == MOBILE and "کد تأیید" in sms.outbox[-1]["text"]
    # Nothing is written before the code proves the number is the resident's.
    assert not Subscriber.objects.exists()
    done = client.post(subscribe_url(tree.bagh), {"ticket": ticket_of(asked), "otp": to_persian(last_code())})
    assert done.status_code == 200 and "اشتراک شما" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.address == MOBILE and subscriber.language == "fa"
    assert set(subscriber.subscriptions.values_list("neighborhood_id", "topic")) == {(tree.bagh.pk, "news"), (tree.bagh.pk, "urgent")}


def test_the_same_answer_whether_or_not_the_number_is_subscribed(tree, client):
    subscribe(client, tree.bagh, MOBILE)
    known = ask(client, tree.bagh, MOBILE)
    unknown = ask(client, tree.bagh, OTHER)

    def visible(response):
        html = response.content.decode()
        return re.sub(r'value="[^"]*"', "", html)

    assert known.status_code == unknown.status_code == 200
    assert visible(known) == visible(unknown)
    assert sms.outbox[-1]["to"] == OTHER and sms.outbox[-2]["to"] == MOBILE


def test_a_second_confirmation_replaces_the_topics_of_that_neighbourhood_only(tree, client):
    subscribe(client, tree.bagh, topics=[Topic.NEWS, Topic.PROGRAMMES])
    subscribe(client, tree.esmaeil, topics=[Topic.NEWS])
    subscriber = subscribe(client, tree.bagh, topics=[Topic.URGENT])
    assert Subscriber.objects.count() == 1
    assert set(subscriber.subscriptions.values_list("neighborhood_id", "topic")) == {
        (tree.bagh.pk, "urgent"), (tree.esmaeil.pk, "news")
    }


def test_wrong_codes_then_too_many_end_the_code(tree, client):
    asked = ask(client, tree.bagh)
    ticket, code = ticket_of(asked), last_code()
    wrong = "000000" if code != "000000" else "111111"
    first = client.post(subscribe_url(tree.bagh), {"ticket": ticket, "otp": wrong})
    assert first.status_code == 400 and "کد نادرست است" in first.content.decode()
    for _ in range(3):
        client.post(subscribe_url(tree.bagh), {"ticket": ticket, "otp": wrong})
    fifth = client.post(subscribe_url(tree.bagh), {"ticket": ticket, "otp": wrong})
    assert fifth.status_code == 403 and "باطل شد" in fifth.content.decode()
    # The right code no longer helps.
    late = client.post(subscribe_url(tree.bagh), {"ticket": ticket, "otp": code})
    assert late.status_code == 400 and not Subscriber.objects.exists()


def test_an_expired_ticket_is_refused(tree, client, monkeypatch):
    import django.core.signing

    real = time.time
    monkeypatch.setattr(django.core.signing.time, "time", lambda: real() - 11 * 60)
    asked = ask(client, tree.bagh)
    monkeypatch.undo()
    expired = client.post(subscribe_url(tree.bagh), {"ticket": ticket_of(asked), "otp": last_code()})
    assert expired.status_code == 400 and "زمان این کد گذشته" in expired.content.decode()
    assert not Subscriber.objects.exists()


def test_a_forged_ticket_is_refused(tree, client):
    asked = ask(client, tree.bagh)
    forged = ticket_of(asked)[:-2] + "xx"
    response = client.post(subscribe_url(tree.bagh), {"ticket": forged, "otp": last_code()})
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_bad_input_gets_persian_messages_and_no_code(tree, client):
    no_number = ask(client, tree.bagh, mobile="")
    bad_number = ask(client, tree.bagh, mobile="12345")
    no_topic = client.post(subscribe_url(tree.bagh), {"channel": "sms", "mobile": MOBILE})
    bad_email = client.post(subscribe_url(tree.bagh), {"channel": "email", "email": "not-an-address", "topics": ["news"]})
    assert [r.status_code for r in (no_number, bad_number, no_topic, bad_email)] == [400] * 4
    assert "شماره همراه را بنویسید" in no_number.content.decode()
    assert "۰۹" in bad_number.content.decode()
    assert "دست‌کم یک موضوع" in no_topic.content.decode()
    assert "رایانامه درست نیست" in bad_email.content.decode()
    assert sms.outbox == [] and mail.outbox == []


def test_codes_are_limited_per_number_and_bots_get_nothing(tree, client, settings):
    settings.ALERTS_CODES_PER_ADDRESS = "3/h"
    for _ in range(3):
        assert ask(client, tree.bagh).status_code == 200
    limited = ask(client, tree.bagh)
    assert limited.status_code == 429 and "بیش از اندازه" in limited.content.decode()
    assert len(messages_to(MOBILE)) == 3
    # Another number is not held by this one's limit.
    assert ask(client, tree.bagh, OTHER).status_code == 200
    bot = ask(client, tree.bagh, "09130000000", website="http://spam.example")
    assert bot.status_code == 200 and messages_to("09130000000") == []


def test_codes_are_limited_per_address_of_the_requester(tree, client, settings):
    settings.ALERTS_REQUESTS_PER_IP = "2/h"
    assert ask(client, tree.bagh, "09120000001").status_code == 200
    assert ask(client, tree.bagh, "09120000002").status_code == 200
    assert ask(client, tree.bagh, "09120000003").status_code == 429
    assert messages_to("09120000003") == []


def test_email_double_opt_in(tree, client):
    asked = client.post(subscribe_url(tree.bagh), {"channel": "email", "email": "Resident@Example.com", "topics": ["news"]})
    assert asked.status_code == 200 and not Subscriber.objects.exists()
    message = mail.outbox[-1]
    assert message.to == ["resident@example.com"]
    html = message.alternatives[0][0]
    assert 'dir="rtl"' in html
    link = re.search(r"(/subscribe/confirm/[^/\s\"]+/)", message.body).group(1)
    shown = client.get(link)
    # Opening the link (as a mail scanner would) subscribes no one: the button does.
    assert shown.status_code == 200 and "تأیید اشتراک" in shown.content.decode() and not Subscriber.objects.exists()
    confirmed = client.post(link)
    assert confirmed.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.channel == Channel.EMAIL and subscriber.address == "resident@example.com"
    assert client.post(link[:-3] + "zz/").status_code == 404


def test_unknown_or_restricted_neighbourhoods_have_no_form(tree, client):
    assert client.get(reverse("alerts:subscribe", args=[999999])).status_code == 404
    PageViewRestriction.objects.create(page=tree.esmaeil, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert client.get(subscribe_url(tree.esmaeil)).status_code == 404


def test_the_neighbourhood_page_offers_it(tree, client):
    html = client.get(tree.bagh.url).content.decode()
    assert subscribe_url(tree.bagh) in html


def test_the_english_form_is_english_and_english_subscribers_get_english(tree, client, django_capture_on_commit_callbacks):
    from tests.test_languages import translate

    for page in (tree.home, tree.index, tree.markazi):
        translate(page, "en", page.slug.title())
    bagh = translate(tree.bagh, "en", "Bagh-e Khalaj", city="Arak")
    with translation.override("en"):
        url = reverse("alerts:subscribe", args=[bagh.pk])
    assert url.startswith("/en/")
    html = client.get(url).content.decode()
    assert 'lang="en"' in html and "Bagh-e Khalaj" in html
    assert not re.search(r"[\u0600-\u06FF]", re.sub(r"<(script|style|option)[^>]*>.*?</\1>", "", html, flags=re.S).split("<main", 1)[1].split("</main>")[0])
    asked = client.post(url, {"channel": "sms", "mobile": MOBILE, "topics": ["news"], "website": ""})
    assert asked.status_code == 200 and re.search(r"[0-9]{6}$", sms.outbox[-1]["text"])
    done = client.post(url, {"ticket": ticket_of(asked), "otp": last_code()})
    assert done.status_code == 200
    subscriber = Subscriber.objects.get()
    # Subscribed through the English page: to the neighbourhood itself (its Persian page), in English.
    assert subscriber.language == "en" and subscriber.subscriptions.get().neighborhood_id == tree.bagh.pk
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        add_news(tree.bagh.news_index_page, 1)
    assert "/en/s/" in sms.outbox[0]["text"] and "Unsubscribe" in sms.outbox[0]["text"]


# --- what publishing sends ------------------------------------------------------------------------


def test_publishing_news_reaches_that_neighbourhoods_news_subscribers_once(tree, client, django_capture_on_commit_callbacks):
    news_reader = subscribe(client, tree.bagh, MOBILE, topics=[Topic.NEWS])
    subscribe(client, tree.bagh, OTHER, topics=[Topic.PROGRAMMES])
    subscribe(client, tree.esmaeil, "09130000000", topics=[Topic.NEWS])
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        [news] = add_news(tree.bagh.news_index_page, 1)
    assert [message["to"] for message in sms.outbox] == [MOBILE]
    text = sms.outbox[0]["text"]
    assert news.title in text and "باغ خلج" in text
    short, leave = re.findall(r"https?://\S+", text)
    assert client.get(short.split("://", 1)[1].split("/", 1)[1].join(["/", ""])).url == news.url
    assert tokens.unsubscribe_token(news_reader) in leave
    # Published again, or saved as a draft: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
        news.title = "پیش‌نویس"
        news.save_revision()
    assert len(sms.outbox) == 1
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.SENT and delivery.provider_id == sms.outbox[0]["id"]


def test_programmes_with_sign_up_and_council_decisions_are_announced(tree, client, django_capture_on_commit_callbacks):
    from council.models import Meeting, Resolution

    subscribe(client, tree.bagh, MOBILE, topics=[Topic.PROGRAMMES, Topic.DECISIONS])
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        add_program(tree.bagh, slug="no-signup", title="نمایشگاه بدون ثبت‌نام", signup_enabled=False)
    assert sms.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        program = add_program(tree.bagh)
    assert len(sms.outbox) == 1 and program.title in sms.outbox[0]["text"]
    with django_capture_on_commit_callbacks(execute=True):
        meeting = Meeting.objects.create(neighborhood=tree.bagh, held_at=timezone.now(), public=True)
        Resolution.objects.create(meeting=meeting, neighborhood=tree.bagh, text="ساخت سرویس بهداشتی پارک", public=True)
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    assert len(sms.outbox) == 2 and "مصوبه" in sms.outbox[1]["text"]


def test_restricted_and_translated_pages_are_not_announced(tree, client):
    subscribe(client, tree.bagh, MOBILE, topics=[Topic.NEWS])
    sms.outbox.clear()
    PageViewRestriction.objects.create(page=tree.bagh.news_index_page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    add_news(tree.bagh.news_index_page, 1)
    assert sms.outbox == [] and not Dispatch.objects.exists()


def test_email_subscribers_get_rtl_html_with_a_plain_text_part_and_one_click_unsubscribe(tree, client, django_capture_on_commit_callbacks):
    link_post = client.post(subscribe_url(tree.bagh), {"channel": "email", "email": "a@example.com", "topics": ["news"]})
    assert link_post.status_code == 200
    client.post(re.search(r"(/subscribe/confirm/[^/\s]+/)", mail.outbox[-1].body).group(1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        [news] = add_news(tree.bagh.news_index_page, 1)
    [message] = mail.outbox
    assert news.title in message.subject and news.title in message.body
    assert 'dir="rtl"' in message.alternatives[0][0]
    leave = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # A mail client posts the one-click unsubscribe without any CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(leave.split("://", 1)[1].split("/", 1)[1].join(["/", ""]), {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200 and not Subscriber.objects.exists()


# --- quiet hours, caps, retries ----------------------------------------------------------------------


def tehran(*args):
    return datetime.datetime(*args, tzinfo=TEHRAN)


@pytest.mark.parametrize(
    "moment, until",
    [
        (tehran(2026, 12, 5, 21, 59, 59), None),
        (tehran(2026, 12, 5, 22, 0), tehran(2026, 12, 6, 8, 0)),
        (tehran(2026, 12, 6, 0, 30), tehran(2026, 12, 6, 8, 0)),
        (tehran(2026, 12, 6, 7, 59, 59), tehran(2026, 12, 6, 8, 0)),
        (tehran(2026, 12, 6, 8, 0), None),
        # 20:29 UTC is 23:59 in Tehran: quiet, and the night ends the next Tehran morning.
        (datetime.datetime(2026, 3, 19, 20, 29, tzinfo=datetime.timezone.utc), tehran(2026, 3, 20, 8, 0)),
    ],
)
def test_quiet_hours_at_the_tehran_boundaries(moment, until, settings):
    settings.ALERTS_QUIET_HOURS = ("22:00", "08:00")
    assert hours.quiet_until(moment) == until


def make_dispatch(tree, topic=Topic.NEWS, key="k", neighborhood=None):
    return Dispatch.objects.create(key=key, topic=topic, title="خبر آزمایشی", path="/", neighborhood=neighborhood or tree.bagh)


def confirmed(mobile, neighborhood, topics=(Topic.NEWS, Topic.URGENT)):
    subscriber = Subscriber.objects.create(channel=Channel.SMS, address=mobile, confirmed_at=timezone.now())
    for topic in topics:
        Subscription.objects.create(subscriber=subscriber, neighborhood=neighborhood, topic=topic)
    return subscriber


def test_nothing_but_urgent_notices_goes_in_the_quiet_hours(tree, settings):
    settings.ALERTS_QUIET_HOURS = ("22:00", "08:00")
    confirmed(MOBILE, tree.bagh)
    night = tehran(2026, 12, 5, 23, 0)
    news = make_dispatch(tree, key="news")
    assert sending.work(news, night) == tehran(2026, 12, 6, 8, 0)
    assert sms.outbox == [] and news.deliveries.get().state == Delivery.State.PENDING
    urgent = make_dispatch(tree, Topic.URGENT, key="urgent")
    assert sending.work(urgent, night) is None
    assert len(sms.outbox) == 1
    assert sending.work(news, tehran(2026, 12, 6, 8, 0)) is None
    assert len(sms.outbox) == 2


def test_a_daily_cap_per_subscriber_over_the_tehran_day(tree, settings):
    settings.ALERTS_DAILY_CAP = 2
    subscriber = confirmed(MOBILE, tree.bagh)
    morning = tehran(2026, 12, 5, 9, 0)
    for number in range(3):
        sending.work(make_dispatch(tree, key=f"d{number}"), morning + datetime.timedelta(hours=number))
    states = list(Delivery.objects.filter(subscriber=subscriber).order_by("pk").values_list("state", flat=True))
    assert states == [Delivery.State.SENT, Delivery.State.SENT, Delivery.State.CAPPED]
    # 00:10 in Tehran (20:40 UTC the evening before) is a new day.
    sending.work(make_dispatch(tree, key="next-day"), tehran(2026, 12, 6, 0, 10))
    # An urgent notice is sent even over the cap.
    sending.work(make_dispatch(tree, Topic.URGENT, key="urgent"), morning + datetime.timedelta(hours=5))
    assert len(messages_to(MOBILE)) == 4


def test_a_failed_call_is_retried_with_back_off_and_sent_once(tree):
    confirmed(MOBILE, tree.bagh)
    dispatch = make_dispatch(tree)
    now = timezone.now()
    sms.fail_next.append(sms.SmsError("provider busy"))
    later = sending.work(dispatch, now)
    delivery = dispatch.deliveries.get()
    assert delivery.state == Delivery.State.PENDING and delivery.attempts == 1 and later == now + datetime.timedelta(minutes=2)
    # Not due yet: nothing is sent.
    assert sending.work(dispatch, now + datetime.timedelta(minutes=1)) == later and sms.outbox == []
    assert sending.work(dispatch, later) is None
    assert len(sms.outbox) == 1
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.SENT and delivery.attempts == 2
    dispatch.refresh_from_db()
    assert dispatch.state == Dispatch.State.DONE
    assert sending.work(dispatch, later + datetime.timedelta(hours=1)) is None and len(sms.outbox) == 1


def test_a_refused_number_fails_at_once_and_attempts_end(tree, settings):
    settings.ALERTS_ATTEMPTS = 2
    confirmed(MOBILE, tree.bagh)
    confirmed(OTHER, tree.bagh)
    dispatch = make_dispatch(tree)
    now = timezone.now()
    sms.fail_next.extend([sms.SmsRefused("411 invalid receptor"), sms.SmsError("timeout")])
    sending.work(dispatch, now)
    sms.fail_next.append(sms.SmsError("timeout again"))
    assert sending.work(dispatch, now + datetime.timedelta(minutes=5)) is None
    assert sorted(dispatch.deliveries.values_list("state", flat=True)) == [Delivery.State.FAILED] * 2
    assert sms.outbox == []


def test_a_worker_that_died_after_the_provider_took_the_message_does_not_send_it_twice(tree):
    from alerts import messages

    confirmed(MOBILE, tree.bagh)
    dispatch = make_dispatch(tree)
    sending.list_deliveries(dispatch)
    now = timezone.now()
    [delivery] = sending.claim(dispatch, now, 10)
    delivery.dispatch = dispatch
    messages.send(delivery, now)  # the provider has it; the worker dies before recording it
    assert len(sms.outbox) == 1
    # Within the lease no one claims it; after it, the retry carries the same local id.
    assert sending.work(dispatch, now + datetime.timedelta(minutes=5)) is not None and len(sms.outbox) == 1
    assert sending.work(dispatch, now + sending.LEASE + datetime.timedelta(seconds=1)) is None
    assert len(sms.outbox) == 1 and dispatch.deliveries.get().state == Delivery.State.SENT


def test_a_batch_is_bounded_and_resumed(tree, settings):
    settings.ALERTS_BATCH = 7
    for number in range(20):
        confirmed(f"0912000{number:04d}", tree.bagh)
    dispatch = make_dispatch(tree)
    now = timezone.now()
    assert sending.work(dispatch, now) == now
    assert len(sms.outbox) == 7
    sending.list_deliveries(dispatch)  # listing again (a run that stopped half way) adds no one twice
    assert dispatch.deliveries.count() == 20
    assert sending.run_due(now) >= 2
    assert len(sms.outbox) == 20 and len({message["to"] for message in sms.outbox}) == 20


# --- receipts, replies, unsubscribing ------------------------------------------------------------------


def test_delivery_reports_and_cancel_replies(tree):
    confirmed(MOBILE, tree.bagh)
    confirmed(OTHER, tree.bagh)
    dispatch = make_dispatch(tree)
    sending.work(dispatch, timezone.now())
    first, second = sms.outbox
    sms.statuses_set[second["id"]] = "failed"
    sms.inbox.append(("989121234567", " لغو "))
    sms.inbox.append((OTHER, "سلام"))
    assert receipts.poll() == (2, 1)
    assert dict(dispatch.deliveries.values_list("provider_id", "state")) == {first["id"]: "delivered", second["id"]: "failed"}
    assert list(Subscriber.objects.values_list("address", flat=True)) == [OTHER]
    # The delivery of who left is kept, without them.
    assert dispatch.deliveries.filter(subscriber__isnull=True).count() == 1


def test_unsubscribe_from_the_link_in_one_step(tree, client):
    subscriber = subscribe(client, tree.bagh, MOBILE)
    url = reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
    shown = client.get(url)
    html = shown.content.decode()
    assert shown.status_code == 200 and "۰۹۱۲***۴۵۶۷" in html and MOBILE not in html
    left = client.post(url)
    assert left.status_code == 200 and not Subscriber.objects.exists() and not Subscription.objects.exists()
    assert client.get(url).status_code == 404


def test_forged_unsubscribe_links_do_nothing(tree, client):
    subscriber = subscribe(client, tree.bagh, MOBILE)
    token = tokens.unsubscribe_token(subscriber)
    other = confirmed(OTHER, tree.bagh)
    forged = f"{other.pk:x}-{token.split('-', 1)[1]}"
    for bad in (forged, "zz-abc", token[:-1], "1"):
        assert client.post(reverse("alerts:unsubscribe", args=[bad])).status_code == 404
    assert Subscriber.objects.count() == 2


# --- urgent notices --------------------------------------------------------------------------------


def add_notice(commits, parent, message="آب محله پنجشنبه از ساعت ۸ تا ۱۴ قطع است.", seconds=3600, slug="water"):
    notice = NoticePage(title="قطع آب", slug=slug, message=message, ends_at=timezone.now() + datetime.timedelta(seconds=seconds))
    with commits(execute=True):
        parent.add_child(instance=notice)
        notice.save_revision().publish()
    return notice


def test_a_neighbourhood_notice_shows_in_its_neighbourhood_only_and_goes_out_at_once(tree, client, settings, django_capture_on_commit_callbacks):
    settings.ALERTS_QUIET_HOURS = ("00:00", "23:59")  # the whole day is quiet, but a notice is urgent
    confirmed(MOBILE, tree.bagh)
    confirmed(OTHER, tree.esmaeil)
    notice = add_notice(django_capture_on_commit_callbacks, tree.bagh)
    assert [message["to"] for message in sms.outbox] == [MOBILE]
    assert "اطلاعیه فوری" in sms.outbox[0]["text"]
    assert notice.message in client.get(tree.bagh.url).content.decode()
    assert notice.message in client.get(tree.bagh.news_index_page.url).content.decode()
    assert notice.message not in client.get(tree.esmaeil.url).content.decode()
    assert notice.message not in client.get(tree.home.url).content.decode()


def test_a_portal_notice_shows_everywhere_and_reaches_every_urgent_subscriber_once(tree, client, django_capture_on_commit_callbacks):
    both = confirmed(MOBILE, tree.bagh)
    Subscription.objects.create(subscriber=both, neighborhood=tree.esmaeil, topic=Topic.URGENT)
    confirmed(OTHER, tree.esmaeil, topics=[Topic.NEWS])
    notice = add_notice(django_capture_on_commit_callbacks, tree.home, "درگاه امشب از ساعت ۲ تا ۳ در دسترس نیست.", slug="maintenance")
    assert [message["to"] for message in sms.outbox] == [MOBILE]
    for url in (tree.home.url, tree.bagh.url, tree.esmaeil.url, subscribe_url(tree.bagh), "/search/?q=x"):
        assert notice.message in client.get(url).content.decode(), url


def test_a_notice_leaves_cached_pages_when_it_ends(tree, client, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    notice = add_notice(django_capture_on_commit_callbacks, tree.bagh, seconds=3)
    first = client.get(tree.bagh.url)
    assert notice.message in first.content.decode()
    # No cache, ours or a front one, keeps the page past the notice's end.
    assert int(re.search(r"max-age=(\d+)", first["Cache-Control"]).group(1)) <= 3
    assert client.get(tree.bagh.url)["X-Page-Cache"] == "hit"
    time.sleep(3.5)
    after = client.get(tree.bagh.url)
    assert after["X-Page-Cache"] == "miss" and notice.message not in after.content.decode()


def test_a_notice_must_end_within_a_month(tree, admin_client):
    from wagtail.test.utils.form_data import nested_form_data

    from portal import jalali

    url = reverse("wagtailadmin_pages:add", args=["alerts", "noticepage", tree.bagh.pk])
    data = {"title": "قطع آب", "slug": "water", "message": "آب قطع است.", "details": "", "ends_at": "", "action-publish": "1"}

    def typed(moment):
        return jalali.format_numeric_datetime(timezone.localtime(moment, TEHRAN))

    missing = admin_client.post(url, nested_form_data(data))
    assert missing.status_code == 200 and "این مقدار لازم است" in missing.content.decode()
    data["ends_at"] = typed(timezone.now() + datetime.timedelta(days=40))
    too_long = admin_client.post(url, nested_form_data(data))
    assert too_long.status_code == 200 and "حداکثر یک ماه" in too_long.content.decode()
    assert not NoticePage.objects.exists()
    data["ends_at"] = typed(timezone.now() + datetime.timedelta(days=2))
    published = admin_client.post(url, nested_form_data(data))
    assert published.status_code == 302
    notice = NoticePage.objects.get()
    assert notice.live and notice.expire_at == notice.ends_at


# --- staff counts -----------------------------------------------------------------------------------


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_staff_see_counts_of_their_neighbourhood_never_numbers(tree, client):
    confirmed(MOBILE, tree.bagh)
    confirmed(OTHER, tree.bagh, topics=[Topic.NEWS])
    confirmed("09130000000", tree.esmaeil)
    sending.work(make_dispatch(tree), timezone.now())
    staff = user_in(staff_group_name(tree.bagh), "bagh-staff")
    client.force_login(staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "پیام‌ها به ساکنان" in html and "باغ خلج" in html and "اسماعیل‌آباد" not in html
    assert "۲ / ۲ / ۰ / ۰" in html  # news in Bagh-e Khalaj: two subscribers, two sent
    for number in (MOBILE, OTHER, "09130000000"):
        assert number not in html and to_latin_digits(number) not in html


def test_coordinators_see_their_province(tree, client):
    confirmed(MOBILE, tree.bagh)
    confirmed("09130000000", tree.esmaeil)
    coordinator = user_in(coordinator_group_name(tree.markazi), "markazi-coordinator")
    client.force_login(coordinator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "باغ خلج" in html and "اسماعیل‌آباد" not in html


# --- who may see, what a cache keeps, hostile input ---------------------------------------------------


def test_staff_add_notices_in_their_neighbourhood_only(tree, client):
    from wagtail.test.utils.form_data import nested_form_data

    from portal import jalali

    staff = user_in(staff_group_name(tree.bagh), "bagh-staff")
    client.force_login(staff)
    ends = jalali.format_numeric_datetime(timezone.now() + datetime.timedelta(days=1))
    data = nested_form_data({"title": "تغییر مکان جلسه", "slug": "venue", "message": "جلسه شورا در مسجد برگزار می‌شود.",
                             "details": "", "ends_at": ends, "action-publish": "1"})
    own = client.post(reverse("wagtailadmin_pages:add", args=["alerts", "noticepage", tree.bagh.pk]), data)
    assert own.status_code == 302 and NoticePage.objects.get().get_parent().pk == tree.bagh.pk
    for parent in (tree.esmaeil, tree.home):
        refused = client.post(reverse("wagtailadmin_pages:add", args=["alerts", "noticepage", parent.pk]), data)
        assert refused.status_code in (302, 403) and NoticePage.objects.count() == 1
        assert not NoticePage.objects.child_of(parent).exists()


def test_a_draft_notice_shows_nowhere_and_sends_nothing_and_unpublishing_ends_it(tree, client, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    confirmed(MOBILE, tree.bagh)
    draft = NoticePage(title="پیش‌نویس", slug="draft", message="متن پیش‌نویس اطلاعیه", ends_at=timezone.now() + datetime.timedelta(days=1), live=False)
    with django_capture_on_commit_callbacks(execute=True):
        tree.bagh.add_child(instance=draft)
        draft.save_revision()
    assert draft.message not in client.get(tree.bagh.url).content.decode() and sms.outbox == []
    notice = add_notice(django_capture_on_commit_callbacks, tree.bagh, slug="live")
    assert client.get(tree.bagh.url)["X-Page-Cache"] == "miss"
    assert notice.message in client.get(tree.bagh.url).content.decode()
    esmaeil_before = client.get(tree.esmaeil.url)
    assert client.get(tree.esmaeil.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        notice.unpublish()
    assert notice.message not in client.get(tree.bagh.url).content.decode()
    # Another neighbourhood's kept pages stay kept.
    assert client.get(tree.esmaeil.url)["X-Page-Cache"] == "hit" and esmaeil_before.status_code == 200


def test_subscription_pages_are_never_kept_by_a_cache(tree, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    for _ in range(2):
        response = client.get(subscribe_url(tree.bagh))
        assert response.get("X-Page-Cache") != "hit"
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    subscriber = confirmed(MOBILE, tree.bagh)
    leave = client.get(reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscriber)]))
    assert "private" in leave["Cache-Control"] and leave.get("X-Page-Cache") != "hit"


@pytest.mark.parametrize(
    "url",
    [
        "/subscribe/99999999999999999999999/",
        "/subscribe/0/",
        "/s/ffffffffffffffffffffffffff/",
        "/s/zz/",
        "/unsubscribe/fffffffffffffffffffffff-abc/",
        "/unsubscribe/%00/",
        "/subscribe/confirm/not-a-token/",
    ],
)
def test_hostile_addresses_get_a_404_never_a_500(tree, client, url):
    assert client.get(url).status_code == 404
    assert client.post(url).status_code in (403, 404)


def test_hostile_posts_get_a_4xx_and_send_nothing(tree, client):
    url = subscribe_url(tree.bagh)
    for data in (
        {"channel": "fax", "mobile": MOBILE, "topics": ["news"]},
        {"channel": "sms", "mobile": MOBILE, "topics": ["weather"]},
        {"channel": "sms", "mobile": "0912" * 20, "topics": ["news"]},
        {"ticket": "x" * 5000, "otp": "123456"},
        {"ticket": "", "otp": ""},
    ):
        assert client.post(url, data).status_code == 400, data
    assert sms.outbox == [] and not Subscriber.objects.exists()


def test_no_account_reads_another_neighbourhoods_counts(tree, client):
    confirmed(MOBILE, tree.esmaeil)
    staff = user_in(staff_group_name(tree.bagh), "bagh-staff")
    client.force_login(staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # Bagh-e Khalaj's staff: their own neighbourhood has no subscribers; Esmaeil-Abad's one is not counted.
    assert "اسماعیل‌آباد" not in html and "۱ / " not in html
    client.logout()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_superusers_see_portal_wide_notices_as_a_row_of_their_own(tree, client, admin_user, django_capture_on_commit_callbacks):
    confirmed(MOBILE, tree.bagh)
    add_notice(django_capture_on_commit_callbacks, tree.home, "درگاه امشب در دسترس نیست.", slug="maintenance")
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "سراسری (همه محله‌ها)" in html and "۰ / ۱ / ۰ / ۰" in html
    staff = user_in(staff_group_name(tree.bagh), "bagh-staff")
    client.force_login(staff)
    assert "سراسری" not in client.get(reverse("wagtailadmin_home")).content.decode()


class BrokenMail(EmailBackend):
    """A mail server that refuses connections (a real failure of the socket, as smtplib would raise it)."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_a_provider_that_does_not_answer_gets_the_resident_a_persian_503(tree, settings):
    reader = Client(raise_request_exception=False)
    sms.fail_next.append(sms.SmsError("provider down"))
    response = ask(reader, tree.bagh)
    assert response.status_code == 503 and "موقتاً" in response.content.decode()
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMail"
    response = reader.post(subscribe_url(tree.bagh), {"channel": "email", "email": "a@example.com", "topics": ["news"]})
    assert response.status_code == 503 and not Subscriber.objects.exists()
