"""Participation forms under random and hostile input.

Whatever arrives — huge answers, NUL and other control characters, digits of three scripts, markup, several
values for one name, wrong types, unknown choices, missing or forged tokens, a filled honeypot, broken bodies,
random "photos" — the answer is a Persian page with 200, 400, 403, 413 or 429, never a server error, and the
data stays whole: one Submission (with one "created" event) for each page that shows a tracking code, none
otherwise, nothing stored that PostgreSQL would refuse, and no uploaded file without its row.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL (PostgreSQL refuses NUL in text and enforces the
column lengths that SQLite ignores, so both matter). Statistics: add --hypothesis-show-statistics.
"""

import io
import json
import re
import struct
import time
import traceback
import zlib
from unittest import mock
from urllib.parse import quote_from_bytes

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import models
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis.control import currently_in_test_context
from hypothesis import strategies as st
from PIL import Image

from forms.builder import FIELD_TYPES
from forms.models import FormField, ParticipationFormPage, Submission, SubmissionEvent
from forms.pipeline import TOKEN_SALT, new_form_token
from portal.digits import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS, to_latin_digits
from tests.conftest import add_form_page, problem_answers

pytestmark = pytest.mark.django_db

ALLOWED = {200, 400, 403, 413, 429}
TRACKING_CODE = re.compile(r'data-tracking-code="([0-9]{8})"')
PERSIAN_TEXT = re.compile("[\u0600-\u06ff]")
XSS_MARKER = "<script>alert('hx-7f3a')</script>"
XSS_MARKERS = (XSS_MARKER, "<img src=x onerror=alert(1)>")
PHOTO_DIR = "private/submissions"

HYPOTHESIS = dict(
    deadline=None,
    database=None,  # nothing written to .hypothesis/ in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ---------------------------------------------------------------------------------------------------------------
# Pages and valid answers


@pytest.fixture
def problem_page(tree):
    return add_form_page(tree.bagh)


def add_every_type_page(neighborhood, slug="every-type"):
    """One question of each type the form builder offers."""
    page = ParticipationFormPage(title="همه نوع پرسش", slug=slug, kind="other")
    page.form_fields = [
        FormField(label="نام کامل", key="full_name", field_type="singleline", required=True),
        FormField(label="شرح", key="details", field_type="multiline", required=False),
        FormField(label="رایانامه", key="email", field_type="email", required=False),
        FormField(label="تعداد", key="count", field_type="number", required=False),
        FormField(label="همراه", key="mobile", field_type="mobile", required=True),
        FormField(label="کد ملی", key="national_code", field_type="national_code", required=False),
        FormField(label="تاریخ", key="date", field_type="date", required=False),
        FormField(label="موضوع", key="topic", field_type="dropdown", choices="آب\nبرق\nگاز", required=True),
        FormField(label="حضور", key="attend", field_type="radio", choices="بله\nخیر", required=False),
        FormField(label="نیازها", key="needs", field_type="checkboxes", choices="غذا\nدارو\nپوشاک", required=False),
        FormField(label="پذیرش", key="agree", field_type="checkbox", required=True),
        FormField(label="امتیاز", key="score", field_type="scale", required=False),
        FormField(label="عکس", key="photo", field_type="photo", required=False),
        FormField(label="موقعیت", key="location", field_type="location", required=False),
    ]
    neighborhood.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def every_type_page(tree):
    return add_every_type_page(tree.bagh)


def valid_problem(**overrides):
    overrides.setdefault("form_token", new_form_token())
    return problem_answers(**overrides)


def valid_every_type(**overrides):
    data = {
        "full_name": "مریم احمدی",
        "details": "شرح",
        "email": "maryam@example.ir",
        "count": "۱۲",
        "mobile": "۰۹۱۲۱۲۳۴۵۶۷",
        "national_code": "0499370899",
        "date": "۱۴۰۴/۰۸/۲۰",
        "topic": "برق",
        "attend": "بله",
        "needs": ["غذا", "دارو"],
        "agree": "on",
        "score": "4",
        "location": "۳۵٫۶۸۹۲، ۵۱٫۳۸۹۰",
        "form_token": new_form_token(),
        "website": "",
    }
    data.update(overrides)
    return data


# ---------------------------------------------------------------------------------------------------------------
# The checks every request goes through


def count_status(status):
    """Shown by --hypothesis-show-statistics: how the examples were answered."""
    if currently_in_test_context():
        event(f"status {status}")


def hostile_client(**kwargs):
    """A client that turns a server error into a 500 response (with its exc_info) instead of raising it."""
    return Client(raise_request_exception=False, **kwargs)


def stored_photos():
    names = set()

    def walk(path):
        try:
            directories, files = default_storage.listdir(path)
        except (FileNotFoundError, NotADirectoryError):
            return
        names.update(f"{path}/{name}" for name in files)
        for directory in directories:
            walk(f"{path}/{directory}")

    walk(PHOTO_DIR)
    return names


class Snapshot:
    """What the database and the storage hold before a request."""

    def __init__(self):
        self.last_pk = Submission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.rows = Submission.objects.count()
        self.created_events = SubmissionEvent.objects.filter(action=SubmissionEvent.Action.CREATED).count()
        self.photos = stored_photos()


def shown(value):
    if hasattr(value, "read"):
        return f"<file {getattr(value, 'name', '?')!r}>"
    return repr(value)[:200]


def explain(response, data):
    """The status, what was sent and, for a server error, its traceback."""
    info = getattr(response, "exc_info", None)
    trace = "".join(traceback.format_exception(*info)) if info else response.content[:1500].decode(errors="replace")
    sent = {key: shown(value) for key, value in data.items()} if isinstance(data, dict) else repr(data)[:500]
    return f"status {response.status_code} for {sent}\n{trace}"


def storage_problems(submission):
    """What PostgreSQL refuses and SQLite stores anyway: NUL characters, text longer than its column."""
    problems = []
    for field in Submission._meta.concrete_fields:
        value = getattr(submission, field.attname)
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            problems.append(f"{field.name} holds NUL")
        if isinstance(field, models.CharField) and field.max_length and len(value) > field.max_length:
            problems.append(f"{field.name} is {len(value)} characters long, its column allows {field.max_length}")
    for name in ("data", "labels", "types"):
        if "\\u0000" in json.dumps(getattr(submission, name)):
            problems.append(f"{name} holds NUL")
    return problems


def check_normalised(submission):
    """Identifiers are stored in one form, with Latin digits, whatever digits the resident typed."""
    assert submission.mobile == "" or re.fullmatch(r"09[0-9]{9}", submission.mobile), submission.mobile
    assert submission.national_code == "" or re.fullmatch(r"[0-9]{10}", submission.national_code)
    if submission.latitude is not None:
        assert -90 <= submission.latitude <= 90 and -180 <= submission.longitude <= 180
    for key, kind in submission.types.items():
        value = submission.data.get(key)
        if kind == "number" and value != "":
            assert isinstance(value, int) and 0 <= value <= 10**9, value
        if kind == "date" and value:
            assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value), value


def check_response(response, before, data=None, reused_token_of=None):
    """The invariants of one POST to a form; returns the Submission it created, if any."""
    content = response.content.decode("utf-8", errors="replace")
    count_status(response.status_code)
    assert response.status_code != 500, explain(response, data)
    assert response.status_code in ALLOWED, explain(response, data)
    assert PERSIAN_TEXT.search(content), explain(response, data)
    assert not any(marker in content for marker in XSS_MARKERS), "markup from the request came back unescaped"

    new_rows = list(Submission.objects.filter(pk__gt=before.last_pk))
    codes = TRACKING_CODE.findall(content)
    if response.status_code == 200:
        assert len(set(codes)) == 1, explain(response, data)
        if reused_token_of is not None:
            # a token that already made a submission: that submission's code again, nothing new
            assert codes[0] == reused_token_of.tracking_code and new_rows == []
        else:
            assert [row.tracking_code for row in new_rows] == codes[:1], explain(response, data)
    else:
        assert not codes and new_rows == [], explain(response, data)

    assert Submission.objects.count() == before.rows + len(new_rows)
    created_events = SubmissionEvent.objects.filter(action=SubmissionEvent.Action.CREATED)
    assert created_events.count() == before.created_events + len(new_rows)
    for row in new_rows:
        assert created_events.filter(submission=row).count() == 1
        assert not storage_problems(row), (storage_problems(row), explain(response, data))
        check_normalised(row)
        row.answers()  # what the inbox shows must not break on what was stored

    new_photos = stored_photos() - before.photos
    assert new_photos == {row.photo.name for row in new_rows if row.photo}, "a stored file has no row"
    return new_rows[0] if new_rows else None


def post_and_check(client, page, data, reused_token_of=None, **extra):
    cache.clear()  # rate limits start afresh for every request
    before = Snapshot()
    for value in data.values():
        if hasattr(value, "seek"):
            value.seek(0)
    response = client.post(page.url, data, **extra)
    return response, check_response(response, before, data, reused_token_of)


EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Operation)\b")


def each_case(cases, run):
    """Run every case and report all that fail, not only the first (one page set-up for many requests)."""
    failures = []
    for case in cases:
        try:
            run(case)
        except AssertionError as error:
            lines = [line.strip() for line in str(error).splitlines() if line.strip()] or [""]
            cause = next((line for line in reversed(lines) if EXCEPTION_LINE.match(line)), lines[-1])
            failures.append(f"{case!r:.60}: {lines[0][:70]} … {cause[:200]}")
    assert not failures, f"{len(failures)} of {len(cases)} cases failed:\n" + "\n".join(failures)


# ---------------------------------------------------------------------------------------------------------------
# Strategies: valid answers in every way residents type them

SCRIPTS = (LATIN_DIGITS, PERSIAN_DIGITS, ARABIC_DIGITS)
PLAIN = st.characters(blacklist_categories=("Cs",))  # lone surrogates cannot be encoded into a request at all
PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀة\u200c "


def in_script(text, script):
    return text.translate(str.maketrans(LATIN_DIGITS, script))


@st.composite
def digits_in_some_script(draw, text):
    if draw(st.booleans()):
        return in_script(text, draw(st.sampled_from(SCRIPTS)))
    return "".join(in_script(ch, draw(st.sampled_from(SCRIPTS))) for ch in text)  # each digit its own script


@st.composite
def valid_mobile(draw):
    prefix = draw(st.sampled_from(["09", "+989", "00989", "9", "989"]))
    number = prefix + draw(st.text(LATIN_DIGITS, min_size=9, max_size=9))
    if draw(st.booleans()):
        number = f"{number[:-7]} {number[-7:-4]}-{number[-4:]}"
    return draw(digits_in_some_script(number))


def national_code_check_digit(nine):
    remainder = sum(int(nine[position]) * (10 - position) for position in range(9)) % 11
    return str(remainder if remainder < 2 else 11 - remainder)


@st.composite
def valid_national_code(draw):
    nine = draw(st.text(LATIN_DIGITS, min_size=9, max_size=9).filter(lambda text: len(set(text)) > 1))
    return draw(digits_in_some_script(nine + national_code_check_digit(nine)))


@st.composite
def valid_jalali_date(draw):
    year, month, day = draw(st.integers(1300, 1450)), draw(st.integers(1, 12)), draw(st.integers(1, 29))
    separator = draw(st.sampled_from("/-."))
    return draw(digits_in_some_script(f"{year:04d}{separator}{month:02d}{separator}{day:02d}"))


@st.composite
def valid_location(draw):
    latitude = draw(st.decimals(-90, 90, places=4, allow_nan=False, allow_infinity=False))
    longitude = draw(st.decimals(-180, 180, places=4, allow_nan=False, allow_infinity=False))
    text = f"{latitude}{draw(st.sampled_from([',', '،', ', ']))}{longitude}"
    if draw(st.booleans()):
        text = text.replace(".", "٫")  # the Persian decimal separator
    return draw(digits_in_some_script(text))


valid_number = st.integers(0, 10**9).map(str).flatmap(digits_in_some_script)
persian_text = st.text(PERSIAN_LETTERS + "abc.،؟!" + PERSIAN_DIGITS + ARABIC_DIGITS, min_size=1, max_size=200).filter(
    str.strip
)

# ---------------------------------------------------------------------------------------------------------------
# Strategies: hostile input

HOSTILE_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "۰۹۱۲\x00۱۲۳۴۵۶۷",
    "\x01\x02\x07\x08\x0b\x0c\x1b\x1f\x7f",
    "\r\n\r\n",
    "\t",
    "\u200c\u200d\u200e\u200f\u202a\u202e\u2066\ufeff",
    "\ufffd",
    "\U0001f600\U0001f1ee\U0001f1f7",
    XSS_MARKER,
    '"><img src=x onerror=alert(1)>',
    "{{ 7|add:7 }}{% debug %}",
    "'; DROP TABLE participation_submission; --",
    "%00%ff%2e%2e%2f",
    "../../../../etc/passwd",
    "0912١٢٣۴۵۶۷",
    "+98 ۹۱۲ ۱۲۳ ۴۵۶۷",
    "09121234567\n",
    "09121234567" * 3,
    "0499370898",
    "١٢",
    "-1",
    "1e9",
    "9" * 5000,
    "NaN",
    "nan, 0",
    "inf, 0",
    "1e999999999, 1",
    "35.1,51.2,3",
    "۱۴۰۴/۱۳/۰۱",
    "9999/12/29",
    "१४०४/०१/०१",
    "روشنايي",
    "نامعلوم",
    "on",
    "false",
    "x@y",
    "user@example.com\x00",
    "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".com",  # 260 characters, a valid address
]


@st.composite
def huge_text(draw):
    piece = draw(st.sampled_from(["ا", "a", "\x00", "<", "۹", "\u200c", "ي", "😀", "ab\x00"]))
    return piece * draw(st.integers(1, 100_000 // len(piece.encode())))  # up to about 100 KB


hostile_text = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(PLAIN, max_size=60),
    st.lists(st.sampled_from(HOSTILE_STRINGS) | st.text(PLAIN, max_size=10), max_size=4).map("".join),
    huge_text(),
)
# The test client sends str() of these: what a script posting JSON-ish values would send.
wrong_type = st.one_of(st.integers(-(10**30), 10**30), st.booleans(), st.floats())

# Near misses for each kind of question: what parsers and validators get wrong.
TRICKY_TEXT = st.one_of(
    st.sampled_from(["\x00", "a\x00", XSS_MARKER, " \u200c ", "\u202eabc", "ي" * 255, "ی" * 256, "x" * 4000, "x" * 4001]),
    st.text(PLAIN, min_size=250, max_size=260),
)
TRICKY_MOBILE = st.one_of(
    st.sampled_from(
        [
            "0912123456", "091212345678", "+98912123456", "98 912 123 4567", "۰۹۱۲-۱۲۳-۴۵۶۷", "09121234567\x00",
            "٠٩١٢١٢٣٤٥٦٧", "(0912) 123 4567", "+۹۸۹۱۲۱۲۳۴۵۶۷", "0912１２３４５６７", "09121234567\u200c",
        ]
    ),
    st.text("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩+-() \u200c", max_size=25),
)
TRICKY_NATIONAL_CODE = st.one_of(
    st.sampled_from(
        [
            "0000000000", "1111111111", "049937089", "04993708990", "0499-370-899", "۰۴۹۹۳۷۰۸۹۸", "04993708 99",
            "0499370899\x00", "٠٤٩٩٣٧٠٨٩٩",
        ]
    ),
    st.text("0123456789۰۱۲۳۴۵۶۷۸۹- ", max_size=16),
)
TRICKY_DATE = st.one_of(
    st.sampled_from(
        [
            "۱۴۰۳/۱۲/۳۰", "۱۴۰۴/۱۲/۳۰", "1404/00/10", "1404/13/01", "1404/01/32", "0000/01/01", "9999/12/29",
            "10000/01/01", "1404/1/1", "1404-01-01", "1404.01.01", "१४०४/०१/०१", "١٤٠٤/١/١", "2025-11-11",
            "1404/01/01\x00", " 1404 / 01 / 01 ",
        ]
    ),
    st.tuples(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)).map(lambda ymd: "%04d/%02d/%02d" % ymd),
)
TRICKY_NUMBER = st.one_of(
    st.sampled_from(
        [
            "-1", "1000000000", "1000000001", "1e3", "1_000", "0x10", "١٢.٠", "۱۲.۵", "12.", " 12 ", "௧௨",
            "١٢٣٤٥٦٧٨٩٠١٢٣", "9" * 5000, "NaN", "inf", "+5", "۱۲\x00",
        ]
    ),
    st.integers(-(10**20), 10**20).map(str),
)
TRICKY_LOCATION = st.one_of(
    st.sampled_from(
        [
            "nan, 0", "NaN,NaN", "0, nan", "inf, 0", "-Infinity, 1", "sNaN, 1", "1e999999999, 1", "1e-999999999, 1",
            "90.0000004, 180", "90.0000006, 0", "-90, -180", "0,0,0", "0", ",", "۳۵٫۶۸۹۲، ۵۱٫۳۸۹۰", "35.6892 51.3890",
            "0x1, 0",
        ]
    ),
    st.tuples(
        st.sampled_from(["nan", "NaN", "-nan", "inf", "1e400", "0", "90", "-90.5"]),
        st.sampled_from(["nan", "0", "180", "-180.000001", "1e-400"]),
    ).map(", ".join),
)
TRICKY_EMAIL = st.one_of(
    st.sampled_from(
        [
            "x@y", "a@b.c", "@example.com", "user@", "user@example.com\x00", "مریم@example.ir", "user@مثال.ایران",
            "a" * 64 + "@" + "b" * 63 + ".ir", "a" * 65 + "@example.ir",
        ]
    ),
    st.builds(  # valid addresses of every length up to 320, the form field's own limit
        lambda local, labels: local + "@" + ".".join(labels) + ".com",
        st.text("abcdefghij0123456789", min_size=1, max_size=64),
        st.lists(st.text("abcdefghij", min_size=1, max_size=63), min_size=1, max_size=4),
    ),
)
TRICKY_CHOICE = st.sampled_from(
    ["نامعلوم", "روشنايي", "روشنایی ", " آب", "برق\x00", "1", "0", "6", "on", "", "فضای بی دفاع"]
)
TRICKY_CHECKBOX = st.sampled_from(["", "false", "False", "0", "off", "no", "\x00", "on", "2"])
TRICKY_SCALE = st.sampled_from(["0", "6", "۳", "٣", "3.0", " 3", "-1", "five"])

PROBLEM_FIELDS = {
    "name": (persian_text, TRICKY_TEXT),
    "mobile": (valid_mobile(), TRICKY_MOBILE),
    "national_code": (valid_national_code(), TRICKY_NATIONAL_CODE),
    "when": (valid_jalali_date(), TRICKY_DATE),
    "problem": (persian_text, TRICKY_TEXT),
    "people": (valid_number, TRICKY_NUMBER),
    "topic": (st.sampled_from(["فضای بی‌دفاع", "روشنایی", "پسماند"]), TRICKY_CHOICE),
    "location": (valid_location(), TRICKY_LOCATION),
}

EVERY_TYPE_FIELDS = {
    "full_name": (persian_text, TRICKY_TEXT),
    "details": (st.text(PLAIN.filter(lambda ch: ch != "\x00"), max_size=4000), TRICKY_TEXT),
    "email": (st.one_of(st.emails(), st.sampled_from(["maryam@example.ir", "a.b+c@sub.example.com"])), TRICKY_EMAIL),
    "count": (valid_number, TRICKY_NUMBER),
    "mobile": (valid_mobile(), TRICKY_MOBILE),
    "national_code": (valid_national_code(), TRICKY_NATIONAL_CODE),
    "date": (valid_jalali_date(), TRICKY_DATE),
    "topic": (st.sampled_from(["آب", "برق", "گاز"]), TRICKY_CHOICE),
    "attend": (st.sampled_from(["بله", "خیر"]), TRICKY_CHOICE),
    "needs": (
        st.lists(st.sampled_from(["غذا", "دارو", "پوشاک"]), max_size=3, unique=True),
        st.lists(TRICKY_CHOICE, max_size=3),
    ),
    "agree": (st.sampled_from(["on", "true", "1", "True"]), TRICKY_CHECKBOX),
    "score": (st.integers(1, 5).map(str), TRICKY_SCALE),
    "location": (valid_location(), TRICKY_LOCATION),
}

MISSING = object()


@st.composite
def spoiled(draw, valid, tricky):
    """A wrong answer: a near miss, anything at all, several values for one name, a wrong type, or none."""
    kind = draw(st.sampled_from(["tricky", "tricky", "tricky", "hostile", "hostile", "list", "wrong_type", "missing"]))
    if kind == "tricky":
        return draw(tricky)
    if kind == "hostile":
        return draw(hostile_text)
    if kind == "list":
        return draw(st.lists(st.one_of(valid, tricky, hostile_text), max_size=4))
    if kind == "wrong_type":
        return draw(wrong_type)
    return MISSING


def token_signed_long_ago():
    stamp = signing.b62_encode(int(time.time()) - 3 * 24 * 3600)
    with mock.patch.object(signing.TimestampSigner, "timestamp", lambda self: stamp):
        return signing.dumps("0" * 32, salt=TOKEN_SALT)


@st.composite
def form_token(draw):
    kind = draw(st.sampled_from(["fresh"] * 18 + ["missing", "forged", "random", "expired", "wrong_salt", "list"]))
    if kind == "fresh":
        return new_form_token()
    if kind == "missing":
        return MISSING
    if kind == "forged":
        good = new_form_token()
        return good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    if kind == "random":
        return draw(hostile_text)
    if kind == "expired":
        return token_signed_long_ago()
    if kind == "wrong_salt":
        return signing.dumps("f" * 32, salt="another.salt")
    return [draw(hostile_text), new_form_token()]  # several values: the last one counts


honeypot = st.sampled_from([""] * 12 + [MISSING, MISSING, "http://spam.example", "\x00", " ", ["", "x"]])
extra_keys = st.dictionaries(
    st.one_of(
        st.sampled_from(["csrfmiddlewaretoken", "submit", "id", "pk", "data", "website[]", "photo", "form_token"]),
        st.text(PLAIN, min_size=1, max_size=20),
    ),
    hostile_text,
    max_size=3,
)


@st.composite
def answers_to(draw, fields):
    """Valid answers with up to four of them spoiled, extra keys, and some token and honeypot."""
    broken = draw(st.sets(st.sampled_from(sorted(fields)), max_size=4))
    data = {}
    for key, (valid, tricky) in fields.items():
        value = draw(spoiled(valid, tricky)) if key in broken else draw(valid)
        if value is not MISSING:
            data[key] = value
    for key, value in draw(extra_keys).items():
        data.setdefault(key, value)
    for key, strategy in (("form_token", form_token()), ("website", honeypot)):
        value = draw(strategy)
        if value is not MISSING:
            data[key] = value
    return data


# ---------------------------------------------------------------------------------------------------------------
# Answers


@settings(max_examples=90, **HYPOTHESIS)
@given(data=answers_to(PROBLEM_FIELDS))
def test_hostile_answers_never_break_the_problem_form(problem_page, data):
    post_and_check(hostile_client(), problem_page, data)


@settings(max_examples=100, **HYPOTHESIS)
@given(data=answers_to(EVERY_TYPE_FIELDS))
def test_hostile_answers_never_break_a_form_with_every_field_type(every_type_page, data):
    post_and_check(hostile_client(), every_type_page, data)


@settings(max_examples=20, **HYPOTHESIS)
@given(first=answers_to(EVERY_TYPE_FIELDS), second=answers_to(EVERY_TYPE_FIELDS))
def test_a_token_that_already_made_a_submission_only_shows_that_submission(every_type_page, first, second):
    client = hostile_client()
    first.update(form_token=new_form_token(), website="")
    response, created = post_and_check(client, every_type_page, first)
    if created is None:
        return
    # Same token, other answers: the stored submission is shown again (or refused), never a second one.
    second.update(form_token=first["form_token"], website="")
    post_and_check(client, every_type_page, second, reused_token_of=created)


def test_every_type_form_accepts_a_valid_answer(every_type_page):
    assert {field.field_type for field in every_type_page.form_fields.all()} == {name for name, _ in FIELD_TYPES}
    response, created = post_and_check(hostile_client(), every_type_page, valid_every_type())
    assert response.status_code == 200 and created is not None
    assert created.email == "maryam@example.ir" and created.name == "مریم احمدی"
    assert created.data["needs"] == ["غذا", "دارو"] and created.data["agree"] is True
    assert created.data["count"] == 12 and created.data["date"] == "2025-11-11"
    assert str(created.latitude) == "35.689200"
    # A checkbox sent as NUL is simply ticked: nothing of the NUL is stored.
    response, created = post_and_check(hostile_client(), every_type_page, valid_every_type(agree="\x00"))
    assert response.status_code == 200 and created.data["agree"] is True


def test_nul_characters_are_refused_not_stored(problem_page):
    """PostgreSQL cannot store NUL in text or jsonb: a 400, never a 500 — nor a row, which SQLite would store."""
    keys = ["name", "mobile", "national_code", "when", "problem", "people", "topic", "location", "form_token", "website"]
    values = ["\x00", "روشنایی\x00", "09121234567\x00", "\x00" * 50_000]

    def run(case):
        key, value = case
        response, created = post_and_check(hostile_client(), problem_page, valid_problem(**{key: value}))
        assert response.status_code == 400 and created is None, f"status {response.status_code}"

    each_case([(key, value) for key in keys for value in values], run)


def test_nul_in_each_field_type_is_refused(every_type_page):
    def run(key):
        data = valid_every_type(**{key: ["\x00"] if key == "needs" else "\x00"})
        response, created = post_and_check(hostile_client(), every_type_page, data)
        assert response.status_code == 400 and created is None, f"status {response.status_code}"

    keys = ["full_name", "details", "email", "mobile", "national_code", "date", "topic", "attend", "needs", "score"]
    each_case(keys + ["location", "count"], run)


def test_a_location_that_is_not_a_number_is_refused(problem_page):
    """Decimal("NaN") parses, and comparing it with the latitude range then raises InvalidOperation."""

    def run(location):
        response, created = post_and_check(hostile_client(), problem_page, valid_problem(location=location))
        assert response.status_code == 400 and created is None, f"status {response.status_code}"
        assert "موقعیت" in response.content.decode()

    each_case(["nan, 0", "NaN,NaN", "0, nan", "۳۵، NaN", "-nan, 1", "inf, 0", "sNaN, 0"], run)


def test_an_email_longer_than_its_column_is_refused(every_type_page):
    """forms.EmailField accepts up to 320 characters; Submission.email is a varchar(254)."""
    address = "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".com"
    assert len(address) == 260
    response, created = post_and_check(hostile_client(), every_type_page, valid_every_type(email=address))
    assert response.status_code == 400 and created is None


def test_malformed_content_length_is_not_a_server_error(problem_page):
    """gunicorn refuses such a header itself; runserver and other WSGI servers pass it through."""

    def run(length):
        data = valid_problem()
        cache.clear()
        before = Snapshot()
        response = hostile_client().post(problem_page.url, data, CONTENT_LENGTH=length)
        check_response(response, before, data)

    each_case(["abc", "1e3", "-5", " ", "١٢٣", "99999999999999999999999"], run)


def test_too_many_fields_is_a_persian_400(problem_page):
    data = {**valid_problem(), **{f"k{number}": "x" for number in range(1100)}}
    response, created = post_and_check(hostile_client(), problem_page, data)
    assert response.status_code == 400 and created is None


def test_text_over_the_memory_limit_is_refused(problem_page):
    data = valid_problem(problem="ا" * 600_000)  # 1.2 MB of UTF-8
    response, created = post_and_check(hostile_client(), problem_page, data)
    assert response.status_code in (400, 413) and created is None


# ---------------------------------------------------------------------------------------------------------------
# Uploads


def image_bytes(fmt="JPEG", size=(40, 30), mode="RGB", color=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new(mode, size, color if mode in ("RGB", "RGBA") else 0).save(buffer, fmt)
    return buffer.getvalue()


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_with_dimensions(width, height, idat=b""):
    """A PNG whose header claims width × height pixels, with little or no pixel data behind it."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data = png_chunk(b"IDAT", idat) if idat else b""
    return b"\x89PNG\r\n\x1a\n" + header + data + png_chunk(b"IEND", b"")


def jpeg_with_dimensions(width, height):
    """A JPEG whose frame header claims width × height."""
    jpeg = image_bytes("JPEG", (16, 16))
    marker = jpeg.index(b"\xff\xc0")
    return jpeg[: marker + 5] + struct.pack(">HH", height, width) + jpeg[marker + 9 :]


def named(content, name):
    stream = io.BytesIO(content)
    stream.name = name
    return stream


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
UPLOAD_NAMES = [
    "photo.jpg", "photo.png", "photo.svg", "x.JPG", "no-extension", "../../evil.jpg", "عکس.jpeg", "a\x00.jpg", ".jpg",
    "x" * 300 + ".png",
]


@st.composite
def upload(draw):
    kind = draw(
        st.sampled_from(
            [
                "jpeg", "png", "random", "truncated_jpeg", "truncated_png", "huge_png", "large_png", "huge_jpeg", "svg",
                "gif", "empty", "polyglot", "webp", "bmp", "tiff", "rgba_png", "cmyk_jpeg", "bitflip", "oversize",
            ]
        )
    )
    if kind in ("jpeg", "png"):
        content = image_bytes(kind.upper(), (draw(st.integers(1, 120)), draw(st.integers(1, 120))))
    elif kind == "random":
        content = draw(st.binary(min_size=1, max_size=4096))
    elif kind in ("truncated_jpeg", "truncated_png"):
        full = image_bytes(kind.split("_")[1].upper(), (64, 64))
        content = full[: draw(st.integers(1, len(full) - 1))]
    elif kind == "huge_png":
        content = png_with_dimensions(draw(st.integers(20_000, 2**31 - 1)), draw(st.integers(20_000, 2**31 - 1)))
    elif kind == "large_png":  # more pixels than allowed, fewer than Pillow's own decompression-bomb limit
        content = png_with_dimensions(8000, 6000, zlib.compress(b"\x00" * 1000))
    elif kind == "huge_jpeg":
        content = jpeg_with_dimensions(65_000, 65_000)
    elif kind == "svg":
        content = SVG
    elif kind == "gif":
        content = image_bytes("GIF", (8, 8), mode="L")
    elif kind == "empty":
        content = b""
    elif kind == "polyglot":
        content = image_bytes("JPEG") + b"<script>alert(1)</script>"
    elif kind in ("webp", "bmp", "tiff"):
        content = image_bytes(kind.upper(), (8, 8))
    elif kind == "rgba_png":
        content = image_bytes("PNG", (8, 8), mode="RGBA", color=(1, 2, 3, 4))
    elif kind == "cmyk_jpeg":
        content = image_bytes("JPEG", (8, 8), mode="CMYK")
    elif kind == "bitflip":
        full = bytearray(image_bytes(draw(st.sampled_from(["JPEG", "PNG"])), (32, 32)))
        for position in draw(st.lists(st.integers(0, len(full) - 1), min_size=1, max_size=8)):
            full[position] ^= draw(st.integers(1, 255))
        content = bytes(full)
    else:
        content = draw(st.binary(min_size=40_000, max_size=40_000))  # over the photo limit set below
    return named(content, draw(st.sampled_from(UPLOAD_NAMES)))


@pytest.fixture
def pages_with_small_limits(tree, settings):
    settings.PARTICIPATION_PHOTO_MAX_BYTES = 32 * 1024
    settings.PARTICIPATION_MAX_REQUEST_BYTES = 96 * 1024  # three uploads can go over it: 413
    return {"problem": add_form_page(tree.bagh), "every": add_every_type_page(tree.bagh)}


@settings(max_examples=60, **HYPOTHESIS)
@given(
    photos=st.lists(upload(), min_size=1, max_size=3),
    page_kind=st.sampled_from(["problem", "every"]),
    where=st.sampled_from(["photo", "photo", "photo", "name", "mobile"]),
)
def test_random_uploads_never_break_the_form_nor_leave_files(pages_with_small_limits, photos, page_kind, where):
    data = valid_problem() if page_kind == "problem" else valid_every_type()
    data[where] = photos if len(photos) > 1 else photos[0]
    post_and_check(hostile_client(), pages_with_small_limits[page_kind], data)


def test_a_valid_photo_is_stored_once(problem_page):
    data = {**valid_problem(), "photo": named(image_bytes("PNG", (20, 10)), "x.png")}
    response, created = post_and_check(hostile_client(), problem_page, data)
    assert response.status_code == 200 and created.photo.name.endswith(".png")


def test_images_claiming_huge_dimensions_are_refused(problem_page):
    cases = [
        (png_with_dimensions(100_000, 100_000), "header far beyond Pillow's decompression-bomb limit"),
        (png_with_dimensions(8000, 6000, zlib.compress(b"\x00" * 1000)), "48 megapixels, over the portal's limit"),
        (jpeg_with_dimensions(65_000, 65_000), "JPEG frame header claiming 4 billion pixels"),
        (png_with_dimensions(2**31 - 1, 1), "the widest PNG a header can declare"),
    ]

    def run(case):
        content, reason = case
        data = {**valid_problem(), "photo": named(content, "bomb.png")}
        response, created = post_and_check(hostile_client(), problem_page, data)
        assert response.status_code == 400 and created is None, f"{reason}: status {response.status_code}"

    each_case(cases, run)


def test_a_palette_png_keeps_its_colours(problem_page):
    """Palette PNGs (screenshots, optimised images) are common; re-encoding must not turn them black."""
    image = Image.new("P", (8, 8), 0)
    image.putpalette([255, 0, 0] * 256)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    data = {**valid_problem(), "photo": named(buffer.getvalue(), "red.png")}
    response, created = post_and_check(hostile_client(), problem_page, data)
    assert response.status_code == 200
    with created.photo.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
    assert stored.convert("RGB").getpixel((0, 0)) == (255, 0, 0)


def test_a_multi_picture_jpeg_from_a_phone_is_accepted(problem_page):
    """Pillow reports JPEGs with an MPF extension, as many phone cameras write them, as format "MPO"."""
    buffer = io.BytesIO()
    second_frame = Image.new("RGB", (32, 24))
    Image.new("RGB", (32, 24), (10, 120, 40)).save(buffer, "MPO", save_all=True, append_images=[second_frame])
    assert buffer.getvalue()[:2] == b"\xff\xd8"  # an ordinary JPEG to every viewer
    data = {**valid_problem(), "photo": named(buffer.getvalue(), "IMG_0001.jpg")}
    response, created = post_and_check(hostile_client(), problem_page, data)
    assert response.status_code == 200 and created is not None


# ---------------------------------------------------------------------------------------------------------------
# Raw bodies: what no browser sends


def multipart(boundary, parts):
    lines = []
    for headers, body in parts:
        lines += [b"--" + boundary, *headers, b"", body]
    return b"\r\n".join(lines + [b"--" + boundary + b"--", b""])


def disposition(name, filename=None):
    header = b'Content-Disposition: form-data; name="' + name + b'"'
    return header + (b'; filename="' + filename + b'"' if filename is not None else b"")


HOSTILE_PARTS = [
    ([disposition(b"photo", b"x.jpg"), b"Content-Type: image/jpeg"], image_bytes("JPEG", (8, 8))),
    ([disposition(b"photo", b"\x00.jpg")], image_bytes("JPEG", (8, 8))),
    ([disposition(b"photo", b"../../../x.png")], image_bytes("PNG", (8, 8))),
    ([disposition(b"photo", b"x.jpg"), b"Content-Transfer-Encoding: base64"], b"!!!not base64!!!"),
    ([disposition(b"problem"), b"Content-Transfer-Encoding: base64"], b"!!!not base64!!!"),
    ([disposition(b"problem"), b"Content-Type: text/plain; charset=utf-16"], "متن".encode("utf-16")),
    ([disposition(b"problem"), b"Content-Type: text/plain; charset=no-such"], b"x"),
    ([disposition(b"name")], b"\xff\xfe\xfd invalid utf-8"),
    ([b"Content-Disposition: form-data"], b"no name"),
    ([b"Content-Disposition: attachment; filename=x"], b"wrong disposition"),
    ([], b"no headers"),
    ([b"Content-Disposition: form-data; name*=UTF-8''%D9%86%D8%A7%D9%85"], b"rfc2231"),
    ([disposition(b"k" * 10_000)], b"long name"),
    ([disposition(b"mobile")], b"\x00"),
    ([disposition(b"topic")], "روشنایی".encode("cp1256", "replace")),
]
RAW_CONTENT_TYPES = [
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=" + "b" * 300,
    "multipart/form-data; boundary=\x00",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "application/json",
    "text/plain",
    "",
]
URLENCODED_JUNK = ["%", "%zz", "%ff%fe", "a=%00", "=", "&&&", "name=%D9", "mobile", "%E2%80%AE=1"]
RAW_VALID = {"name": "مریم احمدی", "mobile": "۰۹۱۲۱۲۳۴۵۶۷", "problem": "چراغ‌های کوچه خاموش است.", "topic": "روشنایی"}


@st.composite
def raw_request(draw):
    """(body, content type): random bytes, or a valid answer with broken parts, junk pairs, odd charsets."""
    kind = draw(st.sampled_from(["multipart", "multipart", "urlencoded", "random"]))
    if kind == "random":
        return draw(st.binary(max_size=4096)), draw(st.sampled_from(RAW_CONTENT_TYPES))
    fields = {**RAW_VALID, "form_token": new_form_token(), "website": ""}
    if kind == "urlencoded":
        pairs = [f"{key}={quote_from_bytes(value.encode())}" for key, value in fields.items()]
        pairs += draw(st.lists(st.sampled_from(URLENCODED_JUNK) | st.text(PLAIN, max_size=20), max_size=5))
        charset = draw(st.sampled_from(["", "; charset=utf-8", "; charset=latin-1", "; charset=cp1256", "; charset=utf-16"]))
        return "&".join(draw(st.permutations(pairs))).encode(), "application/x-www-form-urlencoded" + charset
    boundary = draw(st.sampled_from([b"BoUnDaRy", b"----x", b"a" * 70, b"\xd9\x85"]))
    parts = [([disposition(key.encode())], value.encode()) for key, value in fields.items()]
    parts += draw(st.lists(st.sampled_from(HOSTILE_PARTS), max_size=4))
    body = multipart(boundary, draw(st.permutations(parts)))
    if draw(st.booleans()):
        body = body[: draw(st.integers(0, len(body)))]  # cut short
    return body, "multipart/form-data; boundary=" + boundary.decode("latin-1")


@settings(max_examples=60, **HYPOTHESIS)
@given(request=raw_request())
def test_malformed_bodies_get_a_persian_refusal_or_a_clean_submission(problem_page, request):
    body, content_type = request
    cache.clear()
    before = Snapshot()
    response = hostile_client().generic("POST", problem_page.url, body, content_type=content_type)
    check_response(response, before, {"body": body[:300], "content_type": content_type})


# ---------------------------------------------------------------------------------------------------------------
# CSRF


def as_wsgi_header(text):
    """A header as a WSGI server hands it over: its UTF-8 bytes read as Latin-1."""
    return text.encode("utf-8").decode("latin-1")


def test_missing_or_forged_csrf_gets_a_persian_403(problem_page):
    cases = [
        (None, None),
        ("x" * 32, None),
        (None, "y" * 32),
        ("a" * 32, "b" * 32 + "c" * 32),  # well-formed, but unmasks to "b" * 32
        ("\x00" * 32, "\x00" * 32),
        ("ا" * 32, "ا" * 32),
        ("a" * 5000, "a" * 5000),
    ]

    def run(case):
        cookie, token = case
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        data = valid_problem(csrfmiddlewaretoken=token) if token is not None else valid_problem()
        extra = {"HTTP_COOKIE": as_wsgi_header(f"csrftoken={cookie}")} if cookie is not None else {}
        cache.clear()
        before = Snapshot()
        response = client.post(problem_page.url, data, **extra)
        assert response.status_code == 403, explain(response, data)
        assert "فرم شما ارسال نشد" in response.content.decode()
        check_response(response, before, data)

    each_case(cases, run)


def test_a_real_csrf_round_trip_still_works(problem_page):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    html = client.get(problem_page.url).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    response, created = post_and_check(client, problem_page, valid_problem(form_token=token, csrfmiddlewaretoken=csrf))
    assert response.status_code == 200 and created is not None


# ---------------------------------------------------------------------------------------------------------------
# Tracking lookups


@pytest.fixture
def tracked(problem_page):
    """A submission whose mobile ends in 4567."""
    cache.clear()
    response = hostile_client().post(problem_page.url, valid_problem())
    assert response.status_code == 200
    return Submission.objects.get()


@st.composite
def lookup(draw, tracked):
    """(code, last digits): right or wrong, in any digits, or hostile."""
    code_kind = draw(st.sampled_from(["right", "right", "other", "hostile"]))
    last_kind = draw(st.sampled_from(["right", "other", "hostile"]))
    if code_kind == "right":
        code = draw(st.sampled_from([tracked.tracking_code, tracked.tracking_display, f" {tracked.tracking_display} "]))
    elif code_kind == "other":
        code = draw(st.text(LATIN_DIGITS, min_size=8, max_size=8).flatmap(digits_in_some_script))
    else:
        code = draw(
            st.one_of(st.text(LATIN_DIGITS + PERSIAN_DIGITS + "- ", max_size=12), hostile_text, st.lists(hostile_text, max_size=3))
        )
    if last_kind == "right":
        last = draw(st.sampled_from(["4567", "۴۵۶۷", "٤٥٦٧", " ۴۵۶۷ ", "۴۵٦۷"]))
    elif last_kind == "other":
        last = draw(st.text(LATIN_DIGITS, min_size=4, max_size=4).flatmap(digits_in_some_script))
    else:
        last = draw(
            st.one_of(st.sampled_from(["4567\x00", "04567", "۴۵۶", "4 567"]), hostile_text, st.lists(hostile_text, max_size=3))
        )
    return code, last


@settings(max_examples=60, **HYPOTHESIS)
@given(data=st.data())
def test_tracking_lookup_never_breaks(tracked, data):
    code, last = data.draw(lookup(tracked))
    cache.clear()
    response = hostile_client().post("/track/", {"code": code, "last_digits": last})
    count_status(response.status_code)
    assert response.status_code in {200, 400, 404, 429}, explain(response, {"code": code, "last_digits": last})
    content = response.content.decode()
    assert PERSIAN_TEXT.search(content) and not any(marker in content for marker in XSS_MARKERS)
    if response.status_code == 200:
        # found only with the right code and the mobile's real last four digits
        assert tracked.tracking_display in content
        typed = last[-1] if isinstance(last, list) else last
        assert to_latin_digits(typed).strip() == tracked.mobile[-4:]
