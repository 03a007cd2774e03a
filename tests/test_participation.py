"""The residents' side of participation forms: submitting, refusals, tracking."""

import io
import re

import pytest
from django.core.cache import cache
from django.test import Client
from PIL import Image

from forms import sms
from forms.models import Submission, SubmissionEvent
from tests.conftest import add_form_page, problem_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_limits():
    cache.clear()
    sms.outbox.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(tree):
    return add_form_page(tree.bagh)


def fresh_token(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def answers(client, page, **overrides):
    overrides.setdefault("form_token", fresh_token(client, page))
    return problem_answers(**overrides)


def test_form_page_renders_persian_inputs(client, form_page):
    html = client.get(form_page.url).content.decode()
    assert 'name="mobile"' in html and 'type="tel"' in html
    assert 'type="number"' not in html
    assert "data-jdp" in html  # the Jalali picker on the date question
    assert 'name="form_token"' in html and 'name="website"' in html


def test_valid_submission_is_stored_normalised_with_tracking_code(client, form_page, tree):
    response = client.post(form_page.url, answers(client, form_page))
    assert response.status_code == 200
    submission = Submission.objects.get()
    html = response.content.decode()
    assert submission.tracking_display in html
    assert re.fullmatch(r"[0-9]{8}", submission.tracking_code)
    assert submission.neighborhood_id == tree.bagh.pk
    assert submission.mobile == "09121234567" and submission.national_code == "0499370899"
    assert submission.name == "مریم احمدی"
    assert submission.data["when"] == "2025-11-11"
    assert submission.data["people"] == 12
    assert str(submission.latitude) == "34.091700"
    assert submission.status.slug == "new"
    assert ("تاریخ رخداد", "۲۰ آبان ۱۴۰۴") in submission.answers()
    assert SubmissionEvent.objects.filter(submission=submission, action="created").count() == 1


def test_staff_are_emailed_about_a_new_submission(client, form_page, tree, mailoutbox, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from neighborhoods.permissions import staff_group_name

    staff = get_user_model().objects.create_user("bagh", email="bagh@example.ir", password="x")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    data = answers(client, form_page)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_page.url, data)
    assert [message.to for message in mailoutbox] == [["bagh@example.ir"]]
    assert Submission.objects.get().tracking_display in mailoutbox[0].body


def test_the_same_form_posted_twice_makes_one_submission(client, form_page):
    data = answers(client, form_page)
    first = client.post(form_page.url, data)
    second = client.post(form_page.url, data)
    assert first.status_code == second.status_code == 200
    assert Submission.objects.count() == 1
    assert Submission.objects.get().tracking_display in second.content.decode()


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("mobile", "0912123456", "۰۹"),
        ("national_code", "1111111111", "کد ملی"),
        ("national_code", "0499370898", "کد ملی"),
        ("when", "۱۴۰۴/۱۲/۳۰", "در تقویم وجود ندارد"),
        ("people", "دوازده", "عدد"),
        ("location", "not a place", "موقعیت"),
        ("problem", "", "لازم"),
    ],
)
def test_bad_answers_are_refused_in_persian_and_nothing_is_saved(client, form_page, field, value, message):
    response = client.post(form_page.url, answers(client, form_page, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Submission.objects.count() == 0


def test_honeypot_refuses(client, form_page):
    response = client.post(form_page.url, answers(client, form_page, website="http://spam.example"))
    assert response.status_code == 400
    assert "فرم ارسال نشد" in response.content.decode()
    assert Submission.objects.count() == 0


def test_forged_token_refuses(client, form_page):
    response = client.post(form_page.url, answers(client, form_page, form_token="forged"))
    assert response.status_code == 400 and "زمان این فرم گذشته است" in response.content.decode()
    assert Submission.objects.count() == 0


def test_missing_csrf_gets_persian_403(form_page):
    client = Client(enforce_csrf_checks=True)
    data = answers(client, form_page)
    response = client.post(form_page.url, data)
    assert response.status_code == 403
    assert "فرم شما ارسال نشد" in response.content.decode()
    assert Submission.objects.count() == 0


def photo_bytes(fmt="JPEG", size=(64, 48)):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (35.0, 41.0, 20.0), 1: "N"}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, fmt, exif=exif)
    buffer.name = "photo.jpg" if fmt == "JPEG" else "photo.png"
    buffer.seek(0)
    return buffer


def test_photo_is_stored_without_exif(client, form_page):
    upload = photo_bytes()
    assert Image.open(io.BytesIO(upload.getvalue())).getexif()  # the upload carries EXIF
    response = client.post(form_page.url, {**answers(client, form_page), "photo": upload})
    assert response.status_code == 200
    stored = Submission.objects.get().photo
    assert stored.name.startswith("private/submissions/")
    with stored.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
    assert image.format == "JPEG" and image.size == (64, 48)
    assert not image.getexif()


@pytest.mark.parametrize(
    "content,name",
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg"),
        (b"<html><script>alert(1)</script></html>", "x.jpg"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "x.gif"),
    ],
)
def test_non_photo_uploads_are_refused(client, form_page, content, name):
    upload = io.BytesIO(content)
    upload.name = name
    response = client.post(form_page.url, {**answers(client, form_page), "photo": upload})
    assert response.status_code == 400
    assert "فقط عکس JPEG یا PNG" in response.content.decode()
    assert Submission.objects.count() == 0


def test_oversized_request_is_refused_with_413(client, form_page, settings):
    settings.PARTICIPATION_MAX_REQUEST_BYTES = 2000
    response = client.post(form_page.url, answers(client, form_page, problem="ا" * 3000))
    assert response.status_code == 413
    assert "حجم" in response.content.decode()
    assert Submission.objects.count() == 0


def test_rate_limit_per_ip_and_per_mobile(client, form_page, settings):
    settings.PARTICIPATION_RATE_PER_MOBILE = "2/h"
    settings.PARTICIPATION_RATE_PER_IP = "5/h"
    codes = [client.post(form_page.url, answers(client, form_page)).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    # Other residents behind the same carrier IP can still send, up to the IP's own limit.
    assert client.post(form_page.url, answers(client, form_page, mobile="09351112233")).status_code == 200
    assert client.post(form_page.url, answers(client, form_page, mobile="09351112244")).status_code == 200
    refused = client.post(form_page.url, answers(client, form_page, mobile="09351112255"))
    assert refused.status_code == 429 and "چند دقیقه دیگر" in refused.content.decode()
    assert refused["Retry-After"]
    assert Submission.objects.count() == 4


def test_tracking_lookup(client, form_page):
    client.post(form_page.url, answers(client, form_page))
    submission = Submission.objects.get()
    submission.public_reply = "مأمور برق فردا می‌آید."
    submission.save()
    code = submission.tracking_display  # Persian digits with a dash, as shown to the resident
    found = client.post("/track/", {"code": code, "last_digits": "۴۵۶۷"})
    assert found.status_code == 200
    html = found.content.decode()
    assert "دریافت شد" in html and "مأمور برق فردا می‌آید." in html
    assert "چراغ‌های کوچه" not in html  # the answers themselves are not shown
    wrong = client.post("/track/", {"code": submission.tracking_code, "last_digits": "0000"})
    assert wrong.status_code == 404 and "پیدا نشد" in wrong.content.decode()


def test_tracking_lookup_limits_wrong_guesses(client, form_page, settings):
    settings.TRACKING_LOOKUP_FAILURES_PER_IP = "3/h"
    client.post(form_page.url, answers(client, form_page))
    submission = Submission.objects.get()
    for guess in range(3):
        assert client.post("/track/", {"code": f"{guess:08d}", "last_digits": "4567"}).status_code == 404
    blocked = client.post("/track/", {"code": submission.tracking_code, "last_digits": "4567"})
    assert blocked.status_code == 429 and "یک ساعت دیگر" in blocked.content.decode()


def test_malformed_lookup_is_400(client):
    response = client.post("/track/", {"code": "abc", "last_digits": "12"})
    assert response.status_code == 400
    assert "کد رهگیری ۸ رقم دارد" in response.content.decode() or "کد رهگیری 8 رقم دارد" in response.content.decode()
