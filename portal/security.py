"""Content-Security-Policy scoped by path: strict for the public site, looser for the Wagtail admin."""

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts


class ScopedCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY under ADMIN_CSP_PREFIXES.

    The admin needs inline scripts and styles (Wagtail's own templates) and a same-origin frame for
    previews; the public pages need neither, and keep the strict CONTENT_SECURITY_POLICY.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(tuple(settings.ADMIN_CSP_PREFIXES)):
            return PolicyParts(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], parts.update, parts.replace, parts.nonce)
        return parts
