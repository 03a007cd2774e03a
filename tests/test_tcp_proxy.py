"""The TCP proxy that the service outage tests put between the app server and PostgreSQL or Redis."""

import socket
import socketserver
import threading

import pytest

from tests.tcp_proxy import TcpProxy


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        while data := self.request.recv(1024):
            self.request.sendall(data)


@pytest.fixture
def echo_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address
    server.shutdown()
    server.server_close()


def roundtrip(port, payload=b"salam"):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(payload)
        return sock.recv(1024)


def test_proxy_forwards_cuts_and_restores(echo_server):
    with TcpProxy(*echo_server) as proxy:
        assert roundtrip(proxy.port) == b"salam"

        held = socket.create_connection(("127.0.0.1", proxy.port), timeout=5)
        held.sendall(b"a")
        assert held.recv(10) == b"a"

        proxy.cut()
        # The open connection is dropped and new ones are refused, as when the service goes away.
        assert held.recv(10) == b""
        held.close()
        with pytest.raises(ConnectionRefusedError):
            roundtrip(proxy.port)

        port = proxy.port
        proxy.restore()
        assert proxy.port == port
        assert roundtrip(proxy.port, b"again") == b"again"
