"""Demo content of the directory: each neighbourhood's assets, the organisations serving the demo
neighbourhoods with their services, and two NGO applications waiting in inboxes.

Every organisation a demo text names (a council member's, one in the news, a programme's partner) is
listed here, serving the neighbourhoods that name it; an application is from an organisation not
listed yet. Applicants' mobiles follow their neighbourhood's series of demo numbers.

Names, addresses and numbers are invented (local numbers starting with 0000 do not exist); the kinds
of places and services follow public reports about the facilitation offices. Points lie a few hundred
metres from each office. Costs are in rials, as stored.
"""

import datetime
from decimal import Decimal

from directory.choices import OrganizationKind, Owner, ServiceCategory, TargetGroup

from .content import paragraphs

DIRECTORY = {
    "slug": "directory",
    "title": "سمن‌ها و خیریه‌ها",
    "show_in_menus": True,
    "intro": paragraphs(
        "سازمان‌های مردم‌نهاد، خیریه‌ها، تعاونی‌ها و دستگاه‌هایی که در محله‌های ما خدمت می‌دهند. با فیلترها "
        "خدمتی را پیدا کنید که به کار شما یا خانواده‌تان می‌آید؛ نشان «تأییدشده» یعنی دفتر تسهیلگری محله "
        "سازمان را دیده و اطلاعاتش را بررسی کرده است."
    ),
}

APPLICATION_PAGE = {
    "slug": "apply",
    "title": "درخواست ثبت سازمان در فهرست",
    "intro": paragraphs(
        "اگر سازمان مردم‌نهاد، خیریه یا تعاونی شما در یکی از محله‌ها خدمت می‌دهد، این فرم را پر کنید. "
        "دفتر تسهیلگری محله اصلی شما درخواست را بررسی می‌کند و پس از تأیید، صفحه سازمان در فهرست منتشر می‌شود."
    ),
    "thank_you_text": paragraphs("تسهیلگران دفتر معمولاً ظرف یک هفته با رابط سازمان تماس می‌گیرند."),
}


def _hours(opens="08:00", closes="20:00", friday_closed=True):
    rows = [(day, False, opens, closes) for day in range(6)]
    rows.append((6, True, None, None) if friday_closed else (6, False, opens, closes))
    return rows


def asset(slug, title, kind, offset, ownership, summary, **extra):
    """An asset ``offset`` (Δlat, Δlng in thousandths of a degree) from its office."""
    return {
        "slug": slug,
        "title": title,
        "asset_type": kind,
        "offset": offset,
        "ownership": ownership,
        "summary": summary,
        "address": extra.pop("address", ""),
        "phone": extra.pop("phone", ""),
        "capacity": extra.pop("capacity", None),
        "facilities": "\n".join(extra.pop("facilities", [])),
        "accessibility": extra.pop("accessibility", ""),
        "can_host_programmes": extra.pop("can_host_programmes", False),
        "hours": extra.pop("hours", _hours()),
    }


# Three or four per neighbourhood: the places offices lean on in the reports (mosque, school, house,
# health post, park, sports ground).
ASSETS = {
    "bagh-khalaj": [
        asset("masjed-emam-sajjad", "مسجد امام سجاد", "mosque", (1, -2), Owner.RELIGIOUS,
              "مسجد محله و محل جلسه‌های شورای پیشرفت محله.", address="خیابان یاس، روبه‌روی کوچه پنجم",
              phone="086-0000-4421", capacity=350, facilities=["شبستان", "سالن اجتماعات", "آشپزخانه"],
              accessibility="ورودی بدون پله از سمت حیاط.", can_host_programmes=True,
              hours=_hours("05:00", "22:00", friday_closed=False)),
        asset("saraye-mahalle-bagh-khalaj", "سرای محله امام سجاد", "neighbourhood_house", (0, 0), Owner.PUBLIC,
              "خانه کلاس‌های مهارت‌آموزی و دفتر تسهیلگری.", address="خیابان یاس، کوچه سوم",
              phone="086-0000-4410", capacity=60, facilities=["دو کلاس", "کارگاه خیاطی", "کتابخانه کوچک"],
              accessibility="طبقه همکف؛ سرویس بهداشتی مناسب ویلچر.", can_host_programmes=True,
              hours=_hours("08:00", "18:00")),
        asset("madrese-shahid-beheshti", "دبستان شهید بهشتی", "school", (-2, 1), Owner.PUBLIC,
              "حیاط و نمازخانه مدرسه عصرها در اختیار برنامه‌های محله است.", capacity=200,
              facilities=["حیاط بزرگ", "نمازخانه"], can_host_programmes=True, hours=_hours("07:30", "13:30")),
        asset("boostan-yas", "بوستان یاس", "park", (2, 3), Owner.PUBLIC,
              "تنها فضای سبز محله؛ جای برنامه روز درختکاری.", facilities=["وسایل بازی کودک", "مسیر پیاده‌روی"],
              accessibility="مسیر هموار از ورودی شمالی.", can_host_programmes=True,
              hours=_hours("06:00", "23:00", friday_closed=False)),
    ],
    "roudaki": [
        asset("hosseinieh-roudaki", "حسینیه رودکی", "tekyeh", (1, 1), Owner.RELIGIOUS,
              "حسینیه قدیمی محله که در مناسبت‌ها پذیرای اهالی است.", capacity=250, facilities=["سالن", "آشپزخانه"],
              can_host_programmes=True),
        asset("paygah-salamat-roudaki", "پایگاه سلامت رودکی", "health_centre", (-1, 2), Owner.PUBLIC,
              "مراقبت مادر و کودک و غربالگری فشار خون.", phone="086-0000-4460", accessibility="ورودی با رمپ.",
              hours=_hours("07:30", "14:30")),
        asset("zamin-varzeshi-roudaki", "زمین ورزشی رودکی", "sports_ground", (-2, -1), Owner.PUBLIC,
              "زمین چمن مصنوعی که عصرها برای نوجوانان محله رایگان است.", capacity=40, can_host_programmes=True),
    ],
    "shahr-e-ghaem": [
        asset("masjed-shahr-e-ghaem", "مسجد جامع شهر قائم", "mosque", (0, 1), Owner.RELIGIOUS,
              "مسجدی که دفتر تسهیلگری کنارش است و کلاس‌های قرآن و مشاوره را میزبانی می‌کند.", capacity=400,
              facilities=["شبستان", "کتابخانه", "سالن چندمنظوره"], can_host_programmes=True,
              hours=_hours("05:00", "22:00", friday_closed=False)),
        asset("paygah-basij-nastaran", "پایگاه بسیج نسترن", "basij_base", (2, -1), Owner.PUBLIC,
              "داوطلبان پایگاه در طرح‌های پاک‌سازی و توزیع بسته‌های معیشتی همراه دفترند.", capacity=30),
        asset("kargah-farsh-ghaem", "کارگاه فرش‌بافی بانوان", "workshop", (-1, -2), Owner.PRIVATE,
              "کارگاه خانگی که به دختران و زنان محله فرش‌بافی می‌آموزد.", capacity=15, can_host_programmes=True,
              facilities=["دار قالی", "انبار مواد"]),
    ],
    "esmaeilabad": [
        asset("paygah-salamat-esmaeilabad", "پایگاه سلامت اسماعیل‌آباد", "health_centre", (0, 0), Owner.PUBLIC,
              "محل دفتر تسهیلگری در طبقه اول و مراقبت‌های سلامت در همکف.", phone="086-0000-5520",
              accessibility="همکف بدون پله؛ طبقه اول بدون آسانسور.", hours=_hours("07:30", "14:30")),
        asset("masjed-al-nabi", "مسجد النبی", "mosque", (2, 1), Owner.RELIGIOUS,
              "مسجد محله با سالنی که برای جلسه‌های شورا به کار می‌رود.", capacity=300, can_host_programmes=True),
        asset("kanoon-javanan", "پاتوق جوانان اسماعیل‌آباد", "hangout", (-1, 2), Owner.NGO,
              "پاتوقی که سمن محلی برای نوجوانان راه انداخته است: کتاب، بازی فکری و مشاوره.", capacity=25,
              can_host_programmes=True, facilities=["کتابخانه کوچک", "بازی‌های فکری"]),
    ],
    "sorkheh-hesar": [
        asset("saraye-mahalle-sorkheh-hesar", "سرای محله سرخه‌حصار", "neighbourhood_house", (0, 0), Owner.PUBLIC,
              "سرای محله با کلاس‌های آموزشی، مشاوره و دفتر تسهیلگری.", capacity=80, can_host_programmes=True,
              facilities=["سالن اجتماعات", "سه کلاس", "اتاق مشاوره"], accessibility="آسانسور دارد.",
              hours=_hours("08:00", "20:00")),
        asset("ketabkhane-laleh", "کتابخانه عمومی لاله", "library", (1, -2), Owner.PUBLIC,
              "کتابخانه محله با بخش کودک.", capacity=50, hours=_hours("09:00", "19:00")),
        asset("boostan-sorkheh-hesar", "بوستان محله", "park", (-2, 1), Owner.PUBLIC,
              "بوستان کنار رود با زمین بازی.", facilities=["زمین بازی", "دستگاه‌های ورزشی"]),
    ],
    "eslamabad-zanjan": [
        asset("masjed-eslamabad", "مسجد امام حسن", "mosque", (1, 1), Owner.RELIGIOUS,
              "پایگاه جلسه‌های معتمدان محله.", capacity=280, can_host_programmes=True),
        asset("honarestan-eslamabad", "هنرستان کار و دانش", "school", (-1, -1), Owner.PUBLIC,
              "کارگاه‌های هنرستان در تابستان برای دوره‌های مهارتی باز است.", capacity=120, can_host_programmes=True,
              facilities=["کارگاه برق", "کارگاه خیاطی"]),
        asset("nanvaei-bahar", "نانوایی تعاونی بهار", "business", (2, -2), Owner.PRIVATE,
              "نانوایی‌ای که نان‌های مانده را هر شب به خیریه محله می‌دهد."),
    ],
    "manba-ab": [
        asset("tekyeh-manba-ab", "تکیه منبع آب", "tekyeh", (1, 0), Owner.RELIGIOUS,
              "تکیه محله؛ در دهه محرم و برنامه‌های مناسبتی میزبان اهالی.", capacity=200, can_host_programmes=True),
        asset("salon-varzeshi-arghavan", "سالن ورزشی ارغوان", "sports_ground", (-1, 1), Owner.PUBLIC,
              "سالن سرپوشیده؛ صبح‌ها ورزش بانوان.", capacity=60, can_host_programmes=True,
              hours=_hours("07:00", "22:00")),
        asset("markaz-behdasht-manba-ab", "مرکز خدمات جامع سلامت", "health_centre", (0, -2), Owner.PUBLIC,
              "واکسیناسیون، مراقبت سالمندان و مشاوره تغذیه.", accessibility="رمپ و ویلچر در ورودی.",
              hours=_hours("07:30", "16:00")),
    ],
}


def service(name, category, target, cost_rials=None, eligibility="", how="", description=""):
    return {
        "name": name,
        "category": category,
        "target_group": target,
        "cost_rials": cost_rials,
        "eligibility": eligibility,
        "how_to_apply": how,
        "description": description,
    }


def organization(slug, title, kind, neighborhoods, services, point, **extra):
    return {
        "slug": slug,
        "title": title,
        "kind": kind,
        "neighborhoods": neighborhoods,
        "services": services,
        "latitude": Decimal(point[0]) if point else None,
        "longitude": Decimal(point[1]) if point else None,
        "registration_number": extra.pop("registration_number", ""),
        "summary": extra.pop("summary", ""),
        "fields_of_activity": "\n".join(extra.pop("fields", [])),
        "address": extra.pop("address", ""),
        "phone": extra.pop("phone", ""),
        "email": extra.pop("email", ""),
        "website": extra.pop("website", ""),
        "verified": extra.pop("verified", False),
        "verified_on": extra.pop("verified_on", None),
    }


S, K, T = ServiceCategory, OrganizationKind, TargetGroup

ORGANIZATIONS = [
    organization(
        "mehr-banovan", "انجمن حمایت از بانوان مهر", K.NGO, ["bagh-khalaj", "roudaki"],
        [service("درمان رایگان اعتیاد بانوان", S.ADDICTION, T.WOMEN, eligibility="بانوان ساکن دو محله با معرفی دفتر",
                 how="با دفتر تسهیلگری تماس بگیرید؛ پذیرش محرمانه است."),
         service("گروه همیاری خانواده‌ها", S.COUNSELLING, T.FAMILIES, how="سه‌شنبه‌ها ساعت ۱۶ در سرای محله.")],
        ("34.105600", "49.700100"), registration_number="14578", verified=True, verified_on=datetime.date(2025, 5, 4),
        summary="سمنی که درمان و پیگیری بانوان درگیر اعتیاد را با پزشک و مشاور محله پیش می‌برد.",
        fields=["پیشگیری و درمان اعتیاد", "مشاوره خانواده"], phone="086-0000-4471",
    ),
    organization(
        "kheirieh-emam-sajjad", "خیریه امام سجاد", K.CHARITY, ["bagh-khalaj"],
        [service("بسته معیشتی ماهانه", S.LIVELIHOOD, T.WOMEN_HEADS, eligibility="خانواده‌های معرفی‌شده از کمیته امداد یا دفتر"),
         service("جهیزیه نوعروسان", S.LIVELIHOOD, T.FAMILIES)],
        ("34.103900", "49.702800"), verified=True, verified_on=datetime.date(2024, 11, 16),
        summary="خیریه‌ای که خیران محله و هیئت امنای مسجد راه انداخته‌اند.", fields=["حمایت معیشتی"],
        address="خیابان یاس، جنب مسجد امام سجاد", phone="086-0000-4433",
    ),
    organization(
        "tavanyab", "تعاونی مهارت و اشتغال توانیاب", K.COOPERATIVE, ["bagh-khalaj", "roudaki"],
        [service("دوره خیاطی و کیف‌دوزی", S.EDUCATION, T.WOMEN_HEADS, cost_rials=2_500_000,
                 how="ثبت‌نام در سرای محله؛ نیمی از شهریه را خیران می‌پردازند."),
         service("وام خرد کسب‌وکار خانگی", S.LIVELIHOOD, T.UNEMPLOYED, eligibility="گذراندن یکی از دوره‌های مهارتی")],
        ("34.104200", "49.703900"), registration_number="8821", verified=True, verified_on=datetime.date(2025, 9, 1),
        summary="از آموزش مهارت تا فروش محصول، کنار زنان سرپرست خانوار.", fields=["مهارت‌آموزی", "اشتغال خانگی"],
    ),
    organization(
        "salamat-ghaem", "جمعیت داوطلبان سلامت شهر قائم", K.NGO, ["shahr-e-ghaem"],
        [service("غربالگری فشار خون و قند", S.HEALTH, T.ELDERLY, how="پنجشنبه‌ها صبح در مسجد جامع."),
         service("آموزش کمک‌های اولیه", S.HEALTH, T.EVERYONE)],
        ("34.604100", "50.913900"), verified=True, verified_on=datetime.date(2025, 10, 20),
        summary="پزشکان و پرستاران داوطلب محله.", fields=["سلامت سالمندان", "آموزش سلامت"],
    ),
    organization(
        "koodakan-ghaem", "خانه کودک امید", K.NGO, ["shahr-e-ghaem", "esmaeilabad"],
        [service("کلاس جبرانی درس", S.EDUCATION, T.CHILDREN, eligibility="کودکان بازمانده از تحصیل یا در خطر ترک تحصیل"),
         service("مشاوره تحصیلی والدین", S.COUNSELLING, T.FAMILIES)],
        ("34.602300", "50.911400"), summary="برای کودکانی که مدرسه را رها کرده‌اند یا در آستانه آن‌اند.",
        fields=["کودکان بازمانده از تحصیل"],
    ),
    organization(
        "hamyaran-esmaeilabad", "کانون همیاران اسماعیل‌آباد", K.NGO, ["esmaeilabad"],
        [service("پاتوق کتاب و بازی فکری", S.CULTURE, T.TEENAGERS),
         service("مشاوره روان‌شناسی نوجوان", S.COUNSELLING, T.TEENAGERS, cost_rials=500_000)],
        ("34.669200", "50.862500"), verified=True, verified_on=datetime.date(2025, 7, 12),
        summary="نوجوانان محله را دور کتاب و بازی جمع می‌کند.", fields=["نوجوانان", "فرهنگی"],
    ),
    organization(
        "hoghoghi-tehran", "کانون مشاوره حقوقی رایگان", K.NGO, ["sorkheh-hesar"],
        [service("مشاوره حقوقی خانواده", S.LEGAL, T.FAMILIES, how="یکشنبه‌ها ۱۰ تا ۱۲ در سرای محله.")],
        ("35.701200", "51.537800"), verified=True, verified_on=datetime.date(2025, 4, 27),
        summary="وکیلان داوطلبی که هفته‌ای یک روز در سرای محله‌اند.", fields=["مشاوره حقوقی"],
    ),
    organization(
        "behzisti-13", "مرکز خدمات بهزیستی منطقه ۱۳", K.AGENCY, ["sorkheh-hesar"],
        [service("مشاوره تلفنی صدای مشاور", S.COUNSELLING, T.EVERYONE),
         service("توانبخشی افراد دارای معلولیت", S.HEALTH, T.DISABLED, eligibility="پرونده در بهزیستی")],
        None, summary="ارجاع‌های دفتر به بهزیستی از اینجا پیگیری می‌شود.", fields=["توانبخشی", "مشاوره"],
    ),
    organization(
        "sabz-zanjan", "سمن محیط زیستی سبزینه", K.NGO, ["eslamabad-zanjan"],
        [service("کارگاه تفکیک پسماند", S.ENVIRONMENT, T.EVERYONE),
         service("کاشت نهال با مدرسه‌ها", S.ENVIRONMENT, T.CHILDREN)],
        ("36.656900", "48.509800"), summary="پسماند کمتر و درخت بیشتر در محله‌های حاشیه‌ای.", fields=["محیط زیست"],
    ),
    organization(
        "kheirieh-manba-ab", "خیریه نیکوکاران منبع آب", K.CHARITY, ["manba-ab"],
        [service("کمک هزینه درمان", S.HEALTH, T.ELDERLY, eligibility="سالمندان بی‌بیمه محله"),
         service("بهسازی خانه‌های فرسوده", S.HOUSING, T.FAMILIES, cost_rials=0)],
        ("36.259800", "50.022900"), verified=True, verified_on=datetime.date(2025, 12, 1),
        summary="خیران محله برای درمان و مسکن.", fields=["درمان", "مسکن"],
    ),
    # The organisations each neighbourhood's council members come from and its news names.
    organization(
        "javanan-roudaki", "جمعیت جوانان داوطلب رودکی", K.NGO, ["roudaki"],
        [service("برنامه پنجشنبه‌عصرهای کودکان در پاتوق محله", S.CULTURE, T.CHILDREN,
                 how="پنجشنبه‌ها ساعت ۱۶ در پاتوق انتهای خیابان رودکی."),
         service("مسابقه‌های ورزشی نوجوانان", S.CULTURE, T.TEENAGERS)],
        ("34.079800", "49.680300"), verified=True, verified_on=datetime.date(2025, 11, 9),
        summary="جوانان محله که جشن‌ها و برنامه‌های پاتوق محله را خودشان می‌گردانند.",
        fields=["نشاط اجتماعی", "کودکان و نوجوانان"],
    ),
    organization(
        "kheirieh-ghaem", "خیریه نیکوکاران شهر قائم", K.CHARITY, ["shahr-e-ghaem"],
        [service("هزینه رفت‌وآمد و میان‌وعده کلاس‌های جبرانی", S.EDUCATION, T.CHILDREN),
         service("بسته معیشتی خانواده‌های بی‌سرپرست", S.LIVELIHOOD, T.WOMEN_HEADS,
                 eligibility="با معرفی دفتر تسهیلگری")],
        ("34.602900", "50.913900"), registration_number="6107", verified=True, verified_on=datetime.date(2025, 8, 23),
        summary="خیران محله که هزینه کلاس‌های جبرانی و بسته‌های معیشتی را می‌پردازند.",
        fields=["آموزش", "حمایت معیشتی"],
        address="شهر قائم، بلوار اصلی، جنب مسجد جامع", phone="025-0000-3192",
    ),
    organization(
        "dast-haye-mehraban", "خیریه دست‌های مهربان", K.CHARITY, ["esmaeilabad"],
        [service("تعمیر سقف خانه‌های فرسوده", S.HOUSING, T.FAMILIES,
                 eligibility="سالمندان و زنان سرپرست خانوار ساکن محله، پس از بازدید کمیته عمران شورا"),
         service("سرکشی هفتگی سالمندان تنها", S.HEALTH, T.ELDERLY)],
        ("34.667900", "50.860100"), registration_number="3210", verified=True, verified_on=datetime.date(2025, 6, 15),
        summary="خیریه‌ای که خانه‌های فرسوده محله را پیش از باران‌ها تعمیر می‌کند و به سالمندان تنها سر می‌زند.",
        fields=["مسکن", "سالمندان"], address="قم، اسماعیل‌آباد، خیابان شقایق", phone="025-0000-7788",
    ),
    organization(
        "tavana", "سمن توانا", K.NGO, ["sorkheh-hesar"],
        [service("کارگاه فروش و بازاریابی کسب‌وکار خانگی", S.LIVELIHOOD, T.WOMEN_HEADS),
         service("مشاوره شغلی جویندگان کار", S.LIVELIHOOD, T.UNEMPLOYED, how="با معرفی دفتر تسهیلگری سرخه‌حصار")],
        ("35.701100", "51.535400"), registration_number="22871", verified=True, verified_on=datetime.date(2025, 3, 2),
        summary="همراه زنان سرپرست خانوار و جویندگان کار، از دوره مهارتی تا فروش محصول.",
        fields=["اشتغال", "کسب‌وکار خانگی"],
    ),
    organization(
        "nan-o-mehr", "خیریه نان و مهر", K.CHARITY, ["sorkheh-hesar"],
        [service("هزینه دارو برای خانواده‌های بی‌بیمه", S.HEALTH, T.FAMILIES, eligibility="با معرفی پزشک خانواده محله"),
         service("غذای گرم برای سالمندان تنها", S.LIVELIHOOD, T.ELDERLY)],
        ("35.699900", "51.537100"), verified=True, verified_on=datetime.date(2024, 12, 21),
        summary="خیران شرق تهران برای دارو و غذای گرم خانواده‌های کم‌برخوردار.", fields=["درمان", "حمایت معیشتی"],
        phone="021-0000-7740",
    ),
    organization(
        "mehr-koodak-zanjan", "انجمن مهر کودک زنجان", K.NGO, ["eslamabad-zanjan"],
        [service("غربالگری بینایی و شنوایی کودکان", S.HEALTH, T.CHILDREN,
                 how="با هماهنگی مرکز خدمات جامع سلامت محله"),
         service("کلاس نقاشی کودکان", S.CULTURE, T.CHILDREN)],
        ("36.656600", "48.507800"), registration_number="1934", verified=True, verified_on=datetime.date(2026, 1, 18),
        summary="سمنی که سلامت و شادی کودکان محله‌های حاشیه‌ای زنجان را دنبال می‌کند.", fields=["کودکان", "سلامت"],
    ),
    organization(
        "kheirieh-hamyaran-eslamabad", "خیریه همیاران اسلام‌آباد", K.CHARITY, ["eslamabad-zanjan"],
        [service("هزینه عینک کودکان خانواده‌های کم‌بضاعت", S.HEALTH, T.CHILDREN),
         service("بسته معیشتی", S.LIVELIHOOD, T.FAMILIES, eligibility="با معرفی کمیته آسیب‌های اجتماعی شورا")],
        ("36.655000", "48.509700"), verified=True, verified_on=datetime.date(2026, 2, 7),
        summary="خیران اسلام‌آباد، پشتیبان خانواده‌هایی که کمیته‌های شورا معرفی می‌کنند.", fields=["حمایت معیشتی"],
    ),
    organization(
        "sabz-qazvin", "انجمن سبز قزوین", K.NGO, ["manba-ab"],
        [service("کارگاه تفکیک پسماند", S.ENVIRONMENT, T.EVERYONE),
         service("کاشت و نگهداری نهال در حاشیه مسیل", S.ENVIRONMENT, T.EVERYONE)],
        ("36.259700", "50.020600"), registration_number="5402", verified=True, verified_on=datetime.date(2025, 10, 5),
        summary="سمن محیط زیستی قزوین که با کودکان و اهالی منبع آب پسماند را کم و فضای سبز را بیشتر می‌کند.",
        fields=["محیط زیست", "آموزش کودکان"],
    ),
    organization(
        "zanan-sarparast-qazvin", "انجمن حمایت از زنان سرپرست خانوار", K.NGO, ["manba-ab"],
        [service("آموزش حسابداری ساده صندوق‌های خرد", S.LIVELIHOOD, T.WOMEN_HEADS),
         service("مشاوره حقوقی زنان سرپرست خانوار", S.LEGAL, T.WOMEN_HEADS)],
        ("36.258600", "50.022400"), registration_number="4716", verified=True, verified_on=datetime.date(2025, 9, 14),
        summary="همراه زنان سرپرست خانوار قزوین در صندوق‌های خرد محلی و کسب‌وکار.", fields=["زنان سرپرست خانوار"],
    ),
]

# This organisation gets its own login (the shared demo password) to edit its page.
NGO_LOGIN_ORGANIZATION = "mehr-banovan"
NGO_USERNAME = "ngo-mehr-banovan"

# Sent through the public form; left in the inbox as new for the office to verify.
APPLICATIONS = [
    {
        "org_name": "گروه داوطلبان کتاب‌خوانی رودکی",
        "kind": OrganizationKind.NGO,
        "registration_number": "",
        "fields_of_activity": "ترویج کتاب‌خوانی\nکودکان و نوجوانان",
        "description": "چند معلم بازنشسته که عصرها برای بچه‌های محله کتاب می‌خوانند.",
        "primary_neighborhood": "roudaki",
        "other_neighborhoods": ["bagh-khalaj"],
        "address": "اراک، رودکی، خیابان دوم",
        "phone": "",
        "email": "",
        "contact_name": "پروین عسگری",
        "contact_role": "هماهنگ‌کننده گروه",
        "contact_mobile": "09120001206",
        "services": [("کتاب‌خوانی گروهی کودکان", ServiceCategory.CULTURE, TargetGroup.CHILDREN, "")],
    },
    {
        "org_name": "گروه سالمندیاران اسماعیل‌آباد",
        "kind": OrganizationKind.NGO,
        "registration_number": "",
        "fields_of_activity": "همراهی سالمندان تنها",
        "description": "چند جوان محله که سالمندان تنها را تا نوبت پزشک همراهی می‌کنند و داروهایشان را می‌رسانند.",
        "primary_neighborhood": "esmaeilabad",
        "other_neighborhoods": [],
        "address": "قم، اسماعیل‌آباد، خیابان شقایق",
        "phone": "",
        "email": "",
        "contact_name": "محمد نوروزی",
        "contact_role": "هماهنگ‌کننده گروه",
        "contact_mobile": "09120001406",
        "services": [
            ("همراهی سالمندان در نوبت پزشک", ServiceCategory.HEALTH, TargetGroup.ELDERLY, ""),
            ("خرید و رساندن دارو", ServiceCategory.HEALTH, TargetGroup.ELDERLY, "۲۰۰۰۰"),
        ],
    },
]
