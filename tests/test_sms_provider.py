"""The SMS backends, and KavenegarBackend against a local fake of Kavenegar's HTTPS API.

The fake is a real HTTPS server on 127.0.0.1 with a certificate made by openssl for the test run; requests
trusts it through REQUESTS_CA_BUNDLE, so the kavenegar package's own https:// URL, headers and form
encoding are what is exercised. Nothing leaves the machine.
"""

import signal
import socket
import ssl
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

import pytest

from forms import sms
from tests.tls_fake import TlsServer, answer, form_of, make_certificate

API_KEY = "test-key-6B7A"
SENDER = "10004346"
PERSIAN = "درخواست ۱۲۳ شما ثبت شد؛ کد پیگیری: ۴۵۶۷۸۹ — «محله»"
TEST_SECONDS = 20


@pytest.fixture(autouse=True)
def time_limit():
    """Fails a test that runs longer than TEST_SECONDS instead of hanging the run."""

    def expire(signum, frame):
        raise TimeoutError(f"test ran longer than {TEST_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TEST_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def locmem_state():
    def clear():
        sms.outbox.clear()
        sms.statuses_set.clear()
        sms.inbox.clear()
        sms.fail_next.clear()

    clear()
    yield
    clear()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return make_certificate(tmp_path_factory.mktemp("fake-kavenegar"))


class FakeKavenegar:
    """What Kavenegar does with sms/send, sms/status and sms/receive, kept in memory."""

    def __init__(self):
        self.calls = []  # (method, params) in arrival order
        self.delivered = []  # messages actually "sent" to a handset
        self.by_localid = {}
        self.status_codes = {}  # message id -> Kavenegar status code
        self.inbox = []  # {"sender", "message", "read"}
        self.error = None  # (return.status, message, HTTP status) for the next calls
        self.raw = None  # (HTTP status, body bytes) instead of a reply built here
        self.hang = False  # read the request, then say nothing
        self.release = threading.Event()
        self.next_id = 707001

    def handle(self, path, params):
        parts = path.strip("/").split("/")
        if len(parts) != 4 or parts[0] != "v1" or parts[2] != "sms" or not parts[3].endswith(".json"):
            return 404, {"return": {"status": 404, "message": "متد نامشخص است"}, "entries": None}
        if parts[1] != API_KEY:
            return 403, {"return": {"status": 403, "message": "کد شناسائی API-Key معتبر نمیباشد"}, "entries": None}
        method = parts[3][: -len(".json")]
        self.calls.append((method, params))
        if self.error:
            status, message, http_status = self.error
            return http_status, {"return": {"status": status, "message": message}, "entries": None}
        return 200, {"return": {"status": 200, "message": "تایید شد"}, "entries": getattr(self, method)(params)}

    def send(self, params):
        localid = params.get("localid")
        if localid and localid in self.by_localid:
            return [self.by_localid[localid]]
        entry = {
            "messageid": self.next_id, "message": params["message"], "status": 1, "statustext": "در صف ارسال",
            "sender": params.get("sender", ""), "receptor": params["receptor"], "date": 1767225600, "cost": 1170,
        }
        self.next_id += 1
        self.delivered.append(params)
        if localid:
            self.by_localid[localid] = entry
        return [entry]

    def status(self, params):
        return [
            {"messageid": int(message_id), "status": self.status_codes.get(int(message_id), 100), "statustext": ""}
            for message_id in params["messageid"].split(",")
        ]

    def receive(self, params):
        if params.get("linenumber") != SENDER or params.get("isread") != "0":
            return []
        unread = [entry for entry in self.inbox if not entry["read"]]
        for entry in unread:
            entry["read"] = True
        return [
            {"messageid": 9000 + number, "message": entry["message"], "sender": entry["sender"],
             "receptor": SENDER, "date": 1767225600}
            for number, entry in enumerate(unread)
        ]


def handler_for(fake):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            status, reply = fake.handle(urllib.parse.urlsplit(self.path).path, form_of(self))
            if fake.hang:  # the request is carried out; only the answer never comes
                fake.release.wait(TEST_SECONDS + 10)  # outlasts the test's own limit
                return
            if fake.raw:
                answer(self, fake.raw[0], payload=fake.raw[1])
            else:
                answer(self, status, reply)

        def log_message(self, format, *args):
            pass

    return Handler


@pytest.fixture
def provider(certificate, settings, monkeypatch):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    fake = FakeKavenegar()
    server = TlsServer(("127.0.0.1", 0), handler_for(fake), context, TEST_SECONDS)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    settings.SMS_BACKEND = "forms.sms.KavenegarBackend"
    settings.SMS_API_KEY = API_KEY
    settings.SMS_SENDER = SENDER
    settings.SMS_API_HOST = f"127.0.0.1:{server.server_address[1]}"
    settings.SMS_TIMEOUT = 3
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- sending -------------------------------------------------------------------------------------------


def test_send_reaches_the_provider_with_every_field_and_returns_its_id(provider):
    message_id = sms.KavenegarBackend().send("09121234567", PERSIAN, local_id="d123")

    assert message_id == "707001"
    assert provider.calls == [
        ("send", {"receptor": "09121234567", "message": PERSIAN, "sender": SENDER, "localid": "d123"})
    ]


def test_send_sms_uses_the_configured_backend(provider):
    assert sms.send_sms("09121234567", "سلام") == "707001"
    assert [params["message"] for params in provider.delivered] == ["سلام"]


def test_without_a_local_id_none_is_sent(provider):
    sms.KavenegarBackend().send("09121234567", "سلام")
    assert "localid" not in provider.calls[0][1]


def test_the_same_local_id_twice_is_delivered_once_and_gives_the_same_id(provider):
    backend = sms.KavenegarBackend()
    first = backend.send("09121234567", PERSIAN, local_id="d123")
    again = backend.send("09121234567", PERSIAN, local_id="d123")
    other = backend.send("09121234567", PERSIAN, local_id="d124")

    assert first == again != other
    assert len(provider.calls) == 3 and [params["localid"] for params in provider.delivered] == ["d123", "d124"]


def test_a_retry_after_an_unanswered_send_does_not_send_twice(provider, settings):
    settings.SMS_TIMEOUT = 1
    provider.hang = True
    with pytest.raises(sms.SmsError):
        sms.KavenegarBackend().send("09121234567", PERSIAN, local_id="d9")
    provider.hang = False

    assert sms.KavenegarBackend().send("09121234567", PERSIAN, local_id="d9") == "707001"
    assert len(provider.calls) == 2 and len(provider.delivered) == 1


@pytest.mark.parametrize("code", [411, 413, 422, 424])
def test_a_refused_message_is_permanent(provider, code):
    provider.error = (code, "شماره گیرنده نامعتبر است", 400)
    with pytest.raises(sms.SmsRefused) as refused:
        sms.KavenegarBackend().send("0912", PERSIAN, local_id="d1")
    assert refused.value.code == code and str(code) in str(refused.value)


@pytest.mark.parametrize(
    "code, http_status",
    [(418, 402), (500, 500), (409, 409), (429, 429), (403, 403), (412, 400), (999, 200)],
)
def test_provider_errors_that_may_pass_are_transient(provider, code, http_status):
    provider.error = (code, "اعتبار کافی نیست", http_status)
    with pytest.raises(sms.SmsError) as failed:
        sms.KavenegarBackend().send("09121234567", PERSIAN)
    assert not isinstance(failed.value, sms.SmsRefused) and failed.value.code == code


@pytest.mark.parametrize(
    "status, body",
    [
        (502, b"<html><body>502 Bad Gateway</body></html>"),
        (200, b"not json at all"),
        (200, b'{"entries": []}'),
        (200, b"[1, 2]"),
        (200, b'{"return": {"status": 200, "message": "ok"}, "entries": []}'),
        (200, b"\xff\xfe\xfa"),
    ],
)
def test_a_garbled_reply_is_transient(provider, status, body):
    provider.raw = (status, body)
    with pytest.raises(sms.SmsError) as failed:
        sms.KavenegarBackend().send("09121234567", PERSIAN, local_id="d5")
    assert not isinstance(failed.value, sms.SmsRefused)


def test_connection_refused_is_transient_and_does_not_leak_the_key(provider, settings):
    settings.SMS_API_HOST = f"127.0.0.1:{free_port()}"
    with pytest.raises(sms.SmsError) as failed:
        sms.KavenegarBackend().send("09121234567", PERSIAN)
    assert not isinstance(failed.value, sms.SmsRefused)
    assert "/v1/<key>/sms/send.json" in str(failed.value) and API_KEY not in str(failed.value)
    assert failed.value.__cause__ is None and failed.value.__suppress_context__


def test_an_untrusted_certificate_is_refused_by_requests(provider, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    with pytest.raises(sms.SmsError, match="CERTIFICATE_VERIFY_FAILED"):
        sms.KavenegarBackend().send("09121234567", PERSIAN)
    assert provider.calls == []


def test_a_server_that_never_answers_times_out(provider, settings):
    settings.SMS_TIMEOUT = 1
    provider.hang = True
    started = time.monotonic()
    with pytest.raises(sms.SmsError, match="(?i)timed out"):
        sms.KavenegarBackend().send("09121234567", PERSIAN, local_id="d7")
    assert time.monotonic() - started < 5
    assert [method for method, params in provider.calls] == ["send"]


def test_a_listener_that_never_speaks_tls_times_out(provider, settings):
    settings.SMS_TIMEOUT = 1
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # connections queue up; nobody accepts them or answers the TLS hello
        settings.SMS_API_HOST = f"127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        with pytest.raises(sms.SmsError):
            sms.KavenegarBackend().send("09121234567", PERSIAN)
        assert time.monotonic() - started < 5


def test_the_timeout_stays_inside_the_backend(provider, settings):
    settings.SMS_TIMEOUT = 1
    sms.KavenegarBackend().send("09121234567", PERSIAN)
    assert socket.getdefaulttimeout() is None


def test_api_exception_codes_are_read_from_bytes_or_text():
    from kavenegar import APIException

    assert sms._api_code(APIException("APIException[411] گیرنده نامعتبر".encode()))[0] == 411
    assert sms._api_code(APIException("APIException[ 418 ] no credit"))[0] == 418
    assert sms._api_code(APIException(b"\xffAPIException[607]"))[0] == 607
    assert sms._api_code(APIException(b"something else"))[0] is None


# --- delivery statuses ---------------------------------------------------------------------------------


def test_statuses_map_kavenegar_codes(provider):
    codes = {1: 1, 2: 2, 3: 4, 4: 5, 5: 10, 6: 6, 7: 11, 8: 13, 9: 14, 11: 50, 12: 0}
    provider.status_codes = codes

    statuses = sms.KavenegarBackend().statuses([str(message_id) for message_id in [*codes, 10]])

    assert statuses == {
        "1": "pending", "2": "pending", "3": "pending", "4": "pending",
        "5": "delivered",
        "6": "failed", "7": "failed", "8": "failed", "9": "failed", "10": "failed", "11": "failed", "12": "failed",
    }
    assert provider.calls == [("status", {"messageid": "1,2,3,4,5,6,7,8,9,11,12,10"})]


def test_statuses_ask_at_most_500_ids_at_a_time(provider):
    provider.status_codes = {message_id: 10 for message_id in range(1, 1202)}
    statuses = sms.KavenegarBackend().statuses(list(range(1, 1202)) + [7, "7"])

    assert len(statuses) == 1201 and set(statuses.values()) == {"delivered"}
    assert [len(params["messageid"].split(",")) for method, params in provider.calls] == [500, 500, 201]


def test_statuses_of_nothing_asks_nothing(provider):
    assert sms.KavenegarBackend().statuses([]) == {}
    assert provider.calls == []


def test_statuses_leave_out_ids_the_provider_does_not_mention(provider, monkeypatch):
    monkeypatch.setattr(provider, "status", lambda params: [{"messageid": 5, "status": 10}, {"bogus": 1}])
    assert sms.KavenegarBackend().statuses(["5", "6"]) == {"5": "delivered"}


def test_statuses_failing_is_transient(provider):
    provider.error = (500, "خطای سرور", 500)
    with pytest.raises(sms.SmsError):
        sms.KavenegarBackend().statuses(["1"])


# --- replies -------------------------------------------------------------------------------------------


def test_replies_normalise_senders_and_are_read_once(provider):
    provider.inbox = [
        {"sender": "989121234567", "message": "بله، می‌آیم", "read": False},
        {"sender": "+989351112233", "message": "لغو ۱۱", "read": False},
        {"sender": "9121110000", "message": "ok", "read": False},
        {"sender": "00989120000001", "message": "سلام", "read": False},
        {"sender": "09120000002", "message": "خیر", "read": False},
        {"sender": "982188776655", "message": "landline", "read": False},
        {"sender": "old", "message": "read before", "read": True},
    ]
    backend = sms.KavenegarBackend()

    assert backend.replies() == [
        ("09121234567", "بله، می‌آیم"),
        ("09351112233", "لغو ۱۱"),
        ("09121110000", "ok"),
        ("09120000001", "سلام"),
        ("09120000002", "خیر"),
        ("982188776655", "landline"),
    ]
    assert backend.replies() == []
    assert provider.calls == [("receive", {"linenumber": SENDER, "isread": "0"})] * 2


def test_replies_failing_is_transient(provider):
    provider.error = (418, "اعتبار کافی نیست", 402)
    with pytest.raises(sms.SmsError):
        sms.KavenegarBackend().replies()


@pytest.mark.parametrize(
    "number, mobile",
    [("989121234567", "09121234567"), ("+98 912 123 4567", "09121234567"), ("9121234567", "09121234567"),
     ("09121234567", "09121234567"), ("00989121234567", "09121234567"), ("3000", "3000")],
)
def test_normalise_mobile(number, mobile):
    assert sms.normalise_mobile(number) == mobile


# --- console and locmem --------------------------------------------------------------------------------


def test_console_prints_and_answers_for_everything(capsys, caplog):
    backend = sms.ConsoleBackend()
    with caplog.at_level("INFO", logger="forms.sms"):
        first = backend.send("09121234567", PERSIAN, local_id="d1")
        second = backend.send("09121234567", "دوم")

    assert first.startswith("console-") and second.startswith("console-") and first != second
    assert f"[SMS → 09121234567] {PERSIAN}" in capsys.readouterr().out
    assert PERSIAN in caplog.text
    assert backend.statuses([first, "x"]) == {first: "delivered", "x": "delivered"}
    assert backend.replies() == []


def test_locmem_keeps_the_outbox_and_dedupes_local_ids(settings):
    settings.SMS_BACKEND = "forms.sms.LocmemBackend"
    first = sms.send_sms("09121234567", PERSIAN)
    second = sms.send_sms("09120000000", "دوم", local_id="d2")
    again = sms.send_sms("09120000000", "دوم", local_id="d2")

    assert second == again != first
    assert sms.outbox == [
        {"to": "09121234567", "text": PERSIAN, "id": first, "local_id": None},
        {"to": "09120000000", "text": "دوم", "id": second, "local_id": "d2"},
    ]


def test_locmem_fail_next_raises_once_then_sends():
    backend = sms.LocmemBackend()
    sms.fail_next.extend([sms.SmsError("busy"), sms.SmsRefused("bad number")])

    with pytest.raises(sms.SmsError, match="busy"):
        backend.send("09121234567", "x", local_id="d1")
    with pytest.raises(sms.SmsRefused):
        backend.send("09121234567", "x", local_id="d1")
    message_id = backend.send("09121234567", "x", local_id="d1")

    assert sms.fail_next == [] and [message["id"] for message in sms.outbox] == [message_id]


def test_locmem_statuses_and_inbox():
    backend = sms.LocmemBackend()
    first, second = backend.send("09121234567", "a"), backend.send("09121234567", "b")
    sms.statuses_set[second] = "failed"
    sms.inbox.extend([("989121234567", "بله"), ("09120000000", "خیر")])

    assert backend.statuses([first, second]) == {first: "delivered", second: "failed"}
    assert backend.replies() == [("09121234567", "بله"), ("09120000000", "خیر")]
    assert backend.replies() == [] and sms.inbox == []
