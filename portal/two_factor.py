"""The second factor (wagtail-2fa over django-otp): its middleware for requests with a session only, and
its code prompt with a form that names the device.

wagtail-2fa's middleware reads ``request.user`` on every request, which reads the session and makes Django
add ``Vary: Cookie`` to every page: the page cache would keep nothing. A request without a session cookie
has nobody logged in and nothing to verify, so it passes untouched.

The prompt: django-otp (since 1.7.1) checks a code only against a device the form names, so that a wrong code does not
count as a failure against every device a user has; wagtail-2fa's prompt asks for the code alone. Staff enrol
TOTP devices only (an authenticator app), so the form names the user's confirmed device, and with several
(a second phone) the one whose current code this is. Served at wagtail-2fa's own URL (portal/urls.py).
"""

from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import TokenForm
from wagtail_2fa.middleware import VerifyUserPermissionsMiddleware
from wagtail_2fa.views import LoginView


class SecondFactorMiddleware(VerifyUserPermissionsMiddleware):
    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        return super().__call__(request)


class NamedDeviceTokenForm(TokenForm):
    def _chosen_device(self, user):
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-last_used_at", "pk"))
        if len(devices) <= 1:
            return devices[0] if devices else None
        token = self.cleaned_data.get("otp_token", "")
        for device in devices:
            # Compare without recording anything: only the chosen device counts the attempt.
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            if token.isdigit() and totp.verify(int(token), device.tolerance, device.last_t + 1):
                return device
        return devices[0]


class SecondFactorView(LoginView):
    form_class = NamedDeviceTokenForm
