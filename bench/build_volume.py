"""Fills the benchmark database with a realistic volume, in bulk, on top of the demo content.

At scale 1: 30 provinces, 1,000 neighbourhoods (each with a news index), 50,000 news items, 10,000
programmes (one or two sessions each), 10,000 assets, 10,000 organisations (two services, two
neighbourhoods each) and 200,000 submissions. Page rows are written with bulk_create and correct
treebeard paths, depth, numchild and url_path; the specific tables with one INSERT per batch. Signals,
revisions and purges are skipped on purpose: the pages are born published. News items are added to
Wagtail's search index in bulk.

Usage (Django settings from the environment): python bench/build_volume.py --scale 0.1
"""

import argparse
import datetime
import random
import sys

import django

BATCH = 2000
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORDS = (
    "محله شورا دفتر تسهیلگری مسجد مدرسه پارک کتابخانه سلامت آموزش جوانان بانوان سالمندان کودکان ورزش "
    "فرهنگ نشست کارگاه خیریه همیاری آب برق فضای سبز پسماند ایمنی ترافیک بازارچه اشتغال مهارت نوروز "
    "محرم جشن گفتگو بودجه مشارکت داوطلب پاکسازی درختکاری سرمایه اجتماعی گزارش پیگیری"
).split()
VOLUME = {"provinces": 30, "neighborhoods": 1000, "news": 50000, "programmes": 10000, "assets": 10000,
          "organizations": 10000, "submissions": 200000}


def progress(total, desc):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=" rows", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def encode(number):
    text = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        text = ALPHABET[digit] + text
    return text.rjust(STEPLEN, "0")


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


class Tree:
    """Hands out child paths under each parent and writes every parent's numchild at the end."""

    def __init__(self):
        self.next_step, self.added = {}, {}

    def child_path(self, parent):
        from wagtail.models import Page

        if parent.pk not in self.next_step:
            last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
            self.next_step[parent.pk] = int(last.path[-STEPLEN:], 36) + 1 if last else 1
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] += 1
        self.added[parent.pk] = self.added.get(parent.pk, 0) + 1
        return parent.path + encode(step)

    def write_numchild(self):
        from django.db.models import F
        from wagtail.models import Page

        for pk, count in self.added.items():
            Page.objects.filter(pk=pk).update(numchild=F("numchild") + count)
        self.added = {}


def add_pages(tree, model, rows, bar):
    """rows: [(parent, title, slug, {specific fields}), …] → the specific instances, saved."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    now = timezone.now()
    local_fields = [field for field in model._meta.local_concrete_fields]
    created = []
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        with transaction.atomic():
            pages = [
                Page(title=title, draft_title=title, slug=slug, content_type=content_type, locale=locale,
                     path=tree.child_path(parent), depth=parent.depth + 1, numchild=0,
                     url_path=f"{parent.url_path}{slug}/", live=True, has_unpublished_changes=False,
                     first_published_at=now, last_published_at=now, latest_revision_created_at=now)
                for parent, title, slug, _fields in chunk
            ]
            Page.objects.bulk_create(pages)
            specific = []
            for page, (_parent, _title, _slug, fields) in zip(pages, chunk):
                obj = model(**fields)
                obj.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                obj.page_ptr_id = page.pk
                specific.append(obj)
            model._base_manager._insert(specific, fields=local_fields, using=connection.alias)
        created += specific
        bar.update(len(chunk))
    return created


def build(scale, seed=1404):
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from directory.models import AssetPage, AssetType, DirectoryIndexPage, OrganizationPage, OrganizationService
    from forms.models import ParticipationFormPage, Status, Submission
    from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
    from news.models import NewsIndexPage, NewsPage
    from programmes.models import ProgramPage, ProgramSession

    rng = random.Random(seed)
    want = {name: max(1, round(count * scale)) for name, count in VOLUME.items()}
    want["provinces"] = VOLUME["provinces"]
    tree = Tree()
    counts = {}
    today = timezone.localdate()

    # The demo has English translations beside the Persian pages; the volume goes under the Persian tree.
    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    index = NeighborhoodIndexPage.objects.get(**persian)
    provinces = list(ProvincePage.objects.filter(**persian))
    with progress(want["provinces"] - len(provinces), "provinces") as bar:
        rows = [(index, f"استان {i}", f"province-{i}", {}) for i in range(len(provinces) + 1, want["provinces"] + 1)]
        provinces += add_pages(tree, ProvincePage, rows, bar)
    tree.write_numchild()
    counts["provinces"] = len(provinces)

    with progress(want["neighborhoods"], "neighbourhoods") as bar:
        rows = []
        for i in range(1, want["neighborhoods"] + 1):
            province = provinces[i % len(provinces)]
            rows.append((province, f"محله {WORDS[i % len(WORDS)]} {i}", f"mahalle-{i}", {
                "city": f"شهر {i % 97}", "summary": sentence(rng, 12), "introduction": f"<p>{sentence(rng, 60)}</p>",
                "office_address": f"خیابان {sentence(rng, 2)}، پلاک {i}", "office_phone": "02112345678",
                "latitude": round(35 + rng.random(), 6), "longitude": round(51 + rng.random(), 6),
            }))
        neighborhoods = add_pages(tree, NeighborhoodPage, rows, bar)
    tree.write_numchild()
    counts["neighborhoods"] = NeighborhoodPage.objects.count()

    with progress(len(neighborhoods), "news indexes") as bar:
        rows = [(n, "خبرهای محله", "news", {}) for n in neighborhoods]
        news_indexes = add_pages(tree, NewsIndexPage, rows, bar)
    tree.write_numchild()

    with progress(want["news"], "news") as bar:
        rows = []
        for i in range(want["news"]):
            k = rng.randrange(len(news_indexes))
            rows.append((news_indexes[k], f"خبر {sentence(rng, 5)} {i}", f"khabar-{i}", {
                "date": today - datetime.timedelta(days=rng.randrange(730)), "lead": sentence(rng, 30),
                "body": "".join(f"<p>{sentence(rng, 40)}</p>" for _ in range(4)), "neighborhood_id": neighborhoods[k].pk,
            }))
        news = add_pages(tree, NewsPage, rows, bar)
    tree.write_numchild()
    counts["news"] = NewsPage.objects.count()

    asset_types = list(AssetType.objects.all())
    with progress(want["assets"], "assets") as bar:
        rows = []
        for i in range(want["assets"]):
            n = neighborhoods[i % len(neighborhoods)]
            rows.append((n, f"{asset_types[i % len(asset_types)].name} {sentence(rng, 2)}", f"zarfiat-{i}", {
                "asset_type_id": asset_types[i % len(asset_types)].pk, "summary": sentence(rng, 10),
                "description": f"<p>{sentence(rng, 40)}</p>", "address": f"کوچه {sentence(rng, 1)}، پلاک {i}",
                "capacity": rng.randrange(20, 400), "facilities": "سالن اجتماعات\nآشپزخانه",
                "latitude": round(35 + rng.random(), 6), "longitude": round(51 + rng.random(), 6),
            }))
        add_pages(tree, AssetPage, rows, bar)
    counts["assets"] = AssetPage.objects.count()

    with progress(want["programmes"], "programmes") as bar:
        rows, starts = [], []
        tehran = datetime.timezone(datetime.timedelta(hours=3, minutes=30))
        for i in range(want["programmes"]):
            k = rng.randrange(len(neighborhoods))
            day = today + datetime.timedelta(days=rng.randrange(-120, 120))
            begins = datetime.datetime.combine(day, datetime.time(16), tzinfo=tehran)
            starts.append(day)
            rows.append((neighborhoods[k], f"کارگاه {sentence(rng, 3)} {i}", f"barnameh-{i}", {
                "summary": sentence(rng, 14), "body": f"<p>{sentence(rng, 50)}</p>", "venue_name": "سرای محله",
                "capacity": rng.choice([None, 20, 40]), "starts_at": begins,
                "ends_at": begins + datetime.timedelta(hours=2), "neighborhood_id": neighborhoods[k].pk,
            }))
        programmes = add_pages(tree, ProgramPage, rows, bar)
        ProgramSession.objects.bulk_create(
            [ProgramSession(page_id=p.pk, date=day, starts=datetime.time(16), ends=datetime.time(18), sort_order=0)
             for p, day in zip(programmes, starts)], batch_size=BATCH)
    tree.write_numchild()
    counts["programmes"] = ProgramPage.objects.count()

    directory = DirectoryIndexPage.objects.get(**persian)
    with progress(want["organizations"], "organisations") as bar:
        rows = []
        for i in range(want["organizations"]):
            title = f"انجمن {sentence(rng, 3)} {i}"
            rows.append((directory, title, f"saman-{i}", {
                "summary": sentence(rng, 12), "fields_of_activity": "آموزش\nسلامت", "address": sentence(rng, 4),
                "search_text": title, "latitude": round(35 + rng.random(), 6), "longitude": round(51 + rng.random(), 6),
            }))
        organizations = add_pages(tree, OrganizationPage, rows, bar)
        OrganizationService.objects.bulk_create(
            [OrganizationService(page_id=o.pk, name=f"خدمت {sentence(rng, 2)}", category=category, sort_order=j)
             for o in organizations for j, category in enumerate(["education", "health"])], batch_size=BATCH)
        through = OrganizationPage.neighborhoods.through
        through.objects.bulk_create(
            [through(organizationpage_id=o.pk, neighborhoodpage_id=n.pk)
             for o in organizations for n in {rng.choice(neighborhoods), rng.choice(neighborhoods)}], batch_size=BATCH)
    tree.write_numchild()
    counts["organizations"] = OrganizationPage.objects.count()

    status = Status.objects.initial()
    form = ParticipationFormPage.objects.live().filter(**persian).order_by("path").first()
    # Tracking codes are unique: the demo's own submissions hold random ones too.
    taken = set(Submission.objects.values_list("tracking_code", flat=True))
    codes = [code for code in rng.sample(range(10_000_000, 100_000_000), want["submissions"] + len(taken))
             if str(code) not in taken][: want["submissions"]]
    last_demo_id = Submission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with progress(want["submissions"], "submissions") as bar:
        for start in range(0, want["submissions"], BATCH):
            batch = []
            for code in codes[start : start + BATCH]:
                n = neighborhoods[code % len(neighborhoods)]
                text = sentence(rng, 12)
                mobile = f"0912{code % 10_000_000:07d}"
                batch.append(Submission(
                    page_id=form.pk, neighborhood_id=n.pk, form_title=form.title, status=status,
                    data={"subject": sentence(rng, 3), "description": text}, labels={"subject": "موضوع", "description": "شرح"},
                    types={"subject": "singleline", "description": "multiline"}, name="شهروند آزمون", mobile=mobile,
                    tracking_code=str(code), search_text=f"{form.title} {text} {code} {mobile}",
                ))
            Submission.objects.bulk_create(batch)
            bar.update(len(batch))
    with connection.cursor() as cursor:  # spread them over a year, newest first by id
        cursor.execute(
            "UPDATE participation_submission SET created_at = now() - (id %% 365) * interval '1 day' WHERE id > %s",
            [last_demo_id],
        )
    counts["submissions"] = Submission.objects.count()

    from wagtail.search.backends import get_search_backend

    search_index = get_search_backend().get_index_for_model(NewsPage)
    with progress(len(news), "search index") as bar:
        for start in range(0, len(news), 500):
            search_index.add_items(NewsPage, news[start : start + 500])
            bar.update(len(news[start : start + 500]))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    django.setup()
    counts = build(args.scale)
    print(" ".join(f"{name}={count}" for name, count in counts.items()))


if __name__ == "__main__":
    main()
