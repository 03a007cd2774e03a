"""Monthly reports as PDF files made on the server (reports/pdf.py): the text a reader would copy out of
the PDF (Persian names, the Jalali month, the kept figures, the programmes), the embedded Vazirmatn,
the same scoping as the printable page, and a URL fetcher that reads nothing but our own static files."""

import io
import re

import pytest
from pypdf import PdfReader

from programmes.models import ProgramPage
from reports.models import MonthlyReport
from reports.pdf import ORIGIN, Refused, StaticOnlyFetcher

from .test_reports import MONTHLY, OTHER_SECRET, assert_nothing_of_b, at, client_for, make, submit, world  # noqa: F401

pytestmark = pytest.mark.django_db

COURSE = "کارگاه خیاطی بانوان"
ZWNJ = "\u200c"


def pdf_text(content):
    """The PDF's text as pypdf extracts it, normalised for comparison.

    pypdf gives Persian letters in reading order but a run of digits inside a right-to-left line in
    the order it was drawn (۱۴۰۴ comes out as ۴۰۴۱), and drops the zero-width non-joiner (which has
    no glyph): put digit runs back and compare without ZWNJ.
    """
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub("[۰-۹]+", lambda match: match.group()[::-1], text)


def plain(text):
    return text.replace(ZWNJ, "")


def embedded_fonts(content):
    reader = PdfReader(io.BytesIO(content))
    return {
        str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }


def assert_pdf(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")


def test_the_pdf_of_a_kept_report(world, client):
    w = world
    ProgramPage.objects.filter(pk=w.course.pk).update(title=COURSE)
    c = client_for(client, w.staff_a)
    make(c, w.tree.bagh)
    report = MonthlyReport.objects.get()
    # Its PDF was made with it and is kept with it, where no web server serves files.
    assert report.pdf.name.startswith("private/reports/monthly/")
    kept_pdf = report.pdf.read()
    assert kept_pdf.startswith(b"%PDF-")

    # The printable page offers the PDF, and so does the list of kept reports.
    pdf_url = f"{MONTHLY}{report.pk}/pdf/"
    assert f'href="{pdf_url}"' in c.get(f"{MONTHLY}{report.pk}/").content.decode()
    assert f'href="{pdf_url}"' in c.get(MONTHLY).content.decode()

    # Afterwards the inbox and the programme change; the PDF is made from what was kept.
    submit(w.problem, w.tree.bagh, at(2025, 11, 10, 8, 0), {"topic": "روشنایی"})
    ProgramPage.objects.filter(pk=w.course.pk).update(title="عنوان تازه برنامه")

    response = c.get(pdf_url)
    assert_pdf(response)
    assert response.content == kept_pdf
    assert f"-1404-08-{w.tree.bagh.pk}-{report.pk}.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    lines = text.splitlines()
    assert "دفتر تسهیلگری و توسعه محلی باغ خلج، اراک" in lines
    assert "گزارش ماهانه آبان ۱۴۰۴" in lines
    assert "از ۱ آبان ۱۴۰۴ تا ۳۰ آبان ۱۴۰۴" in lines
    assert plain("همکاری با شهرداری برای روشنایی کوچه‌ها") in lines
    # The kept figures: 5 received (not 6), first response 10 hours, 3 of 4 present.
    assert lines[lines.index("پرونده رسیده در این دوره") - 1] == "۵"
    assert "۱۰ ساعت" in lines
    assert "نرخ حضور (۳ حضور از ۴)" in lines
    assert COURSE in text and "عنوان تازه برنامه" not in text
    assert plain("نیازسنجی ماه (۳ پاسخ‌نامه") in text
    assert embedded_fonts(response.content) == {"Vazirmatn", "Vazirmatn-Bold"}
    # A report kept without its PDF (made before PDFs were stored) gets one rendered from the kept figures
    # on its first download, with the same text, and keeps it.
    MonthlyReport.objects.filter(pk=report.pk).update(pdf="")
    again = c.get(pdf_url)
    assert_pdf(again)
    assert pdf_text(again.content) == text
    report.refresh_from_db()
    assert report.pdf and report.pdf.read() == again.content


def test_another_neighborhoods_pdf_is_refused(world, client):
    w = world
    make(client_for(client, w.staff_b), w.tree.esmaeil, highlights=OTHER_SECRET)
    other = MonthlyReport.objects.get()
    client.logout()
    c = client_for(client, w.staff_a)
    for url, query in (
        (f"{MONTHLY}{other.pk}/pdf/", {}),
        (f"{MONTHLY}999999/pdf/", {}),
        (f"{MONTHLY}province/pdf/", {"province": w.tree.qom.pk, "year": "1404", "month": "8"}),
        (f"{MONTHLY}province/pdf/", {"province": "x", "year": "1404", "month": "8"}),
        (f"{MONTHLY}province/pdf/", {"province": w.tree.markazi.pk, "year": "1404", "month": "13"}),
    ):
        response = c.get(url, query)
        assert response.status_code == 302 and response["Location"] == MONTHLY, url
        assert response["Content-Type"] != "application/pdf"
        followed = c.get(url, query, follow=True)
        assert_nothing_of_b(w, followed)
        assert "پیدا نشد" in followed.content.decode() or "ماه باید" in followed.content.decode()
    client.logout()
    # Nobody signed in is sent to the login page.
    response = client.get(f"{MONTHLY}{other.pk}/pdf/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_coordinators_get_the_province_month_in_one_pdf(world, client):
    w = world
    make(client_for(client, w.staff_a), w.tree.bagh, highlights="نکته باغ خلج")
    client.logout()
    make(client_for(client, w.staff_b), w.tree.esmaeil, highlights=OTHER_SECRET)
    client.logout()
    c = client_for(client, w.coordinator)
    make(c, w.second, highlights="نکته رودکی")
    query = {"province": w.tree.markazi.pk, "year": "۱۴۰۴", "month": "8"}
    page = c.get(f"{MONTHLY}province/", query).content.decode()
    assert f"{MONTHLY}province/pdf/?province={w.tree.markazi.pk}&amp;year=1404&amp;month=8" in page
    response = c.get(f"{MONTHLY}province/pdf/", query)
    assert_pdf(response)
    assert f"-1404-08-province-{w.tree.markazi.pk}.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    lines = text.splitlines()
    assert "دفتر تسهیلگری و توسعه محلی باغ خلج، اراک" in lines and "نکته باغ خلج" in lines
    assert "دفتر تسهیلگری و توسعه محلی رودکی، اراک" in lines and "نکته رودکی" in lines
    assert lines.count("گزارش ماهانه آبان ۱۴۰۴") == 2
    # The province's file is the two kept PDFs one after the other.
    kept = [report.pdf.read() for report in MonthlyReport.objects.filter(neighborhood__in=[w.tree.bagh, w.second])]
    assert len(PdfReader(io.BytesIO(response.content)).pages) == sum(len(PdfReader(io.BytesIO(k)).pages) for k in kept)
    assert OTHER_SECRET not in text and w.tree.esmaeil.title not in text

    # Staff of one neighbourhood of the province get their own report only.
    client.logout()
    text = pdf_text(client_for(client, w.staff_a).get(f"{MONTHLY}province/pdf/", query).content)
    assert "نکته باغ خلج" in text and "نکته رودکی" not in text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/admin/",
        "https://example.com/static/css/fonts.css",
        "file:///etc/passwd",
        "ftp://127.0.0.1/",
        "data:text/css,body{}",
        f"{ORIGIN}/admin/reports/",
        f"{ORIGIN}/static/../../../../etc/passwd",
        f"{ORIGIN}/static/css/../../pyproject.toml",
        f"{ORIGIN}/static/no-such-file.css",
        f"{ORIGIN.replace('https', 'http')}/static/css/fonts.css",
    ],
)
def test_the_pdf_renderer_reads_nothing_but_our_static_files(url):
    with pytest.raises(Refused):
        StaticOnlyFetcher().fetch(url)


def test_the_pdf_renderer_reads_the_fonts_we_ship():
    fetcher = StaticOnlyFetcher()
    css = fetcher.fetch(f"{ORIGIN}/static/css/fonts.css")
    assert css.content_type == "text/css" and b"Vazirmatn" in css.read()
    font = fetcher.fetch(f"{ORIGIN}/static/vendor/vazirmatn/Vazirmatn-Regular.woff2")
    assert font.read(4) == b"wOF2"


def test_markup_in_highlights_stays_text(world, client):
    w = world
    c = client_for(client, w.staff_a)
    make(c, w.tree.bagh, highlights='<img src="http://127.0.0.1:9/x.png"> <link rel="stylesheet" href="file:///etc/passwd">')
    report = MonthlyReport.objects.get()
    response = c.get(f"{MONTHLY}{report.pk}/pdf/")
    assert_pdf(response)
    assert 'src="http://127.0.0.1:9/x.png"' in pdf_text(response.content).replace("\n", " ")
