"""gunicorn settings for production: `gunicorn -c site/gunicorn.conf.py portal.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual rule of thumb: two workers per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 20
# Workers are replaced now and then (a slow leak stays bounded); bench/run turns this off (0) so that a
# replacement does not fall inside one figure and cut its keep-alive connections.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# The application is imported once, in the master: a worker that max_requests retires is replaced by a fork
# in milliseconds instead of a second of imports, and the workers share the imported code's memory.
preload_app = True
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
