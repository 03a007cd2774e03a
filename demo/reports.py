"""More demo answers, so the dashboard, the needs-assessment results and the safety map show something,
and the highlights of each neighbourhood's monthly report.

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


# What each office writes in the highlights of its report for the last finished month (the figures come
# from the month's cases). It follows the work of its council in ``council_content``: that work is counted
# back from the day the demo is built, as is the month.
MONTHLY_HIGHLIGHTS = {
    "bagh-khalaj": (
        "نقشه نقاط قوت و ضعف کوچه‌های خیابان یاس با پیاده‌روی داوطلبان کامل شد و در سرای محله نصب شد. پرونده "
        "خانواده‌های آسیب‌پذیری که در مسئله‌یابی کوچه‌ها شناسایی شدند به کمیته امداد رفت و درمان رایگان اعتیاد "
        "بانوان با همراهی بهزیستی ادامه دارد. ماه آینده: کلاس حساب‌وکتاب کسب‌وکار خانگی بانوان و پیگیری ساختمان "
        "نیمه‌کاره انتهای خیابان یاس."
    ),
    "roudaki": (
        "تیرهای بی‌چراغ کوچه‌های پشت پارک، که داوطلبان نیازسنجی فهرست کرده بودند، چراغ‌دار شد و خلاصه نیازسنجی "
        "با نام مسئول پیگیری هر مسئله در حسینیه نصب شد. فهرست جوانان جویای کار برای دوره رایانه به مرکز فنی و "
        "حرفه‌ای رفت. ماه آینده: گروه عصر دوره خیاطی برای بانوان شاغل."
    ),
    "shahr-e-ghaem": (
        "گشت‌های شبانه انتظامی در کوچه‌هایی که اهالی روی نقشه مسجد علامت زده بودند آغاز شد و دو تیر چراغ در مسیر "
        "ایستگاه اتوبوس تا مدرسه دخترانه نصب شد. بررسی پرونده مددجویان کمیته امداد و بهزیستی برای تفکیک آن‌ها "
        "در دفتر آغاز شده است. ماه آینده: فهرست جوانان جویای کار برای دو کارخانه محله و پیگیری مدارک هویتی "
        "خانواده‌ها."
    ),
    "esmaeilabad": (
        "تطبیق فهرست مددجویان بهزیستی و کمیته امداد ادامه یافت و خانواده‌های بی‌پشتیبانی که پیدا شدند، یکی‌یکی "
        "در کمیته آسیب‌های اجتماعی بررسی شدند. گزارش اجرای مصوبه‌های کارگروه اجتماعی استان برای فرمانداری "
        "فرستاده شد. ماه آینده: میز هفتگی مدارک هویتی و پیگیری طرح الحاق محله."
    ),
    "sorkheh-hesar": (
        "پرونده بیمه سلامت بیش از صد و پنجاه خانواده در میز خدمت کنار میدان محله تشکیل شد و ویزیت رایگان دو روزه "
        "در سرای محله برگزار شد. زیرگذر کنار مسیل روشن و کف‌سازی شد. ماه آینده: دوره شیرینی‌پزی خانگی زنان "
        "سرپرست خانوار و ثبت خانواده‌های نیازمند در سامانه سمات پیش از توزیع بسته‌های معیشتی."
    ),
    "eslamabad-zanjan": (
        "کوچه خاکی پشت مسجد امام حسن آسفالت شد و نقشه ایمنی محله با پیاده‌روی اهالی به‌روز شد. شهرداری درپوش "
        "گذاشتن بر چاه‌های بی‌درپوش را بر عهده خود ندانست و کمیته عمران موضوع را به شرکت آب و فاضلاب برد. ماه "
        "آینده: کلاس رایگان فوتسال کودکان و کارگاه کمک‌های اولیه."
    ),
    "manba-ab": (
        "حاشیه مسیل با شهرداری، داوطلبان محله و انجمن سبز قزوین پاک‌سازی شد. پرونده ساختمان رهاشده کتابخانه و دو "
        "طرح نیمه‌کاره دیگر به دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان رفت. ماه آینده: کارگاه تفکیک "
        "پسماند و شب‌های فرهنگی نوجوانان در تکیه."
    ),
}
