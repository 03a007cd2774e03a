"""The visitor's address behind our own reverse proxy, for per-IP rate limits.

Behind nginx every request comes from the proxy's address, which would make a per-IP limit one
limit for the whole site. The proxy's X-Real-IP is believed only when the request really comes from
an address listed in TRUSTED_PROXIES; otherwise a client could choose its own address.
"""

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    if remote in settings.TRUSTED_PROXIES:
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        if forwarded:
            return forwarded
    return remote or "0.0.0.0"
