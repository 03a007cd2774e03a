"""A local HTTPS server for fakes of outside services (the SMS provider): a certificate made by openssl for
the run, and a threading server that does each TLS handshake in the connection's own thread, so a stuck
client cannot stall accept(). Used by tests/test_sms_provider.py and bench/alerts_sending.py."""

import json
import subprocess
import urllib.parse
from http.server import ThreadingHTTPServer


def make_certificate(folder):
    """A throw-away certificate for 127.0.0.1 in ``folder``: (cert path, key path)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=30,
    )
    return cert, key


def form_of(handler):
    """The form-encoded body of a request, one value a name."""
    body = handler.rfile.read(int(handler.headers.get("Content-Length", 0))).decode("utf-8")
    return {name: values[-1] for name, values in urllib.parse.parse_qs(body, keep_blank_values=True).items()}


def answer(handler, status, reply=None, payload=None):
    """A JSON answer (or ``payload`` bytes as they are) with its length, so a kept-alive connection goes on."""
    if payload is None:
        payload = json.dumps(reply, ensure_ascii=False).encode("utf-8")
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


class TlsServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, handler, context, socket_seconds):
        super().__init__(address, handler)
        self.context = context
        self.socket_seconds = socket_seconds

    def finish_request(self, request, client_address):
        request.settimeout(self.socket_seconds)
        super().finish_request(self.context.wrap_socket(request, server_side=True), client_address)

    def handle_error(self, request, client_address):
        pass  # clients that time out or hang up are part of what the fakes are for
