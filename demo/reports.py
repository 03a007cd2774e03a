"""More demo answers, so the dashboard, the needs-assessment results and the safety map show something.

Three more defenceless-space reports of Bagh-e Khalaj fall in the same 500 m cell as the one in
``content.DEMO_SUBMISSIONS`` (the unfinished building at the end of Yas street), so the public safety map
has a cell to show; needs-assessment answers in Bagh-e Khalaj and Roudaki (one province) give the
results something to compare. Each is sent once: it carries a form token of its own
(``demo-extra-<neighbourhood>-<n>``), so running ``load_demo`` again adds nothing.
"""

from .content import submission

EXTRA_SUBMISSIONS = {
    "bagh-khalaj": [
        submission(
            "problem_report",
            40,
            {
                "name": "زهره کاظمی",
                "mobile": "09120001111",
                "topic": "فضای بی‌دفاع شهری",
                "description": "زمین خالی پشت ساختمان نیمه‌کاره تاریک است و شب‌ها چند موتورسوار آنجا می‌ایستند.",
                "seen_on": 2,
                "location": "34.1068, 49.7012",
            },
            status="done",
            reply="با پیگیری شورا، شهرداری دو چراغ در زمین نصب کرد و دور آن را حصار کشید.",
            agency="municipality",
            outcome="دو چراغ و حصار نصب شد.",
        ),
        submission(
            "problem_report",
            21,
            {
                "name": "حسن مرادی",
                "mobile": "09120001112",
                "topic": "فضای بی‌دفاع شهری",
                "description": "کوچه بن‌بست کنار ساختمان نیمه‌کاره پر از نخاله است و بچه‌ها جرئت نمی‌کنند از آن رد شوند.",
                "seen_on": 1,
                "location": "34.1075, 49.7025",
            },
            status="in_review",
        ),
        submission(
            "problem_report",
            6,
            {
                "name": "فاطمه یوسفی",
                "mobile": "09120001113",
                "topic": "فضای بی‌دفاع شهری",
                "description": "ورودی ساختمان نیمه‌کاره دوباره باز شده و شب‌ها کسانی داخل آن می‌روند.",
                "seen_on": 0,
                "location": "34.1083, 49.7008",
            },
        ),
        submission(
            "needs_assessment",
            12,
            {
                "main_problem": "بیکاری",
                "cleanliness_rating": "3",
                "health_rating": "4",
                "safety_rating": "2",
                "courses": ["خیاطی و دوخت", "رایانه و کار با تلفن همراه"],
                "suggestion": "کارگاه خیاطی برای زنان سرپرست خانوار و معرفی به بازارچه محله.",
            },
        ),
        submission(
            "needs_assessment",
            3,
            {
                "main_problem": "اعتیاد",
                "cleanliness_rating": "2",
                "health_rating": "2",
                "safety_rating": "1",
                "courses": ["مهارت‌های زندگی و فرزندپروری"],
                "suggestion": "کلاس فرزندپروری و مشاوره خانواده در سرای محله برگزار شود.",
            },
        ),
    ],
    "roudaki": [
        submission(
            "needs_assessment",
            15,
            {
                "main_problem": "کمبود فضای سبز",
                "cleanliness_rating": "4",
                "health_rating": "3",
                "safety_rating": "3",
                "courses": ["کلاس تقویتی دانش‌آموزان"],
                "suggestion": "پارک کوچکی برای بچه‌ها در زمین رهاشده کنار مدرسه ساخته شود.",
            },
        ),
        submission(
            "needs_assessment",
            5,
            {
                "main_problem": "روشنایی معابر",
                "cleanliness_rating": "3",
                "health_rating": "4",
                "safety_rating": "2",
                "courses": ["برق‌کاری ساختمان", "کمک‌های اولیه"],
                "suggestion": "چراغ‌های کوچه‌های پشت پارک روشن شود و کلاس کمک‌های اولیه برای جوانان برگزار شود.",
            },
        ),
    ],
}
