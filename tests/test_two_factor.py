"""Two-factor login (wagtail-2fa over django-otp's TOTP devices): whoever reads confidential cases — the
neighbourhood's caseworkers — and every superuser gives a code from a phone after the password; until they
have enrolled a device they reach nothing but the enrolment screen. Other staff may enrol, and once they have
a device they are asked for it too. The screens are Persian."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from forms.models import Submission
from neighborhoods.permissions import caseworker_group_name, staff_group_name
from portal.digits import to_persian_digits
from tests.test_admin_catalogue import visible_text

pytestmark = pytest.mark.django_db

PASSWORD = "گذرواژه-آزمایشی-۱۲۳"
# Words wagtail-2fa shows in English without our catalogue (locale/fa/LC_MESSAGES/django.po).
ENGLISH = ["Enter", "device", "Device", "Sign", "code", "password", "Password", "Two", "Factor", "Invalid",
           "token", "Name", "Create", "Registered", "authentication", "Setup", "2FA", "scan", "Manage"]


def english_in(html):
    text = visible_text(html)
    return [word for word in ENGLISH if re.search(rf"(?<![A-Za-z]){word}(?![A-Za-z])", text)]


@pytest.fixture
def world(tree, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    user_model = get_user_model()
    caseworker = user_model.objects.create_user("caseworker_a", password=PASSWORD)
    caseworker.groups.add(
        Group.objects.get(name=staff_group_name(tree.bagh)), Group.objects.get(name=caseworker_group_name(tree.bagh))
    )
    staff = user_model.objects.create_user("staff_a", password=PASSWORD)
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    superuser = user_model.objects.create_superuser("boss", password=PASSWORD)
    case = Submission.objects.create(
        neighborhood=tree.bagh, form_title="درخواست حمایت", name="زهره پنهان", mobile="09127654321", confidential=True
    )
    return caseworker, staff, superuser, case


def log_in(username):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302 and "/admin/login/" not in response["Location"], response.status_code
    return client


def code_for(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def test_a_caseworker_without_a_device_reaches_only_the_enrolment_screen(world):
    caseworker, _staff, _superuser, case = world
    client = log_in("caseworker_a")
    response = client.get(f"/admin/inbox/{case.pk}/")
    assert response.status_code == 302 and "/admin/2fa/devices/new" in response["Location"]
    enrol = client.get("/admin/2fa/devices/new")
    assert enrol.status_code == 200
    html = enrol.content.decode()
    assert "ورود دومرحله‌ای" in html and "کد QR" in html
    assert not english_in(html), english_in(html)


def test_enrolling_and_logging_in_with_the_second_factor(world):
    caseworker, _staff, _superuser, case = world
    client = log_in("caseworker_a")
    # Enrolment: the form holds the device's secret; a code from it and the password confirm the device.
    page = client.get("/admin/2fa/devices/new").content.decode()
    assert 'name="otp_token"' in page and 'name="password"' in page
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    response = client.post(
        "/admin/2fa/devices/new", {"name": "گوشی من", "otp_token": code_for(device), "password": PASSWORD}
    )
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # A new session: the password alone opens nothing.
    client = log_in("caseworker_a")
    response = client.get(f"/admin/inbox/{case.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/auth")
    prompt = client.get(response["Location"])
    assert "کد ورود دومرحله‌ای را بنویسید" in prompt.content.decode()
    assert not english_in(prompt.content.decode()), english_in(prompt.content.decode())
    wrong = client.post("/admin/2fa/auth", {"otp_token": "000000", "next": f"/admin/inbox/{case.pk}/"})
    assert wrong.status_code == 200 and "کد نادرست است." in wrong.content.decode()
    # django-otp slows down a device after a failure: the next good code waits its turn.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    device.refresh_from_db()
    # Typed with the Persian digits of a Persian phone keyboard.
    persian = to_persian_digits(code_for(device, drift=1))
    good = client.post("/admin/2fa/auth", {"otp_token": persian, "next": f"/admin/inbox/{case.pk}/"})
    assert good.status_code == 302 and good["Location"] == f"/admin/inbox/{case.pk}/"
    assert "زهره پنهان" in client.get(f"/admin/inbox/{case.pk}/").content.decode()


def test_superusers_need_the_second_factor_and_other_staff_may_do_without(world):
    _caseworker, _staff, _superuser, case = world
    boss = log_in("boss")
    assert "/admin/2fa/devices/new" in boss.get("/admin/").get("Location", "")
    staff = log_in("staff_a")
    listing = staff.get("/admin/inbox/")
    assert listing.status_code == 200 and "زهره پنهان" not in listing.content.decode()


def test_staff_who_enrolled_are_asked_for_their_code(world):
    _caseworker, staff, _superuser, _case = world
    TOTPDevice.objects.create(user=staff, name="گوشی", confirmed=True)
    client = log_in("staff_a")
    response = client.get("/admin/inbox/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/auth")


def test_the_one_menu_item_before_enrolment_is_persian(world):
    client = log_in("boss")
    html = client.get("/admin/2fa/devices/new").content.decode()
    assert "2FA Setup" not in html and re.search(r"ورود دومرحله‌ای", html)


def test_with_two_phones_the_code_of_either_opens_the_admin_and_a_wrong_one_counts_once(world):
    _caseworker, staff, _superuser, _case = world
    first = TOTPDevice.objects.create(user=staff, name="گوشی اول", confirmed=True)
    second = TOTPDevice.objects.create(user=staff, name="گوشی دوم", confirmed=True)
    client = log_in("staff_a")
    assert client.post("/admin/2fa/auth", {"otp_token": "123456", "next": "/admin/"}).status_code == 200
    counts = sorted(TOTPDevice.objects.filter(user=staff).values_list("throttling_failure_count", flat=True))
    assert counts == [0, 1]
    TOTPDevice.objects.filter(user=staff).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    second.refresh_from_db()
    response = client.post("/admin/2fa/auth", {"otp_token": code_for(second), "next": "/admin/inbox/"})
    assert response.status_code == 302 and response["Location"] == "/admin/inbox/"
    assert client.get("/admin/inbox/").status_code == 200
    first.refresh_from_db()
    assert first.last_t == -1
