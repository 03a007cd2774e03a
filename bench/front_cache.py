"""A page served by nginx's proxy cache, configured as site/ configures it, against the trivial view
served by gunicorn, both measured with the same client in the same run.

nginx runs unprivileged-style from a temporary directory (its own pid, logs, temp and cache paths) on a
free 127.0.0.1 port, in front of the gunicorn that bench/run started, and is stopped when the figure is
taken. The http-context part (site/nginx-mahalle.conf: upstream, maps, proxy_cache_path) and the
`location /` block of site/mahalle_locations (proxy_cache, key, bypass on a session cookie…) are
copied; TLS, static files and the other locations are left out. Skipped, with the reason, when nginx is not installed.

The client is ApacheBench (`ab -k`, apache2-utils) when it is installed, since a Python client cannot
ask fast enough to tell nginx's rate from its own; otherwise the Python client of load.py, and the
figure then says how it was measured.
"""

import pathlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

SITE = pathlib.Path(__file__).resolve().parent.parent / "site"
CONCURRENCY = 4


def nginx_binary():
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if pathlib.Path(p).exists()), None)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def block(text, opening):
    """The text inside the braces of the last block that starts with ``opening``."""
    start = text.rindex(opening) + len(opening)
    depth, index = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        index += 1
    return text[start : index - 1]


def config(work, app_port, port):
    params = work / "mahalle_proxy_params"
    params.write_text((SITE / "mahalle_proxy_params").read_text())
    http_part = (SITE / "nginx-mahalle.conf").read_text()
    http_part = http_part.replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
    http_part = re.sub(r"proxy_cache_path \S+", f"proxy_cache_path {work / 'cache'}", http_part)
    locations = (SITE / "mahalle_locations").read_text()
    location = block(locations, "location / {").replace("/etc/nginx/mahalle_proxy_params", str(params))
    for name in ("cache", "temp"):
        (work / name).mkdir(mode=0o777)
        (work / name).chmod(0o777)  # workers drop to an unprivileged user when nginx starts as root
    return f"""
daemon off;
worker_processes 1;
pid {work / 'nginx.pid'};
error_log {work / 'error.log'} warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {work / 'temp'}/body;
    proxy_temp_path {work / 'temp'}/proxy;
    fastcgi_temp_path {work / 'temp'}/fastcgi;
    uwsgi_temp_path {work / 'temp'}/uwsgi;
    scgi_temp_path {work / 'temp'}/scgi;
{http_part}
    server {{
        listen 127.0.0.1:{port};
        server_name mahalle.example.ir;
        location / {{
{location}
        }}
    }}
}}
"""


def ab(port, path, requests, time_limit):
    """(requests per second, p50 ms, p95 ms, failed) from ApacheBench with keep-alive."""
    out = subprocess.run(
        # -r: go on past a reset connection (gunicorn recycles a worker every max_requests).
        ["ab", "-k", "-r", "-q", "-t", str(time_limit), "-n", str(requests), "-c", str(CONCURRENCY), "-H",
         "Host: mahalle.example.ir", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, timeout=time_limit + 30, check=True,
    ).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
    exceptions = re.search(r"Exceptions:\s+(\d+)", out)
    failed += int(exceptions.group(1)) if exceptions else 0
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    percentiles = dict(re.findall(r"^\s+(\d+)%\s+(\d+)", out, re.M))
    return {"rps": rps, "p50_ms": float(percentiles.get("50", "nan")), "p95_ms": float(percentiles.get("95", "nan")),
            "failed": failed + (int(non_2xx.group(1)) if non_2xx else 0), "client": "ab -k"}


def python_client(port, path, requests, time_limit):
    from load import get, run

    figures = run(port, get(path, {"Host": "mahalle.example.ir"}), CONCURRENCY, requests // CONCURRENCY, time_limit)
    return {**figures, "client": "python (load.py): the client, not nginx, bounds this figure"}


def measure(app_port, path, requests=20000, time_limit=20):
    binary = nginx_binary()
    if binary is None:
        return {"skipped": "nginx is not installed (Debian: apt-get install nginx-light)"}
    client = ab if shutil.which("ab") else python_client
    work = pathlib.Path(tempfile.mkdtemp(prefix="mahalle-nginx-"))
    work.chmod(0o755)
    port = free_port()
    (work / "nginx.conf").write_text(config(work, app_port, port))
    server = subprocess.Popen([binary, "-p", str(work), "-c", str(work / "nginx.conf")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        cache_status = None
        for _ in range(50):
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": "mahalle.example.ir"})
                with urllib.request.urlopen(request, timeout=10) as response:
                    cache_status = response.headers.get("X-Proxy-Cache")
                    if cache_status == "HIT":
                        break
            except OSError:
                if server.poll() is not None:
                    return {"skipped": f"nginx did not start: {server.stderr.read().decode()[-300:]}"}
            time.sleep(0.1)
        trivial = client(app_port, "/bench/trivial/", requests // 4, time_limit)
        cached = client(port, path, requests, time_limit)
        return {
            "path": path,
            "cache status after warm-up": cache_status,
            "trivial view (gunicorn)": trivial,
            "page from the nginx cache": cached,
            "ratio": cached["rps"] / trivial["rps"] if trivial["rps"] else float("nan"),
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
