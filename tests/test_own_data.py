"""A resident's own data: tracking code, full mobile and a one-time code by SMS show what the office holds on
the case (recorded in the audit trail), and a correction or deletion request lands in the same office's inbox."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from forms import sms
from forms.models import AccessRecord, Submission
from portal.digits import to_latin_digits

pytestmark = pytest.mark.django_db

URL = "/track/data/"
MOBILE = "09121234567"


@pytest.fixture
def case(tree):
    cache.clear()
    sms.outbox.clear()
    case = Submission.objects.create(
        neighborhood=tree.bagh,
        form_title="درخواست حمایت از خانواده",
        name="زهره پنهان",
        mobile=MOBILE,
        national_code="0499370899",
        data={"need": "کمک هزینه درمان"},
        labels={"need": "نیاز"},
        types={"need": "multiline"},
        confidential=True,
        private_notes="یادداشت کاری دفتر",
    )
    yield case
    cache.clear()


def field(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def ask(client, case, mobile=MOBILE):
    return client.post(URL, {"code": case.tracking_display, "mobile": mobile})


def sent_code():
    return re.search(r"([0-9]{6})$", to_latin_digits(sms.outbox[-1]["text"])).group(1)


def test_the_resident_sees_what_is_held_and_asks_for_a_deletion(case):
    client = Client()
    asked = ask(client, case)
    assert asked.status_code == 200 and sms.outbox[-1]["to"] == MOBILE
    assert case.tracking_display in sms.outbox[-1]["text"]
    shown = client.post(URL, {"ticket": field(asked.content.decode(), "ticket"), "otp": sent_code()})
    html = shown.content.decode()
    assert shown.status_code == 200
    assert "زهره پنهان" in html and "کمک هزینه درمان" in html and "۰۴۹۹۳۷۰۸۹۹" in html
    assert "یادداشت کاری دفتر" not in html
    record = AccessRecord.objects.get(action="resident")
    assert record.user is None and record.tracking_code == case.tracking_code
    done = client.post(URL, {"pass_token": field(html, "pass_token"), "request": "deletion", "text": "همه را پاک کنید."})
    assert done.status_code == 200
    request = Submission.objects.get(kind="data_request")
    assert request.neighborhood_id == case.neighborhood_id and request.confidential and request.mobile == MOBILE
    assert request.data["case"] == case.tracking_code and request.data["text"] == "همه را پاک کنید."
    assert request.tracking_display in done.content.decode()


def test_a_wrong_mobile_is_not_found_and_sends_nothing(case):
    response = ask(Client(), case, mobile="09120000000")
    assert response.status_code == 404 and sms.outbox == []


def test_five_wrong_codes_end_the_code(case):
    client = Client()
    ticket = field(ask(client, case).content.decode(), "ticket")
    right = sent_code()
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(4):
        response = client.post(URL, {"ticket": ticket, "otp": wrong})
        assert response.status_code == 400 and "کد نادرست است." in response.content.decode()
    assert client.post(URL, {"ticket": ticket, "otp": wrong}).status_code == 403
    again = client.post(URL, {"ticket": ticket, "otp": right})
    assert again.status_code == 400 and "زهره پنهان" not in again.content.decode()
    assert not AccessRecord.objects.exists()


def test_forged_tickets_and_passes_open_nothing(case):
    client = Client()
    assert client.post(URL, {"ticket": "forged", "otp": "123456"}).status_code == 400
    response = client.post(URL, {"pass_token": "forged", "request": "deletion", "text": "پاک کنید"})
    assert response.status_code == 400 and not Submission.objects.filter(kind="data_request").exists()


def test_an_empty_request_is_refused_in_persian_and_nothing_is_saved(case):
    client = Client()
    asked = ask(client, case)
    html = client.post(URL, {"ticket": field(asked.content.decode(), "ticket"), "otp": sent_code()}).content.decode()
    response = client.post(URL, {"pass_token": field(html, "pass_token"), "request": "", "text": ""})
    assert response.status_code == 400 and "اصلاح یا پاک کردن را برگزینید." in response.content.decode()
    assert not Submission.objects.filter(kind="data_request").exists()
