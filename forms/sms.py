"""Sending SMS through a small backend interface, chosen by settings.SMS_BACKEND.

console (default) writes messages to the log, locmem keeps them in module-level lists for tests, and
KavenegarBackend talks to Kavenegar through its own client package (``kavenegar``), with the key in
settings.SMS_API_KEY and the line number in settings.SMS_SENDER.

Every backend offers the same three calls: ``send`` (returns the provider's message id), ``statuses``
(delivery state of earlier sends) and ``replies`` (messages residents sent to our line). Failures are
``SmsError`` when trying again later may work, ``SmsRefused`` when it never will.
"""

import itertools
import json
import logging
import re

import requests
from django.conf import settings
from django.utils.module_loading import import_string
from kavenegar import APIException, HTTPException, KavenegarAPI

from portal.outage import ServiceDown

logger = logging.getLogger(__name__)

# LocmemBackend's state, read and filled by tests.
outbox = []  # {"to", "text", "id", "local_id"} per message handed to the "provider"
statuses_set = {}  # message id -> "pending" | "delivered" | "failed"; ids not here are "delivered"
inbox = []  # (mobile, text) replies waiting to be read; replies() empties it
fail_next = []  # exception instances; each send() raises the first one instead of sending

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"


class SmsError(ServiceDown):
    """The message may not have been sent; trying again later (with the same local id) may work. A request
    that needed it answers the Persian 503 («try again shortly»), never a 500."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


class SmsRefused(SmsError):
    """The provider will never send this message as it stands (bad number, bad text): do not retry."""


def normalise_mobile(number):
    """An Iranian mobile number as 09xxxxxxxxx, from the 989…, +989…, 00989… or 9… forms providers use.

    Anything that is not a mobile number (a landline, a short code) comes back unchanged.
    """
    digits = re.sub(r"\D", "", str(number))
    for prefix in ("0098", "98", "0"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 10:
            digits = digits[len(prefix):]
            break
    if len(digits) == 10 and digits.startswith("9"):
        return "0" + digits
    return str(number).strip()


class BaseBackend:
    def send(self, mobile, text, local_id=None):
        """Send one message and return the provider's id for it (a str).

        ``local_id`` is our own id for the message; a provider that has seen it already sends nothing and
        answers with the earlier message's id, so a retry after an unknown outcome never sends twice.
        """
        raise NotImplementedError

    def statuses(self, message_ids):
        """{message_id: "pending" | "delivered" | "failed"} for the ids the provider reports on."""
        raise NotImplementedError

    def replies(self):
        """Messages received on our line and not read before, as [(mobile "09…", text)]; reading marks them read."""
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    _numbers = itertools.count(1)

    def send(self, mobile, text, local_id=None):
        logger.info("SMS to %s: %s", mobile, text)
        print(f"[SMS → {mobile}] {text}")
        return f"console-{next(self._numbers)}"

    def statuses(self, message_ids):
        return {str(message_id): DELIVERED for message_id in message_ids}

    def replies(self):
        return []


class LocmemBackend(BaseBackend):
    _numbers = itertools.count(1)

    def send(self, mobile, text, local_id=None):
        if fail_next:
            raise fail_next.pop(0)
        if local_id is not None:
            for message in outbox:
                if message["local_id"] == local_id:
                    return message["id"]
        message_id = f"locmem-{next(self._numbers)}"
        outbox.append({"to": mobile, "text": text, "id": message_id, "local_id": local_id})
        return message_id

    def statuses(self, message_ids):
        return {str(message_id): statuses_set.get(str(message_id), DELIVERED) for message_id in message_ids}

    def replies(self):
        received = [(normalise_mobile(mobile), text) for mobile, text in inbox]
        inbox.clear()
        return received


class BoundedKavenegarAPI(KavenegarAPI):
    """Kavenegar's client, with every request given up after ``timeout`` seconds.

    kavenegar 1.1.2 calls requests.post without a timeout, so a provider that accepts the connection and
    never answers would hold the worker for ever. ``_request`` is the package's only seam for that: this
    repeats it (same URL built from scheme, host, version and key, same headers, same reply envelope, same
    APIException / HTTPException) with a timeout added, and with a reply that is JSON but not the envelope
    raised as HTTPException instead of escaping as a KeyError.
    """

    def __init__(self, apikey, host, timeout):
        super().__init__(apikey)
        self.host = host
        self.timeout = timeout
        # One connection for all the calls of a backend (a batch of messages): a new TCP and TLS handshake
        # per message cost two thirds of a batch's time (bench/alerts_sending.py).
        self.session = requests.Session()

    def _request(self, action, method, params=None):
        url = f"https://{self.host}/{self.version}/{self.apikey}/{action}/{method}.json"
        try:
            content = self.session.post(url, headers=self.headers, data=params or {}, timeout=self.timeout).content
        except requests.exceptions.RequestException as exc:
            raise HTTPException(exc) from exc
        try:
            response = json.loads(content.decode("utf-8"))
            status, message = response["return"]["status"], response["return"]["message"]
        except (ValueError, KeyError, TypeError) as exc:
            raise HTTPException(f"not a Kavenegar reply ({exc.__class__.__name__}): {content[:200]!r}") from exc
        if str(status) != "200":
            raise APIException(f"APIException[{status}] {message}".encode("utf-8"))
        return response.get("entries")


# Kavenegar's return.status codes that mean this request can never succeed as it stands: bad receptor
# (411), empty or too long text (413), too many receptors (414), bad paging (415), bad date (417), array
# lengths differ (419), unusable characters (422), unknown template (424), token not digits / badly formed
# / missing from the template (428, 431, 432), bad tag (607), missing or empty parameters (400, 406).
# Everything else is SmsError, including codes about our account rather than the message (401 disabled,
# 403 bad key, 407/416 IP not allowed, 412 bad sender line, 426 plan lacks the method, 501 demo account):
# refusing would drop every message queued while the configuration is wrong, whereas retrying sends them
# once it is fixed. Those are logged as errors so someone fixes it.
REFUSED_CODES = frozenset({400, 406, 411, 413, 414, 415, 417, 419, 422, 424, 428, 431, 432, 607})
ACCOUNT_CODES = frozenset({401, 403, 407, 412, 416, 426, 501})

# Kavenegar's delivery codes (sms/status): 1 queued, 2 scheduled, 4 and 5 handed to the operator → pending;
# 10 delivered to the handset → delivered; 6 failed, 11 not delivered, 13 cancelled, 14 blocked by the
# receiver, 100 unknown message id → failed. Any other code is read as failed rather than left pending
# for ever.
KAVENEGAR_STATUSES = {1: PENDING, 2: PENDING, 4: PENDING, 5: PENDING, 10: DELIVERED}
STATUS_BATCH = 500  # sms/status takes at most 500 ids per call

_API_CODE = re.compile(r"APIException\[\s*(\d+)\s*\]")


def _api_code(exc):
    """The return.status code inside the package's APIException, whose message is bytes (or text)."""
    text = " ".join(arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg) for arg in exc.args)
    match = _API_CODE.search(text)
    return (int(match.group(1)) if match else None), text


class KavenegarBackend(BaseBackend):
    def __init__(self):
        self.api_key = settings.SMS_API_KEY
        self.sender = settings.SMS_SENDER
        self.api = BoundedKavenegarAPI(
            self.api_key,
            host=getattr(settings, "SMS_API_HOST", "api.kavenegar.com"),
            timeout=getattr(settings, "SMS_TIMEOUT", 10),
        )

    def _redact(self, text):
        # The key is part of every URL, and requests repeats the URL in its error messages.
        return text.replace(self.api_key, "<key>") if self.api_key else text

    def _call(self, method, params):
        # Errors are raised "from None": the chained requests exception would carry the key to the logs.
        try:
            return getattr(self.api, method)(params)
        except APIException as exc:
            code, text = _api_code(exc)
            text = self._redact(text)
        except HTTPException as exc:
            raise SmsError(f"Kavenegar {method}: {self._redact(str(exc))}") from None
        if code in REFUSED_CODES:
            raise SmsRefused(f"Kavenegar {method} refused: {text}", code=code) from None
        if code in ACCOUNT_CODES:
            logger.error("Kavenegar rejects the account or line settings (%s): %s", method, text)
        raise SmsError(f"Kavenegar {method}: {text}", code=code) from None

    def send(self, mobile, text, local_id=None):
        params = {"receptor": mobile, "message": text, "sender": self.sender}
        if local_id is not None:
            params["localid"] = str(local_id)
        entries = self._call("sms_send", params)
        try:
            return str(entries[0]["messageid"])
        except (LookupError, TypeError):
            # Accepted, but with no id to follow: resending with the same local id is safe and returns it.
            raise SmsError(f"Kavenegar sms_send: no message id in {entries!r}") from None

    def statuses(self, message_ids):
        ids = list(dict.fromkeys(str(message_id) for message_id in message_ids))
        found = {}
        for start in range(0, len(ids), STATUS_BATCH):
            entries = self._call("sms_status", {"messageid": ",".join(ids[start : start + STATUS_BATCH])}) or []
            for entry in entries:
                try:
                    message_id, code = str(entry["messageid"]), int(entry["status"])
                except (LookupError, TypeError, ValueError):
                    continue
                found[message_id] = KAVENEGAR_STATUSES.get(code, FAILED)
        # An id the provider says nothing about is left out (no news) rather than guessed at.
        return {message_id: found[message_id] for message_id in ids if message_id in found}

    def replies(self):
        entries = self._call("sms_receive", {"linenumber": self.sender, "isread": 0}) or []
        received = []
        for entry in entries:
            try:
                received.append((normalise_mobile(entry["sender"]), str(entry["message"])))
            except (LookupError, TypeError):
                logger.warning("Kavenegar sms_receive: skipped an entry without sender or message: %r", entry)
        return received


def get_backend():
    return import_string(settings.SMS_BACKEND)()


def send_sms(mobile, text, local_id=None):
    return get_backend().send(mobile, text, local_id=local_id)
