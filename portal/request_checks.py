"""Requests refused before anything reads them.

A form body is always UTF-8 (the HTML standard sends it so; RFC 1866 says urlencoded has no charset).
Django refuses an urlencoded body that declares another charset only when something first reads
``request.POST`` -- the CSRF middleware, and then again the error page it renders -- which ended in an
English 500 after a cascade of tracebacks. Here such a request gets the Persian 400 page at once.
"""

from .views import render_error_page

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


class FormBodyEncodingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        encoding = request.encoding
        # The same test Django applies when it parses the body (HttpRequest._load_post_and_files).
        if request.content_type == FORM_CONTENT_TYPE and encoding is not None and encoding.lower() != "utf-8":
            # Not views.bad_request: its CSRF decorator would read the body this refuses.
            return render_error_page(request, "400.html", 400)
        return self.get_response(request)
