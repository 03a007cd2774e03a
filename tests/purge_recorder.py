"""A tiny HTTP server that records PURGE requests, standing in for nginx/Varnish/a CDN."""

import http.server
import threading


class PurgeRecorder:
    def __init__(self):
        self.requests = []  # (host header, path)
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
                recorder.requests.append((self.headers.get("Host"), self.path))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def paths(self):
        from urllib.parse import unquote

        return {unquote(path) for _host, path in self.requests}
