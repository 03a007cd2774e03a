"""Sending SMS through a small backend interface, chosen by settings.SMS_BACKEND.

console (default) writes messages to the log, locmem keeps them in ``outbox`` for tests, and
KavenegarBackend calls one real provider's HTTP API with the key in settings.SMS_API_KEY.
"""

import json
import logging
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)
outbox = []


class BaseBackend:
    def send(self, mobile, text):
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    def send(self, mobile, text):
        logger.info("SMS to %s: %s", mobile, text)
        print(f"[SMS → {mobile}] {text}")


class LocmemBackend(BaseBackend):
    def send(self, mobile, text):
        outbox.append({"to": mobile, "text": text})


class KavenegarBackend(BaseBackend):
    url = "https://api.kavenegar.com/v1/{key}/sms/send.json"

    def send(self, mobile, text):
        data = urllib.parse.urlencode({"receptor": mobile, "message": text, "sender": settings.SMS_SENDER}).encode()
        request = urllib.request.Request(self.url.format(key=settings.SMS_API_KEY), data=data, method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            body = json.loads(response.read().decode())
        if body.get("return", {}).get("status") != 200:
            raise RuntimeError(f"SMS provider refused the message: {body.get('return')}")


def get_backend():
    return import_string(settings.SMS_BACKEND)()


def send_sms(mobile, text):
    get_backend().send(mobile, text)
