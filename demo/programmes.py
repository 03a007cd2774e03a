"""Demo programmes: the same five kinds of programme the offices run, placed in every demo neighbourhood.

Dates are counted in days from the day the demo is loaded, so the demo always has something finished,
something full with people waiting, something open for sign-up and something not yet open.
"""

import datetime

from django.utils import timezone

DAY = datetime.timedelta(days=1)


def _sessions(first_day, count, every_days, starts, ends, note=""):
    return [
        {"offset": first_day + number * every_days, "starts": starts, "ends": ends, "note": note}
        for number in range(count)
    ]


def programmes(neighborhood_title, venue):
    """The programmes of one neighbourhood; ``venue`` is its usual meeting place."""
    return [
        {
            "slug": "sewing-course",
            "title": "دوره مهارت‌آموزی خیاطی برای زنان",
            "kind": "course",
            "audience": "women",
            "summary": f"هشت جلسه آموزش خیاطی مقدماتی برای زنان سرپرست خانوار و جویای کار {neighborhood_title}، رایگان و با گواهی پایان دوره.",
            "body": (
                "<p>این دوره با همکاری سازمان فنی و حرفه‌ای و یکی از خیریه‌های محله برگزار می‌شود. "
                "چرخ خیاطی و پارچه تمرینی را برگزارکننده فراهم می‌کند.</p>"
                "<p>پس از پایان دوره، دفتر تسهیلگری شرکت‌کنندگان را برای کار در خانه یا کارگاه‌های محله معرفی می‌کند.</p>"
            ),
            "venue_name": venue,
            "organiser": f"دفتر تسهیلگری {neighborhood_title}",
            "partners": "سازمان فنی و حرفه‌ای، خیریه محله",
            "cost_rials": 0,
            "capacity": 15,
            "waitlist_capacity": 10,
            "max_people_per_signup": 1,
            "national_code": "optional",
            "signup_opens": -5,
            "sessions": _sessions(6, 8, 7, "09:00", "11:30"),
            "registrations": 4,
        },
        {
            "slug": "tree-planting-day",
            "title": "روز درختکاری: کاشت نهال در بوستان محله",
            "kind": "occasion",
            "audience": "families",
            "summary": "خانواده‌ها با هم نهال می‌کارند؛ هر خانواده نگهداری یک نهال را بر عهده می‌گیرد.",
            "body": (
                "<p>نهال‌ها را فضای سبز شهرداری می‌دهد و بسیج محله و دانش‌آموزان در کاشت کمک می‌کنند. "
                "دستکش و بیل همراه داشته باشید.</p>"
            ),
            "venue_name": "بوستان محله",
            "organiser": f"شورای پیشرفت {neighborhood_title}",
            "partners": "شهرداری، پایگاه بسیج محله، مدرسه محله",
            "cost_rials": 0,
            "capacity": 6,
            "waitlist_capacity": 10,
            "max_people_per_signup": 3,
            "national_code": "no",
            "signup_opens": -10,
            "sessions": _sessions(3, 1, 0, "08:00", "11:00"),
            "registrations": 8,  # more than the seats: some wait
        },
        {
            "slug": "women-recovery",
            "title": "درمان رایگان ترک اعتیاد برای بانوان",
            "kind": "service",
            "sensitive_topic": "addiction",
            "audience": "women",
            "summary": "مشاوره و درمان نگهدارنده رایگان و محرمانه برای بانوان، هفته‌ای یک بار با پزشک و مشاور.",
            "body": (
                "<p>این خدمت با همکاری مرکز بهداشت و یک سمن فعال در درمان اعتیاد ارائه می‌شود. "
                "نام و شماره مراجعان فقط در اختیار مشاور و دفتر تسهیلگری است.</p>"
            ),
            "venue_name": "مرکز بهداشت محله",
            "organiser": "مرکز بهداشت و سمن همراه",
            "partners": "مرکز بهداشت، بهزیستی",
            "cost_rials": 0,
            "capacity": None,
            "waitlist_capacity": 0,
            "max_people_per_signup": 1,
            "national_code": "no",
            "signup_opens": -30,
            "sessions": _sessions(2, 6, 7, "10:00", "12:00"),
            "registrations": 2,
        },
        {
            "slug": "health-insurance-desk",
            "title": "میز خدمت بیمه سلامت و پزشک خانواده",
            "kind": "service",
            "audience": "everyone",
            "summary": "ثبت‌نام بیمه سلامت رایگان و انتخاب پزشک خانواده با همراه داشتن کارت ملی.",
            "body": "<p>کارشناس بیمه سلامت دو روز در دفتر تسهیلگری پاسخ‌گو بود و پرونده خانواده‌ها را تکمیل کرد.</p>",
            "venue_name": venue,
            "organiser": "اداره بیمه سلامت",
            "partners": f"دفتر تسهیلگری {neighborhood_title}",
            "cost_rials": 0,
            "capacity": 40,
            "waitlist_capacity": 0,
            "max_people_per_signup": 4,
            "national_code": "required",
            "signup_opens": -40,
            "sessions": _sessions(-20, 2, 1, "08:30", "13:00"),
            "registrations": 0,
        },
        {
            "slug": "computer-course",
            "title": "کلاس مهارت‌های رایانه و اینترنت برای جوانان",
            "kind": "course",
            "audience": "youth",
            "summary": "ده جلسه کار با رایانه، نامه‌نگاری اداری و خدمات دولت همراه برای جوانان جویای کار.",
            "body": "<p>شهریه با کمک خیران نیمه‌بها شده است. ثبت‌نام چند روز دیگر آغاز می‌شود.</p>",
            "venue_name": "کتابخانه محله",
            "organiser": f"دفتر تسهیلگری {neighborhood_title}",
            "partners": "خیران محله",
            "cost_rials": 1_500_000,
            "capacity": 12,
            "waitlist_capacity": 5,
            "max_people_per_signup": 1,
            "national_code": "no",
            "signup_opens": 4,
            "sessions": _sessions(14, 10, 2, "17:00", "19:00"),
            "registrations": 0,
        },
    ]


def page_fields(data, today=None):
    """The page's own fields (dates resolved from day offsets); sessions and registrations apart."""
    today = today or timezone.localdate()
    fields = {key: value for key, value in data.items() if key not in ("sessions", "registrations", "signup_opens")}
    fields["signup_opens"] = today + data["signup_opens"] * DAY
    return fields


def session_rows(data, today=None):
    today = today or timezone.localdate()
    return [
        {
            "date": today + row["offset"] * DAY,
            "starts": datetime.time.fromisoformat(row["starts"]),
            "ends": datetime.time.fromisoformat(row["ends"]),
            "note": row["note"],
        }
        for row in data["sessions"]
    ]


# Held in one of the neighbourhood's assets that can host programmes, where it has one.
HELD_AT_AN_ASSET = ("sewing-course", "computer-course")

REGISTRANTS = [
    ("فاطمه رضایی", "09121000101", 1),
    ("زینب محمدی", "09121000102", 2),
    ("معصومه حسینی", "09121000103", 1),
    ("سمیه کاظمی", "09121000104", 2),
    ("لیلا عباسی", "09121000105", 1),
    ("نرگس قاسمی", "09121000106", 2),
    ("مریم جعفری", "09121000107", 1),
    ("اکرم نوری", "09121000108", 1),
]
