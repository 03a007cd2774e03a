"""A resident on a phone subscribes to a neighbourhood's messages by SMS, with the one-time code read from the SMS
backend's outbox; staff publish an urgent notice, which reaches the resident's mobile and shows as a banner on the
neighbourhood's pages (not on another neighbourhood's); the resident then leaves with the link in the SMS. Every
step is checked with axe-core and for a phone layout that does not overflow.

Run alone with: .venv/bin/python -m pytest tests/browser/test_alerts_flow.py -q
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest

from portal.digits import to_latin_digits, to_persian_digits

from .test_participation_flow import axe_problems, page_problems, submit, type_into
from .test_public_pages import check_phone_layout, demo_snapshot, demo_urls, relative  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MOBILE = "09121234567"
MESSAGE = "آب محله پنجشنبه از ساعت ۸ تا ۱۴ قطع است."
LATIN_DIGIT = re.compile(r"[0-9]")


def demo_neighborhoods():
    """Bagh-e Khalaj (or the first neighbourhood readers may find) and another listable one, for contrast."""
    from neighborhoods.models import NeighborhoodPage
    from portal.visibility import is_listable

    listable = [page for page in NeighborhoodPage.objects.live().order_by("path") if is_listable(page)]
    assert len(listable) >= 2, "the demo needs two listable neighbourhoods"
    chosen = next((page for page in listable if page.slug == "bagh-khalaj"), listable[0])
    other = next(page for page in listable if page.pk != chosen.pk)
    return chosen, other


def latin_digits_in(page, selector):
    """Text of ``selector`` with western digits in it (a Persian page shows numbers in Persian digits)."""
    text = page.locator(selector).inner_text()
    return [text] if LATIN_DIGIT.search(text) else []


@pytest.mark.usefixtures("demo_urls")
def test_a_resident_subscribes_by_sms_hears_of_an_urgent_notice_and_leaves(live_server, open_page, screenshot_dir):
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import timezone

    from alerts.models import NoticePage, Subscriber
    from forms import sms

    neighborhood, other = demo_neighborhoods()
    # Earlier tests in this process may have spent the code limits of this address and of 127.0.0.1.
    cache.clear()
    sms.outbox.clear()
    problems = []
    phone, recorder = open_page("phone")

    # The neighbourhood page offers the messages.
    neighborhood_url = live_server.url + relative(neighborhood.get_url())
    response = phone.goto(neighborhood_url, wait_until="load")
    assert response.status == 200, response.status
    assert not phone.locator("section.urgent-notices").count(), "a banner before any notice was published"
    link = phone.get_by_role("link", name="پیام‌های این محله را با پیامک یا رایانامه بگیرید")
    response = submit(phone, link)
    assert response.status == 200, response.status
    assert urlsplit(phone.url).path == f"/subscribe/{neighborhood.pk}/", phone.url
    assert neighborhood.title in phone.locator("h1").inner_text()
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the subscription form")

    # SMS, a mobile typed in Persian digits, every topic as offered.
    phone.get_by_label("پیامک", exact=True).check()
    type_into(phone.locator("#id_mobile"), to_persian_digits(MOBILE))
    topics = phone.locator("input[name=topics]")
    assert topics.count() == 4 and all(topics.nth(i).is_checked() for i in range(topics.count()))
    phone.screenshot(path=str(screenshot_dir / "alerts-subscribe-phone.png"), full_page=True)
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, response.status
    assert len(sms.outbox) == 1 and sms.outbox[-1]["to"] == MOBILE, sms.outbox
    # Nothing is written before the code proves the number.
    assert not Subscriber.objects.filter(address=MOBILE).exists()
    code_text = sms.outbox[-1]["text"]
    assert not LATIN_DIGIT.search(code_text), f"the Persian SMS has western digits: {code_text!r}"
    code = re.search(r"([0-9]{6})$", to_latin_digits(code_text)).group(1)
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the one-time code form")

    type_into(phone.locator("#id_otp"), to_persian_digits(code))
    response = submit(phone, phone.locator("form.participation-form button[type=submit]"))
    assert response.status == 200, response.status
    confirmation = phone.locator("section.tracking-result[role=status]")
    assert "اشتراک شما در پیام‌های محله" in confirmation.inner_text(), phone.locator("main").inner_text()
    assert "اطلاعیه‌های فوری" in confirmation.inner_text()
    subscriber = Subscriber.objects.get(channel="sms", address=MOBILE)
    assert set(subscriber.subscriptions.values_list("neighborhood_id", flat=True)) == {neighborhood.pk}
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the subscription's confirmation")
    phone.screenshot(path=str(screenshot_dir / "alerts-subscribed-phone.png"), full_page=True)

    # Staff publish an urgent notice under the neighbourhood; it goes out once the transaction commits.
    sms.outbox.clear()
    notice = NoticePage(
        title="قطع آب", slug="qate-ab", message=MESSAGE, ends_at=timezone.now() + datetime.timedelta(days=2)
    )
    neighborhood.add_child(instance=notice)
    notice.save_revision().publish()
    to_resident = [message for message in sms.outbox if message["to"] == MOBILE]
    assert len(to_resident) == 1, sms.outbox
    text = to_resident[0]["text"]
    assert "اطلاعیه فوری" in text and MESSAGE in text, text
    public = settings.PUBLIC_BASE_URL.rstrip("/")
    short = re.search(rf"{re.escape(public)}(/s/[0-9a-f]+/)", text)
    unsubscribe = re.search(rf"{re.escape(public)}(/unsubscribe/[^/\s]+/)", text)
    assert short is not None and unsubscribe is not None, text

    # The banner, on the neighbourhood's page and not on another neighbourhood's.
    response = phone.goto(neighborhood_url, wait_until="load")
    assert response.status == 200, response.status
    banner = phone.locator("section.urgent-notices")
    assert banner.count() == 1, "no urgent-notice banner on the neighbourhood page"
    assert MESSAGE in banner.inner_text()
    until = banner.locator(".urgent-notice__until").inner_text()
    assert re.search(r"[۰-۹]", until) and not LATIN_DIGIT.search(until), f"the banner's end date: {until!r}"
    problems += latin_digits_in(phone, "section.urgent-notices")
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the neighbourhood page with its urgent notice")
    phone.screenshot(path=str(screenshot_dir / "alerts-banner-phone.png"), full_page=True)

    # «بیشتر» leads to the notice itself, with its end in Persian digits; so does the SMS's short link.
    response = submit(phone, banner.get_by_role("link", name="بیشتر"))
    assert response.status == 200, response.status
    assert MESSAGE in phone.locator("main").inner_text()
    notice_path = urlsplit(phone.url).path
    response = phone.goto(live_server.url + short.group(1), wait_until="load")
    assert response.status == 200 and urlsplit(phone.url).path == notice_path, (response.status, phone.url)
    problems += latin_digits_in(phone, "article.notice-page")
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the urgent notice's page")

    response = phone.goto(live_server.url + relative(other.get_url()), wait_until="load")
    assert response.status == 200, response.status
    assert not phone.locator("section.urgent-notices").count(), f"{other.title} shows {neighborhood.title}'s notice"
    assert MESSAGE not in phone.content()

    # The link in the SMS (on the public host; here, the live server), one button, and the number is gone.
    response = phone.goto(live_server.url + urlsplit(unsubscribe.group(1)).path, wait_until="load")
    assert response.status == 200, response.status
    masked = phone.locator("main bdi").inner_text()
    assert masked.startswith("۰۹۱۲") and masked.endswith("۴۵۶۷"), masked
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the unsubscribe page")
    phone.screenshot(path=str(screenshot_dir / "alerts-unsubscribe-phone.png"), full_page=True)
    response = submit(phone, phone.get_by_role("button", name="لغو همه پیام‌ها"))
    assert response.status == 200, response.status
    assert "اشتراک شما لغو شد" in phone.locator("section.tracking-result[role=status]").inner_text()
    assert not Subscriber.objects.filter(address=MOBILE).exists()
    problems += check_phone_layout(phone)
    problems += axe_problems(phone, "the unsubscribe confirmation")

    phone.wait_for_load_state("networkidle")
    problems += page_problems(recorder)
    assert not problems, "\n\n".join(problems)
