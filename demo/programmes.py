"""Demo programmes: each neighbourhood's own, drawn from the news report its demo content follows.

Bagh-e Khalaj and Roudaki follow Arak's office (free addiction treatment for women, Arbor Day and
Women's Day, participatory problem-finding, skills for families), Shahr-e Ghaem and Esmaeilabad Qom's
social working group (the Relief Committee and Welfare, identity documents, jobs at the two factories),
Sorkheh-Hesar Region 13's plan (the health insurance desk, free visits, skills and home businesses),
Eslamabad Zanjan's pilot (its committees and the safety map) and Manba-ab Qazvin's secretariat (NGOs,
cultural programmes in the tekyeh, waste). The council's meetings in ``council_content`` decided several
of them; the organisations named are those of ``directory_content``.

Dates. Most programmes are counted in days from the day the demo is loaded and meet on weekdays of
their own, never on a Friday (the weekend) nor on a holiday: so the demo always has something finished,
something full with people waiting, something open for sign-up and something whose sign-up has not
opened yet. An occasion fixed by the calendar falls on its real day instead: Arbor Day on the next 15 Esfand,
International Women's Day on the next 8 March, Children's Day on the last 16 Mehr (a past celebration).
Sign-up opens a number of days from the load day (before it, for what is open already), or for an
occasion a number of days before its day.

Registrants are invented, each with a name used nowhere else in the demo and a mobile of the
0912100NPxx series (N the neighbourhood's number, P the programme's), so no two neighbourhoods share one.
"""

import datetime
from dataclasses import dataclass

import jdatetime
from django.utils import timezone

from portal import jalali

DAY = datetime.timedelta(days=1)

# datetime.date.weekday() numbers, named the Iranian way round.
SATURDAY, SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = 5, 6, 0, 1, 2, 3, 4
WORKING_DAYS = (SATURDAY, SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY)

# The holidays fixed in the Jalali calendar (month, day), on which no counted session falls: Nowruz to
# Sizdah-bedar (1–13 Farvardin, when offices mostly close), 14–15 Khordad, 22 Bahman and 29 Esfand. The
# holidays of the lunar calendar move from year to year and are not kept here.
HOLIDAYS = {(1, day) for day in range(1, 14)} | {(3, 14), (3, 15), (11, 22), (12, 29)}


def is_holiday(day):
    j = jalali.to_jalali_date(day)
    return (j.month, j.day) in HOLIDAYS


@dataclass(frozen=True)
class Weekly:
    """``count`` sessions on ``weekdays``, the first on or after ``first`` days from the load day; a public
    holiday is skipped."""

    first: int
    count: int
    weekdays: tuple
    starts: str
    ends: str

    def __post_init__(self):
        if FRIDAY in self.weekdays:
            raise ValueError("a programme counted from the load day does not meet on a Friday")

    def signup_opens(self, days, today):
        """Sign-up opens ``days`` from the load day (negative: it is open already)."""
        return today + days * DAY

    def days(self, today):
        day, found = today + self.first * DAY, []
        while len(found) < self.count:
            if day.weekday() in self.weekdays and not is_holiday(day):
                found.append(day)
            day += DAY
        return found


@dataclass(frozen=True)
class Occasion:
    """One session on a day the calendar fixes: a Jalali or a Gregorian (month, day), the next one from
    the load day on, or with ``past`` the last one before it."""

    calendar: str  # "jalali" or "gregorian"
    month: int
    day: int
    starts: str
    ends: str
    past: bool = False

    def on(self, year):
        if self.calendar == "jalali":
            return jdatetime.date(year, self.month, self.day, locale=jalali.LOCALE).togregorian()
        return datetime.date(year, self.month, self.day)

    def signup_opens(self, days, today):
        """Sign-up opens ``days`` before the occasion."""
        return self.days(today)[0] - days * DAY

    def days(self, today):
        year = jalali.to_jalali_date(today).year if self.calendar == "jalali" else today.year
        candidates = [self.on(year + step) for step in (-1, 0, 1)]
        if self.past:
            return [max(day for day in candidates if day < today)]
        return [min(day for day in candidates if day >= today)]


def arbor_day(starts, ends):
    """روز درختکاری: 15 Esfand."""
    return Occasion("jalali", 12, 15, starts, ends)


def womens_day(starts, ends):
    """روز جهانی زن: 8 March, whatever Jalali day that is (17 or 18 Esfand)."""
    return Occasion("gregorian", 3, 8, starts, ends)


def childrens_day(starts, ends, past=False):
    """روز جهانی کودک: 16 Mehr in the Iranian calendar."""
    return Occasion("jalali", 7, 16, starts, ends, past=past)


def signups(neighbourhood, programme, *people):
    """(name, mobile, people) rows; a person is a name, or (name, how many people they sign up)."""
    rows = []
    for number, person in enumerate(people, start=1):
        name, count = (person, 1) if isinstance(person, str) else person
        rows.append((name, f"0912100{neighbourhood}{programme}{number:02d}", count))
    return rows


def programme(slug, title, kind, audience, summary, body, schedule, signup_opens, *, venue_name,
              organiser, partners="", venue_asset=None, partner_links=(), registrants=(), cost_rials=0,
              capacity=None, waitlist_capacity=0, max_people_per_signup=1, national_code="no",
              sensitive_topic=""):
    return {
        "slug": slug,
        "title": title,
        "kind": kind,
        "audience": audience,
        "summary": summary,
        "body": "".join(f"<p>{text}</p>" for text in body),
        "venue_name": venue_name,
        "organiser": organiser,
        "partners": partners,
        "cost_rials": cost_rials,
        "capacity": capacity,
        "waitlist_capacity": waitlist_capacity,
        "max_people_per_signup": max_people_per_signup,
        "national_code": national_code,
        "sensitive_topic": sensitive_topic,
        # Not page fields: resolved by page_fields() and session_rows(), or used by the builder.
        "schedule": schedule,
        "signup_opens": signup_opens,
        "venue_asset": venue_asset,
        "partner_links": list(partner_links),
        "registrants": list(registrants),
    }


ARAK_OFFICE = "دفتر تسهیلگری کوی امام سجاد و رودکی"

PROGRAMMES = {
    # --- Arak: free addiction treatment for women, Arbor Day, problem-finding, economic empowerment ---
    "bagh-khalaj": [
        programme(
            "women-recovery",
            "درمان رایگان ترک اعتیاد برای بانوان",
            "service",
            "women",
            "درمان و مشاوره رایگان و محرمانه برای بانوان باغ خلج، هفته‌ای یک بار با پزشک و مددکار؛ با معرفی "
            "امام جمعه و مراکز همکار یا با مراجعه خودتان.",
            [
                "بانوانی که برای ترک اعتیاد کمک می‌خواهند، یا با معرفی امام جمعه محل و مراکز همکار به دفتر "
                "می‌آیند یا خودشان مراجعه می‌کنند. پس از یک گفت‌وگوی محرمانه با مددکار، هر نفر به مرکز درمانی "
                "همکار معرفی می‌شود و هزینه درمان را بهزیستی و خیران می‌پردازند.",
                "این خدمت را دفتر تسهیلگری با همراهی انجمن حمایت از بانوان مهر ارائه می‌کند. نام و شماره "
                "مراجعان فقط در اختیار مددکار دفتر است.",
            ],
            Weekly(2, 6, (SUNDAY,), "10:00", "12:00"),
            -28,
            venue_name="سرای محله امام سجاد، اتاق مشاوره",
            venue_asset="saraye-mahalle-bagh-khalaj",
            organiser=ARAK_OFFICE,
            partners="انجمن حمایت از بانوان مهر، بهزیستی شهرستان اراک",
            partner_links=[("mehr-banovan", "partner")],
            sensitive_topic="addiction",
            registrants=signups(1, 1, "شهین آقایی", "طیبه رستگار"),
        ),
        programme(
            "tree-planting-day",
            "روز درختکاری: کاشت نهال در بوستان یاس",
            "occasion",
            "families",
            "روز درختکاری، ۱۵ اسفند: خانواده‌های محله در بوستان یاس نهال می‌کارند و هر خانواده نگهداری یک "
            "نهال را بر عهده می‌گیرد.",
            [
                "نهال‌ها را فضای سبز شهرداری منطقه ۲ اراک می‌دهد و کمیته عمران شورای پیشرفت محله جای کاشت را "
                "از پیش مشخص می‌کند. دانش‌آموزان دبستان شهید بهشتی هم با معلمانشان می‌آیند.",
                "دستکش و سطل آب همراه بیاورید. در پایان، خیریه امام سجاد از شرکت‌کنندگان با چای پذیرایی می‌کند.",
            ],
            arbor_day("08:30", "11:30"),
            21,
            venue_name="بوستان یاس",
            venue_asset="boostan-yas",
            organiser="شورای پیشرفت محله کوی امام سجاد",
            partners="شهرداری منطقه ۲ اراک، دبستان شهید بهشتی، خیریه امام سجاد",
            partner_links=[("kheirieh-emam-sajjad", "sponsor")],
            capacity=40,
            waitlist_capacity=10,
            max_people_per_signup=4,
            registrants=signups(
                1, 2, ("محسن عرب‌عامری", 3), ("رقیه آشتیانی", 4), ("جواد شاه‌حسینی", 2), ("مهناز سبزواری", 3)
            ),
        ),
        programme(
            "home-business-bookkeeping",
            "کلاس حساب‌وکتاب کسب‌وکار خانگی برای بانوان",
            "course",
            "women",
            "شش جلسه آموزش قیمت‌گذاری، ثبت دخل‌وخرج و فروش برای بانوانی که در خانه کار می‌کنند؛ رایگان، در "
            "سرای محله امام سجاد.",
            [
                "این کلاس همان است که شورای پیشرفت محله در مراسم روز جهانی زن وعده داده بود. مربی آن از تعاونی "
                "مهارت و اشتغال توانیاب است و دفتر تسهیلگری جا و لوازم کلاس را فراهم می‌کند.",
                "کسانی که کلاس را تمام کنند، برای وام خرد کسب‌وکار خانگی تعاونی مهارت و اشتغال توانیاب معرفی می‌شوند.",
            ],
            Weekly(5, 6, (MONDAY, WEDNESDAY), "16:00", "18:00"),
            -7,
            venue_name="سرای محله امام سجاد",
            venue_asset="saraye-mahalle-bagh-khalaj",
            organiser=ARAK_OFFICE,
            partners="تعاونی مهارت و اشتغال توانیاب",
            partner_links=[("tavanyab", "partner")],
            capacity=6,
            waitlist_capacity=6,
            national_code="optional",
            # Eight for six seats: two wait.
            registrants=signups(
                1, 3, "فرزانه قدیری", "زهرا جلیلی", "سمانه کرمانشاهی", "اعظم توسلی", "مرضیه بختیاری",
                "نفیسه دارابی", "کبری حاجیلو", "شیرین نظام‌آبادی",
            ),
        ),
        programme(
            "problem-finding-walk",
            "پیاده‌روی مسئله‌یابی در کوچه‌های خیابان یاس",
            "event",
            "everyone",
            "دو عصر، تسهیلگران و داوطلبان هر کوچه خیابان یاس را کوچه‌به‌کوچه می‌پیمایند و نقاط قوت و ضعف "
            "محله را برای نقشه مسئله‌یابی یادداشت می‌کنند.",
            [
                "این پیاده‌روی بخشی از مسئله‌یابی مشارکتی محله است: اهالی هر کوچه خودشان می‌گویند چه چیزی در "
                "کوچه‌شان خوب کار می‌کند و چه چیزی نه.",
                "یادداشت‌ها در جلسه شورای پیشرفت محله جمع‌بندی می‌شود و نقشه نهایی در سرای محله در معرض دید همه "
                "قرار می‌گیرد.",
            ],
            Weekly(-36, 2, (SATURDAY, MONDAY), "16:00", "18:30"),
            -46,
            venue_name="سرای محله امام سجاد (محل شروع)",
            venue_asset="saraye-mahalle-bagh-khalaj",
            organiser=ARAK_OFFICE,
            partners="کمیته عمران شورای پیشرفت محله",
            max_people_per_signup=2,
        ),
    ],
    # --- Arak, the same office: Roudaki's needs assessment, sewing, jobless youth, Women's Day --------
    "roudaki": [
        programme(
            "sewing-course",
            "دوره عصرگاهی خیاطی برای بانوان شاغل",
            "course",
            "women",
            "گروه عصر دوره خیاطی و کسب‌وکار خانگی، برای بانوانی که صبح‌ها سر کار می‌روند؛ دوازده جلسه، دو "
            "عصر در هفته.",
            [
                "شورای پیشرفت محله رودکی این گروه را به پیشنهاد اهالی تصویب کرد تا بانوان شاغل هم از دوره خیاطی "
                "جا نمانند. مربی همان بانوی خیاط محله است که گروه صبح را درس می‌دهد و چرخ‌های خیاطی را صندوق "
                "قرض‌الحسنه محله به امانت می‌دهد.",
                "نیمی از شهریه را خیران می‌پردازند. شرکت‌کنندگان می‌توانند کارهایشان را در بازارچه روز جهانی زن "
                "عرضه کنند.",
            ],
            Weekly(24, 12, (SATURDAY, TUESDAY), "17:30", "19:30"),
            -2,
            venue_name="سرای محله امام سجاد، کارگاه خیاطی",
            organiser=ARAK_OFFICE,
            partners="تعاونی مهارت و اشتغال توانیاب، صندوق قرض‌الحسنه محله",
            partner_links=[("tavanyab", "partner")],
            cost_rials=1_250_000,
            capacity=14,
            waitlist_capacity=6,
            national_code="optional",
            registrants=signups(2, 1, "الهه مرادخانی", "ساناز ایمانیان", "فاطمه سلطانی‌نژاد"),
        ),
        programme(
            "computer-course",
            "دوره رایانه و کار با تلفن همراه برای جوانان جویای کار",
            "course",
            "jobseekers",
            "ده جلسه کار با رایانه، نامه‌نگاری اداری، خدمات دولت همراه و جست‌وجوی کار در اینترنت، با گواهی "
            "مرکز آموزش فنی و حرفه‌ای.",
            [
                "جوانان جویای کار در نیازسنجی خانه‌به‌خانه رودکی بیش از همه این دوره را خواسته بودند. دفتر "
                "تسهیلگری فهرست آن‌ها را از روی پرسشنامه‌ها درآورد و مرکز آموزش فنی و حرفه‌ای اراک برگزاری دوره "
                "را پذیرفت.",
                "دوره رایگان است. روز آغاز ثبت‌نام در همین صفحه آمده است و جوانانی که در فهرست نیازسنجی‌اند، با "
                "پیامک هم خبر می‌گیرند.",
            ],
            Weekly(16, 10, (SUNDAY, TUESDAY), "16:00", "18:00"),
            6,
            venue_name="سرای محله امام سجاد، کلاس رایانه",
            organiser="مرکز آموزش فنی و حرفه‌ای اراک",
            partners=ARAK_OFFICE,
            capacity=16,
            waitlist_capacity=8,
            national_code="required",
        ),
        programme(
            "womens-day-bazaar",
            "بازارچه روز جهانی زن: دست‌ساخته‌های بانوان رودکی",
            "occasion",
            "women",
            "در روز جهانی زن، بانوان محله کارهای خیاطی، بافتنی و خوراکی خانگی خود را در حسینیه رودکی عرضه "
            "می‌کنند؛ ثبت‌نام برای گرفتن غرفه است و بازدید برای همه آزاد است.",
            [
                "دفتر تسهیلگری وعده داده بود برای فروش کارهای بانوان دوره خیاطی بازارچه‌ای برپا کند؛ این بازارچه "
                "همان وعده است. هر غرفه یک میز است و هزینه‌ای ندارد.",
                "کمیته نشاط اجتماعی شورا برای بچه‌های همراه مادران، گوشه‌ای برای نقاشی و بازی آماده می‌کند.",
            ],
            womens_day("16:00", "19:00"),
            14,
            venue_name="حسینیه رودکی",
            venue_asset="hosseinieh-roudaki",
            organiser=ARAK_OFFICE,
            partners="کمیته نشاط اجتماعی شورای پیشرفت محله رودکی، تعاونی مهارت و اشتغال توانیاب",
            partner_links=[("tavanyab", "partner")],
            capacity=15,
            waitlist_capacity=5,
            registrants=signups(2, 3, "پریسا شمسی", "منیژه امیرخانی", "حوریه صفاری"),
        ),
        programme(
            "childrens-day",
            "جشن روز کودک در پاتوق محله",
            "occasion",
            "children",
            "۱۶ مهر، روز جهانی کودک: نقاشی روی دیوار، طناب‌کشی و نمایش عروسکی برای بچه‌های رودکی، در پاتوقی "
            "که از دل زمین رهاشده انتهای خیابان رودکی ساخته شد.",
            [
                "جوانان داوطلب محله اجرای برنامه‌ها را بر عهده دارند و مادران محله در پخت کیک و شیرینی سهیم‌اند.",
                "پس از این جشن، پنجشنبه‌عصرها برنامه‌ای کوچک برای کودکان در پاتوق برگزار می‌شود تا این فضا "
                "همیشه زنده بماند.",
            ],
            childrens_day("16:00", "19:00", past=True),
            10,
            venue_name="پاتوق محله، انتهای خیابان رودکی",
            organiser="کمیته نشاط اجتماعی شورای پیشرفت محله رودکی",
            partners="جمعیت جوانان داوطلب رودکی",
            partner_links=[("javanan-roudaki", "organiser")],
            max_people_per_signup=4,
        ),
    ],
    # --- Qom: mosques, Basij, the Relief Committee and Welfare; jobs at the two factories -------------
    "shahr-e-ghaem": [
        programme(
            "elderly-screening",
            "غربالگری فشار خون و قند سالمندان، پنجشنبه‌ها در مسجد جامع",
            "service",
            "elderly",
            "اندازه‌گیری رایگان فشار خون و قند خون برای سالمندان شهر قائم، پنجشنبه‌ها صبح در مسجد جامع؛ با "
            "ثبت‌نام نوبت می‌گیرید و در صف نمی‌مانید.",
            [
                "پرستاران و مراقبان سلامت داوطلب فشار و قند خون را اندازه می‌گیرند و هر کس را که نتیجه "
                "نگران‌کننده داشته باشد، به پزشک خانواده معرفی می‌کنند.",
                "داوطلبان پایگاه بسیج نسترن در نوبت‌دهی و جابه‌جایی سالمندانی که تنها راه نمی‌روند کمک می‌کنند. "
                "یک همراه هم می‌توانید با خود ثبت‌نام کنید.",
            ],
            Weekly(1, 8, (THURSDAY,), "08:00", "11:00"),
            -12,
            venue_name="مسجد جامع شهر قائم",
            venue_asset="masjed-shahr-e-ghaem",
            organiser="جمعیت داوطلبان سلامت شهر قائم",
            partners="خانه بهداشت محله، پایگاه بسیج نسترن",
            partner_links=[("salamat-ghaem", "organiser")],
            max_people_per_signup=2,
            national_code="optional",
            registrants=signups(3, 1, ("غلامحسین ابراهیمی", 2), "بتول زارع", ("عزت‌الله کریمیان", 2)),
        ),
        programme(
            "tutoring-classes",
            "کلاس جبرانی ریاضی و فارسی برای دانش‌آموزان دبستانی",
            "course",
            "children",
            "دانشجویان داوطلب هفته‌ای دو عصر به دانش‌آموزانی که درسشان عقب مانده یا کم به مدرسه می‌آیند، "
            "ریاضی و فارسی درس می‌دهند؛ رایگان.",
            [
                "فهرست دانش‌آموزان را مدرسه‌های محله و کمیته آسیب‌های اجتماعی شورا تهیه می‌کنند و پدر یا مادر "
                "هر دانش‌آموز او را ثبت‌نام می‌کند. خانه کودک امید برنامه درس‌ها را می‌چیند و خیریه نیکوکاران "
                "شهر قائم هزینه رفت‌وآمد داوطلبان و میان‌وعده بچه‌ها را می‌پردازد.",
                "خانواده‌هایی که به درآمد کار کودکانشان وابسته‌اند، می‌توانند برای معرفی به کمیته امداد و "
                "بهزیستی با مددکار دفتر گفت‌وگو کنند.",
            ],
            Weekly(3, 16, (SUNDAY, TUESDAY), "15:30", "17:30"),
            -15,
            venue_name="مسجد جامع شهر قائم، کتابخانه",
            venue_asset="masjed-shahr-e-ghaem",
            organiser="خانه کودک امید",
            partners="خیریه نیکوکاران شهر قائم، دفتر تسهیلگری شهر قائم",
            partner_links=[("koodakan-ghaem", "organiser"), ("kheirieh-ghaem", "sponsor")],
            capacity=25,
            waitlist_capacity=10,
            max_people_per_signup=2,
            registrants=signups(3, 2, ("مریم فیض‌آبادی", 2), "صدیقه حیدرزاده", "اصغر نادری"),
        ),
        programme(
            "emdad-welfare-desk",
            "میز خدمت کمیته امداد و بهزیستی: تفکیک پرونده مددجویان",
            "service",
            "families",
            "کارشناسان کمیته امداد و بهزیستی سه روز در دفتر تسهیلگری شهر قائم پرونده خانواده‌های مددجو را "
            "بررسی می‌کنند تا روشن شود هر خانواده زیر پوشش کدام دستگاه است.",
            [
                "کارگروه اجتماعی استان خواسته است مددجویان کمیته امداد و بهزیستی ساکن محله از هم تفکیک شوند تا "
                "هیچ خانواده‌ای از دو جا کمک نگیرد و هیچ خانواده‌ای هم بی‌پشتیبان نماند. خانواده‌ها با کارت ملی "
                "سرپرست و آخرین مدارک پرونده‌شان بیایند.",
                "نام و نشانی خانواده‌ها فقط در اختیار مددکار دفتر و کارشناسان دو دستگاه است.",
            ],
            Weekly(-31, 3, (SATURDAY, SUNDAY, MONDAY), "08:30", "13:00"),
            -41,
            venue_name="دفتر تسهیلگری شهر قائم",
            organiser="دفتر تسهیلگری شهر قائم",
            partners="کمیته امداد امام خمینی (ره) استان قم، اداره بهزیستی شهرستان قم",
            national_code="required",
            sensitive_topic="family_support",
        ),
        programme(
            "factory-skills-course",
            "دوره مهارت‌های پایه کار صنعتی برای جوانان جویای کار",
            "course",
            "jobseekers",
            "دوازده جلسه آموزش ایمنی کار، کار با ابزار و آشنایی با خط تولید، با گواهی فنی و حرفه‌ای؛ برای "
            "جوانانی که در فهرست معرفی به کارخانه‌های محله‌اند.",
            [
                "دو کارخانه محدوده شهر قائم قرار است به شهرک‌های صنعتی اطراف قم بروند و شورای پیشرفت محله از "
                "آن‌ها خواسته است در استخدام‌های تازه، جوانان آموزش‌دیده محله را در اولویت بگذارند. کسی که این "
                "دوره را تمام کند، با گواهی در فهرست معرفی دفتر تسهیلگری می‌آید.",
                "دوره رایگان است و سرویس رفت‌وآمد به کارگاه آموزشی را دفتر هماهنگ می‌کند.",
            ],
            Weekly(15, 12, (SATURDAY, MONDAY, WEDNESDAY), "16:00", "19:00"),
            7,
            venue_name="کارگاه آموزشی مرکز فنی و حرفه‌ای قم",
            organiser="مرکز آموزش فنی و حرفه‌ای قم",
            partners="دفتر تسهیلگری شهر قائم",
            capacity=20,
            waitlist_capacity=10,
            national_code="required",
        ),
    ],
    # --- Qom, the same working group: identity documents, teenagers, skills ---------------------------
    "esmaeilabad": [
        programme(
            "identity-documents-desk",
            "میز خدمت مدارک هویتی، چهارشنبه‌ها",
            "service",
            "families",
            "هر چهارشنبه در دفتر تسهیلگری اسماعیل‌آباد، راه گرفتن شناسنامه و مدارک هویتی را برای خانواده‌هایی "
            "که فرزندشان مدرک ندارد دنبال می‌کنیم؛ برای نوبت ثبت‌نام کنید.",
            [
                "بی‌شناسنامه بودن یعنی بی‌پرونده سلامت ماندن، ثبت‌نام نشدن در مدرسه و بیرون ماندن از حمایت‌ها. "
                "این میز به پیشنهاد یکی از اهالی و با رأی شورای پیشرفت محله هفتگی شد.",
                "هر مدرکی دارید، حتی کهنه یا ناقص، همراه بیاورید. آنچه می‌گویید محرمانه است و فقط در اختیار "
                "مددکار دفتر می‌ماند.",
            ],
            Weekly(1, 6, (WEDNESDAY,), "09:00", "13:00"),
            -12,
            venue_name="دفتر تسهیلگری اسماعیل‌آباد، ساختمان پایگاه سلامت",
            organiser="دفتر تسهیلگری اسماعیل‌آباد",
            partners="اداره ثبت احوال قم",
            sensitive_topic="identity_documents",
            registrants=signups(4, 1, "نورالله بهرامی", "گلنار صمدی"),
        ),
        programme(
            "teen-book-club",
            "پاتوق کتاب و بازی فکری نوجوانان",
            "event",
            "teens",
            "شنبه‌عصرها در پاتوق جوانان اسماعیل‌آباد: کتاب‌خوانی گروهی، شطرنج و بازی‌های فکری و گفت‌وگو با "
            "مشاور نوجوان؛ هشت هفته.",
            [
                "کانون همیاران اسماعیل‌آباد این پاتوق را برای نوجوانانی راه انداخته که عصرها جایی جز کوچه ندارند. "
                "هر هفته یک کتاب کوتاه با هم خوانده می‌شود و نیمه دوم وقت به بازی فکری می‌گذرد.",
                "ثبت‌نام را پدر یا مادر نوجوان با شماره همراه خود انجام می‌دهد. جای پاتوق کم است؛ اگر ظرفیت پر "
                "بود، در فهرست انتظار بمانید.",
            ],
            Weekly(4, 8, (SATURDAY,), "16:00", "18:00"),
            -9,
            venue_name="پاتوق جوانان اسماعیل‌آباد",
            venue_asset="kanoon-javanan",
            organiser="کانون همیاران اسماعیل‌آباد",
            partners="دفتر تسهیلگری اسماعیل‌آباد",
            partner_links=[("hamyaran-esmaeilabad", "organiser")],
            capacity=8,
            waitlist_capacity=6,
            # Ten for eight places: two wait.
            registrants=signups(
                4, 2, "بهمن شکوهی", "طاهره نصیری", "ریحانه باقرزاده", "حسین پاکزاد", "اشرف طالبی",
                "علی‌اصغر نوروزپور", "معصومه قاسم‌پور", "ابوالفضل دهقانی", "ناهید رحیمی‌فر", "سجاد کاظم‌زاده",
            ),
        ),
        programme(
            "electrician-course",
            "دوره برق‌کاری ساختمان برای جوانان",
            "course",
            "youth",
            "دوره دوماهه برق‌کاری ساختمان با آزمون مهارت و گواهی فنی و حرفه‌ای، در کارگاه سیار کنار حسینیه "
            "محله.",
            [
                "کلاس‌ها در کارگاه سیار مرکز آموزش فنی و حرفه‌ای برگزار می‌شود و شرکت‌کنندگان در پایان دوره در "
                "آزمون مهارت شرکت می‌کنند.",
                "دفتر تسهیلگری با چند پیمانکار ساختمانی شهر گفت‌وگو کرده تا فارغ‌التحصیلان دوره را به‌عنوان "
                "کارآموز بپذیرند؛ هزینه ابزار اولیه را خیران می‌پردازند.",
            ],
            Weekly(-90, 24, (SATURDAY, MONDAY, WEDNESDAY), "16:00", "19:00"),
            -104,
            venue_name="کارگاه سیار فنی و حرفه‌ای، کنار حسینیه محله",
            organiser="مرکز آموزش فنی و حرفه‌ای قم",
            partners="دفتر تسهیلگری اسماعیل‌آباد",
            capacity=18,
            national_code="required",
        ),
    ],
    # --- Tehran, Region 13: the health insurance desk, free visits, skills and home businesses --------
    "sorkheh-hesar": [
        programme(
            "health-insurance-desk",
            "میز خدمت بیمه سلامت و پزشک خانواده کنار میدان محله",
            "service",
            "everyone",
            "کارشناسان بیمه سلامت یک هفته کنار میدان سرخه‌حصار مستقرند و با کارت ملی، پرونده بیمه رایگان و "
            "پزشک خانواده خانواده‌ها را تشکیل می‌دهند.",
            [
                "برپایی این میز در پرترددترین نقطه محله از مصوبه‌های نخستین جلسه شورای هماهنگی محلات "
                "کم‌برخوردار منطقه ۱۳ است، تا اهالی برای بیمه سلامت راه دوری نروند.",
                "همسایه‌های سالمند و کم‌تحرک را به دفتر معرفی کنید تا کارشناسان برای ثبت‌نام به خانه‌شان بروند.",
            ],
            Weekly(-44, 6, WORKING_DAYS, "08:30", "13:00"),
            -51,
            venue_name="کنار میدان محله سرخه‌حصار",
            organiser="مرکز بهداشت شرق تهران",
            partners="اداره بیمه سلامت، دفتر تسهیلگری سرخه‌حصار",
            max_people_per_signup=4,
            national_code="required",
        ),
        programme(
            "home-pastry-course",
            "دوره شیرینی‌پزی خانگی برای زنان سرپرست خانوار",
            "course",
            "women",
            "هشت جلسه آموزش شیرینی‌پزی و بسته‌بندی با گواهی جهاد دانشگاهی؛ گذراندن آن شرط معرفی به وام "
            "قرض‌الحسنه کسب‌وکار خانگی است.",
            [
                "شورای پیشرفت محله تصمیم گرفته است وام کسب‌وکار خانگی به کسانی داده شود که پیش‌تر دوره مهارتی را "
                "گذرانده‌اند تا پول به کار بیفتد. این دوره را جهاد دانشگاهی در سرای محله برگزار می‌کند و مواد "
                "اولیه کلاس با خیران است.",
                "پس از دوره، سمن توانا کارگاه کوتاه فروش و بازاریابی را برای شرکت‌کنندگان برگزار می‌کند و دفتر "
                "تسهیلگری آن‌ها را برای وام به صندوق خیران معرفی می‌کند.",
            ],
            Weekly(4, 8, (SUNDAY, TUESDAY), "09:00", "12:00"),
            -8,
            venue_name="سرای محله سرخه‌حصار",
            venue_asset="saraye-mahalle-sorkheh-hesar",
            organiser="جهاد دانشگاهی تهران",
            partners="سمن توانا، دفتر تسهیلگری سرخه‌حصار",
            partner_links=[("tavana", "partner")],
            capacity=8,
            waitlist_capacity=6,
            national_code="required",
            # Ten for eight seats: two wait.
            registrants=signups(
                5, 2, "ژیلا تهرانی", "سهیلا مهدوی", "فریده ناصری", "شکوفه آذری", "رویا خسروی", "طاهره صدیقی",
                "مهری لطفی", "زیبا عسکری", "نازنین سپهری", "هما قنبرزاده",
            ),
        ),
        programme(
            "free-medical-visits",
            "دور دوم ویزیت رایگان خانواده‌های کم‌برخوردار",
            "service",
            "families",
            "پزشک عمومی، متخصص اطفال و دندان‌پزشک داوطلب دو روز در سرای محله خانواده‌های کم‌برخوردار را رایگان "
            "ویزیت می‌کنند؛ برای نوبت، خانواده را یک‌جا ثبت‌نام کنید.",
            [
                "دور نخست ویزیت رایگان با استقبال بیش از سیصد نفر از اهالی برگزار شد و شورای پیشرفت محله خواست "
                "دور دوم هم برگزار شود. بیمارانی که به پیگیری نیاز داشته باشند، به پزشک خانواده محله ارجاع "
                "می‌شوند.",
                "خیریه نان و مهر هزینه داروی خانواده‌هایی را که بیمه ندارند می‌پردازد.",
            ],
            Weekly(9, 2, (MONDAY, TUESDAY), "08:00", "14:00"),
            -10,
            venue_name="سرای محله سرخه‌حصار",
            venue_asset="saraye-mahalle-sorkheh-hesar",
            organiser="دفتر تسهیلگری سرخه‌حصار",
            partners="مرکز بهداشت شرق تهران، خیریه نان و مهر",
            partner_links=[("nan-o-mehr", "sponsor")],
            capacity=60,
            waitlist_capacity=20,
            max_people_per_signup=5,
            national_code="optional",
            registrants=signups(5, 3, ("اکبر شعبانی", 4), ("صغری یوسف‌زاده", 3), ("حمیدرضا نیک‌پور", 2)),
        ),
        programme(
            "home-business-sales-workshop",
            "کارگاه فروش و بازاریابی برای کسب‌وکارهای خانگی",
            "course",
            "women",
            "سه جلسه قیمت‌گذاری، عکاسی از محصول با گوشی و فروش در فضای مجازی، برای صاحبان کسب‌وکارهای خانگی "
            "که با وام خیران راه افتاده‌اند.",
            [
                "سمن توانا این کارگاه را برای کسانی برگزار می‌کند که پس از دوره‌های مهارت‌آموزی کسب‌وکار خانگی راه "
                "انداخته‌اند: از شیرینی‌پزی و بافتنی تا تعمیر لوازم خانگی.",
                "سرای محله یک غرفه دائمی برای عرضه محصولات آن‌ها در نظر گرفته است.",
            ],
            Weekly(20, 3, (WEDNESDAY,), "16:00", "18:30"),
            10,
            venue_name="سرای محله سرخه‌حصار",
            venue_asset="saraye-mahalle-sorkheh-hesar",
            organiser="سمن توانا",
            partners="دفتر تسهیلگری سرخه‌حصار",
            partner_links=[("tavana", "organiser")],
            capacity=20,
            waitlist_capacity=10,
        ),
    ],
    # --- Zanjan: the pilot's committees: social vitality, public safety, health -----------------------
    "eslamabad-zanjan": [
        programme(
            "futsal-class",
            "کلاس رایگان فوتسال کودکان در حیاط مسجد امام حسن",
            "course",
            "children",
            "پنجشنبه‌عصرها، مربی داوطلب محله به کودکان ۸ تا ۱۲ ساله فوتسال یاد می‌دهد؛ تا پیدا شدن سالن، در حیاط "
            "مسجد امام حسن.",
            [
                "کمیته نشاط اجتماعی شورای پیشرفت محله این کلاس را با مربی جوانی راه انداخته که از راه همین درگاه "
                "داوطلب شد. هیئت امنای مسجد امام حسن حیاط مسجد را تا پیدا شدن سالن در اختیار کلاس گذاشته است.",
                "ثبت‌نام را پدر یا مادر کودک انجام می‌دهد. کفش ورزشی و بطری آب همراه کودک باشد.",
            ],
            Weekly(7, 8, (THURSDAY,), "16:00", "17:30"),
            -2,
            venue_name="حیاط مسجد امام حسن",
            venue_asset="masjed-eslamabad",
            organiser="کمیته نشاط اجتماعی شورای پیشرفت محله اسلام‌آباد",
            partners="هیئت امنای مسجد امام حسن",
            capacity=16,
            waitlist_capacity=8,
            max_people_per_signup=2,
            registrants=signups(6, 1, "یونس قربانلو", ("سمیرا حسینلو", 2), "رحیم اصانلو", "فرحناز بیگلری"),
        ),
        programme(
            "safety-map-walk",
            "پیاده‌روی به‌روزرسانی نقشه ایمنی محله",
            "event",
            "everyone",
            "کمیته امنیت عمومی و اهالی در گروه‌های کوچک کوچه‌های اسلام‌آباد را می‌پیمایند تا نقطه‌های ناامن تازه "
            "و نقطه‌هایی را که امن‌تر شده‌اند روی نقشه ایمنی محله بیاورند.",
            [
                "نقشه ارتقای ایمنی محله هر شش ماه با قدم‌زدن اهالی به‌روز می‌شود: تیرهای بی‌چراغ، چاه‌های "
                "بی‌درپوش، ساختمان‌های نیمه‌کاره و زمین‌های رهاشده علامت می‌خورند.",
                "جای دقیق نقطه‌های ناامن فقط در اختیار دستگاه‌های مسئول است و در نسخه عمومی نقشه نمی‌آید.",
            ],
            Weekly(-20, 1, (SUNDAY, MONDAY, TUESDAY), "15:30", "18:00"),
            -30,
            venue_name="مسجد امام حسن (محل شروع)",
            venue_asset="masjed-eslamabad",
            organiser="کمیته امنیت عمومی شورای پیشرفت محله اسلام‌آباد",
            partners="پایگاه بسیج محله، کلانتری محله",
            max_people_per_signup=3,
        ),
        programme(
            "first-aid-workshop",
            "کارگاه کمک‌های اولیه برای خانواده‌ها",
            "course",
            "families",
            "دو جلسه آموزش کمک‌های اولیه در خانه: سوختگی، خونریزی، خفگی کودک و تماس با اورژانس؛ با مراقبان سلامت "
            "مرکز خدمات جامع سلامت محله.",
            [
                "کمک‌های اولیه از دوره‌هایی بود که اهالی در نظرخواهی کمیته بهداشت و سلامت خواسته بودند. کلاس در "
                "هنرستان کار و دانش برگزار می‌شود.",
                "انجمن مهر کودک زنجان برای کودکانی که همراه پدر و مادر می‌آیند، در همان ساعت کلاس نقاشی می‌گذارد.",
            ],
            Weekly(12, 2, (MONDAY, WEDNESDAY), "17:00", "19:00"),
            4,
            venue_name="هنرستان کار و دانش",
            venue_asset="honarestan-eslamabad",
            organiser="مرکز خدمات جامع سلامت محله",
            partners="انجمن مهر کودک زنجان",
            partner_links=[("mehr-koodak-zanjan", "partner")],
            capacity=30,
            waitlist_capacity=10,
            max_people_per_signup=2,
        ),
    ],
    # --- Qazvin: NGOs in the neighbourhood, cultural programmes in the tekyeh, waste ------------------
    "manba-ab": [
        programme(
            "teen-culture-nights",
            "شب‌های فرهنگی نوجوانان در تکیه منبع آب",
            "event",
            "teens",
            "پنجشنبه‌شب‌ها: کتاب، نمایش و گفت‌وگو با روحانی مسجد و مربی فرهنگی برای نوجوانان محله، در تکیه‌ای که "
            "جز دهه محرم کمتر به کار می‌آید.",
            [
                "در نیازسنجی سمن‌ها، اهالی از کمبود برنامه برای نوجوانان گله داشتند. شورای پیشرفت محله با هیئت "
                "تکیه قرار گذاشت تکیه پنجشنبه‌شب‌ها در اختیار این برنامه باشد و کمیته بعد اجتماعی آن را با روحانی "
                "مسجد محله پیش می‌برد.",
            ],
            Weekly(12, 6, (THURSDAY,), "19:00", "21:00"),
            5,
            venue_name="تکیه منبع آب",
            venue_asset="tekyeh-manba-ab",
            organiser="کمیته بعد اجتماعی شورای پیشرفت محله منبع آب",
            partners="هیئت تکیه منبع آب، مسجد محله",
            capacity=40,
            waitlist_capacity=10,
        ),
        programme(
            "waste-sorting-workshop",
            "کارگاه تفکیک پسماند در خانه",
            "event",
            "families",
            "پیش از نصب ایستگاه‌های تحویل پسماند خشک، انجمن سبز قزوین در دو جلسه یاد می‌دهد زباله خشک و تر را "
            "چطور در خانه جدا کنید.",
            [
                "پاسخ‌های تازه نیازسنجی نشان می‌دهد پسماند و نظافت کوچه‌ها حالا مسئله اول اهالی است. کمیته بعد "
                "زیست‌محیطی شورا می‌خواهد پیش از آمدن ایستگاه‌ها، اهالی شیوه تفکیک را بدانند.",
                "بچه‌هایی که تابستان در کارگاه‌های انجمن سبز قزوین تفکیک پسماند را یاد گرفتند، به‌عنوان سفیران "
                "تفکیک کنار مربی‌اند.",
            ],
            Weekly(6, 2, (TUESDAY,), "17:00", "18:30"),
            -6,
            venue_name="تکیه منبع آب",
            venue_asset="tekyeh-manba-ab",
            organiser="انجمن سبز قزوین",
            partners="کمیته بعد زیست‌محیطی شورای پیشرفت محله، شهرداری منطقه ۲ قزوین",
            partner_links=[("sabz-qazvin", "organiser")],
            capacity=40,
            waitlist_capacity=10,
            max_people_per_signup=3,
            registrants=signups(7, 2, ("منصور شهابی", 2), ("فاطمه قزوینی", 3), "پرستو رجبی"),
        ),
        programme(
            "ngo-residents-meeting",
            "نشست اهالی و سمن‌ها: برنامه‌های فرهنگی برای نقاط آسیب‌خیز محله",
            "event",
            "everyone",
            "نمایندگان سمن‌های قزوین و اهالی منبع آب در تکیه محله گفت‌وگو می‌کنند که کدام برنامه‌های فرهنگی و "
            "اجتماعی آسیب‌ها را در نقاط آسیب‌خیز محله کم می‌کند.",
            [
                "نتیجه این نشست به کمیته‌های تخصصی دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان می‌رود تا هر "
                "پیشنهاد، طرحی با دستگاه یا سمن مسئول شود.",
                "انجمن سبز قزوین، انجمن حمایت از زنان سرپرست خانوار و خیریه نیکوکاران منبع آب در نشست حاضرند.",
            ],
            Weekly(-58, 1, (SATURDAY, SUNDAY, MONDAY, TUESDAY, WEDNESDAY), "17:00", "19:30"),
            -68,
            venue_name="تکیه منبع آب",
            venue_asset="tekyeh-manba-ab",
            organiser="دفتر تسهیلگری منبع آب",
            partners="انجمن سبز قزوین، انجمن حمایت از زنان سرپرست خانوار، خیریه نیکوکاران منبع آب",
            partner_links=[
                ("sabz-qazvin", "partner"),
                ("zanan-sarparast-qazvin", "partner"),
                ("kheirieh-manba-ab", "partner"),
            ],
            max_people_per_signup=2,
        ),
    ],
}

# What an earlier demo gave every neighbourhood alike (slug: title). Loading the demo into a database that
# has them unpublishes those a neighbourhood no longer has; a slug it still has is brought up to date.
RETIRED = {
    "sewing-course": "دوره مهارت‌آموزی خیاطی برای زنان",
    "tree-planting-day": "روز درختکاری: کاشت نهال در بوستان محله",
    "women-recovery": "درمان رایگان ترک اعتیاد برای بانوان",
    "health-insurance-desk": "میز خدمت بیمه سلامت و پزشک خانواده",
    "computer-course": "کلاس مهارت‌های رایانه و اینترنت برای جوانان",
}

# Not page fields: the builder uses them, or page_fields() and session_rows() resolve them into dates.
NOT_PAGE_FIELDS = ("schedule", "signup_opens", "venue_asset", "partner_links", "registrants")


def programmes_of(neighborhood_slug):
    """The programmes of one demo neighbourhood."""
    return PROGRAMMES.get(neighborhood_slug, [])


def session_days(data, today=None):
    return data["schedule"].days(today or timezone.localdate())


def page_fields(data, today=None):
    """The page's own fields, sign-up opening resolved to a date; sessions and the rest apart."""
    fields = {key: value for key, value in data.items() if key not in NOT_PAGE_FIELDS}
    fields["signup_opens"] = data["schedule"].signup_opens(data["signup_opens"], today or timezone.localdate())
    return fields


def session_rows(data, today=None):
    schedule = data["schedule"]
    return [
        {
            "date": day,
            "starts": datetime.time.fromisoformat(schedule.starts),
            "ends": datetime.time.fromisoformat(schedule.ends),
            "note": "",
        }
        for day in session_days(data, today)
    ]


def on_fixed_days():
    """{(neighbourhood slug, programme slug): schedule} of the programmes on a day the calendar fixes."""
    return {
        (neighborhood, data["slug"]): data["schedule"]
        for neighborhood, items in PROGRAMMES.items()
        for data in items
        if isinstance(data["schedule"], Occasion)
    }
