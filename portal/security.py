"""Content-Security-Policy scoped by path: strict for the public site, looser for the Wagtail admin."""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware, PolicyParts


class ScopedCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY under ADMIN_CSP_PREFIXES.

    The admin needs inline scripts and styles (Wagtail's own templates) and a same-origin frame for
    previews; the public pages need neither, and keep the strict CONTENT_SECURITY_POLICY.

    The policies are fixed by the settings, so their headers are built once per kind of path and copied
    onto each response, unless a response or request brings its own (django-csp's decorators, a nonce):
    building them took a third of a trivial response's time.
    """

    _headers = {}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self._is_admin(request):
            return PolicyParts(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], parts.update, parts.replace, parts.nonce)
        return parts

    @staticmethod
    def _is_admin(request):
        return request.path_info.startswith(tuple(settings.ADMIN_CSP_PREFIXES))

    def process_response(self, request, response):
        own = getattr(request, "_csp_nonce", None) is not None or any(name.startswith("_csp") for name in vars(response))
        if own or settings.DEBUG:
            return super().process_response(request, response)
        kind = self._is_admin(request)
        if kind not in self._headers:
            built = super().process_response(request, HttpResponse())
            self._headers[kind] = [(name, built[name]) for name in (HEADER, HEADER_REPORT_ONLY) if name in built]
        for name, value in self._headers[kind]:
            if name not in response:
                response[name] = value
        return response


@receiver(setting_changed)
def _policies_changed(setting, **kwargs):
    if "CONTENT_SECURITY_POLICY" in setting or setting in ("ADMIN_CSP_PREFIXES", "DEBUG"):
        ScopedCSPMiddleware._headers.clear()
