"""Monthly reports as PDF files, rendered on the server by WeasyPrint from the kept report.

A report's PDF is made once, when the report is made (or on its first download for reports made
before), and stored with it (MonthlyReport.pdf): a kept report never changes, so neither does its PDF.
A province's month is the stored PDFs of its reports joined page by page, so it costs no rendering.

The PDF is made from the same template as the printable page (reports/print.html, print media), from the
figures kept in MonthlyReport.figures, so rendering a report again later gives the same figures.

Nothing is fetched from the network: the page is rendered against an origin that does not exist
(``ORIGIN``), and the URL fetcher answers only for static files under STATIC_URL on that origin, read
from the disk (the Vazirmatn files the project serves, the report stylesheets). Every other address — a
web address, a file:// path, anything a staff member might manage to put in a report — is refused, so
rendering a report cannot be used to reach other machines or read other files.
"""

import io
import logging
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from pypdf import PdfWriter
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)
# The printable page's shared stylesheets use logical properties WeasyPrint does not read (report-pdf.css
# gives it physical ones); without this every PDF would log dozens of "unknown property" warnings.
logging.getLogger("weasyprint").setLevel(logging.ERROR)

# A reserved top-level domain (RFC 2606): never resolvable, so a mistake cannot reach the network.
ORIGIN = "https://report.invalid"


class Refused(ValueError):
    """An address the PDF renderer will not fetch."""


def static_file(url):
    """The local path of a static file named by ``url`` on ORIGIN, or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != ORIGIN:
        return None
    static_url = urlsplit(settings.STATIC_URL).path
    if not parts.path.startswith(static_url):
        return None
    name = unquote(parts.path[len(static_url) :])
    if not name or ".." in name.split("/"):
        return None
    # Collected files first (the hashed names production's manifest storage hands out), then the finders.
    try:
        if staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
    except (NotImplementedError, ValueError):
        pass
    return finders.find(name)


class StaticOnlyFetcher(URLFetcher):
    """Serves the project's own static files from the disk and refuses everything else."""

    def fetch(self, url, headers=None):
        path = static_file(url)
        if path is None:
            logger.warning("PDF report: refused to fetch %s", url[:200])
            raise Refused(f"not a local static file: {url[:200]}")
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def render(reports, title, request=None):
    """The PDF (bytes) of one kept report or of several printed together."""
    html = render_to_string(
        "reports/print.html", {"reports": reports, "title": title, "print_mode": True, "pdf": True}, request=request
    )
    document = HTML(string=html, base_url=f"{ORIGIN}/", url_fetcher=StaticOnlyFetcher())
    return document.write_pdf()


def stored(report, request=None):
    """The report's PDF (bytes): the stored file, or rendered now and stored."""
    if report.pdf:
        with report.pdf.open("rb") as handle:
            return handle.read()
    content = render([report], str(report), request)
    name = f"monthly-report-{report.year}-{report.month:02d}-{report.neighborhood_id}-{report.pk}.pdf"
    report.pdf.save(name, ContentFile(content), save=False)
    type(report).objects.filter(pk=report.pk).update(pdf=report.pdf.name)
    return content


def store_quietly(report, request=None):
    """Make and store a new report's PDF; a failure is logged and left to the first download."""
    try:
        stored(report, request)
    except Exception:  # the report itself is kept either way
        logger.exception("PDF report: could not render report %s", report.pk)


def together(reports, title, request=None):
    """Several reports in one PDF: their stored PDFs one after the other."""
    if len(reports) == 1:
        return stored(reports[0], request)
    writer = PdfWriter()
    for report in reports:
        writer.append(io.BytesIO(stored(report, request)))
    writer.add_metadata({"/Title": title})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
