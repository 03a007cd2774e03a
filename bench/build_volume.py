"""Fills the benchmark database with a realistic volume, in bulk, on top of the demo content.

At scale 1: 30 provinces, 1,000 neighbourhoods (each with a news index), 50,000 news items, 10,000
programmes (one or two sessions each), 10,000 assets, 10,000 organisations (two services, two
neighbourhoods each), 200,000 submissions, and the councils' work of two years: about 20,000 meetings
(three attendees each) holding about 60,000 resolutions, with progress notes on some (build_council).
Page rows are written with bulk_create and correct treebeard paths, depth, numchild and url_path; the
specific tables with one INSERT per batch. Signals, revisions and purges are skipped on purpose: the
pages are born published. News items are added to Wagtail's search index in bulk.

Usage (Django settings from the environment): python bench/build_volume.py --scale 0.1
       python bench/build_volume.py --scale 1 --council-only   (the council rows only, on a volume built before)
"""

import argparse
import datetime
import random
import sys
import time

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
# The councils (build_council): meetings over the last two years. One neighbourhood in ten is busy (two to
# four meetings a month), the rest meet eight to twenty times in the two years; one to five resolutions a
# meeting (about three): about 20,000 meetings and 60,000 resolutions at scale 1, for 1,000 neighbourhoods.
COUNCIL_DAYS = 730
COUNCIL_BUSY_SHARE = 0.1


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

    counts.update(build_council(neighborhoods, [o.pk for o in organizations[:500]], random.Random(seed + 1)))
    return counts


def _pick(rng, weighted):
    """One key of {key: weight}."""
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def build_council(neighborhoods, organization_ids, rng):
    """The councils' meetings and resolutions of the last two years, in bulk (no signals, no save()).

    Resolution.save() would copy the meeting's neighbourhood onto the row and set closed_at when the
    status is done or not done: both are written here by hand. Due dates are 14 to 90 days after the
    meeting; what is past its due date is mostly done, some not done (with a reason), the rest still open
    or in progress, so overdue. 3 % of the meetings are internal, 4 % of the resolutions not public,
    5 % made the responsibility of an organisation of the directory instead of an agency; one resolution
    in a hundred carries an agency's proposed status. A busy neighbourhood also has a committee, which
    holds a fifth of its meetings. Half of the resolutions done or in progress have one to three
    progress notes. Returns the counts and the seconds it took."""
    from django.utils import timezone

    from council.choices import PENDING, AttendeeKind, Body, Status
    from council.models import Agency, Attendee, Meeting, ProgressNote, Resolution
    from neighborhoods.choices import CommitteeScope
    from neighborhoods.models.council import Committee

    started = time.perf_counter()
    agencies = list(Agency.objects.values_list("pk", flat=True))
    if not agencies:
        raise SystemExit("no agencies: council/migrations/0002_default_agencies.py adds them")
    tehran = timezone.get_default_timezone()
    now = timezone.now()
    today = timezone.localdate(now, timezone=tehran)
    first_day = today - datetime.timedelta(days=COUNCIL_DAYS)

    busy = {n.pk for n in rng.sample(neighborhoods, max(1, round(len(neighborhoods) * COUNCIL_BUSY_SHARE)))}
    # The busiest council of all: four meetings a month, the page the decisions figures read.
    busy.add(neighborhoods[0].pk)
    # Committees are translatable rows: bulk_create skips the save() that would give each its page's locale.
    locales = {n.pk: n.locale_id for n in neighborhoods}
    Committee.objects.bulk_create(
        [Committee(page_id=pk, locale_id=locales[pk], name=f"کمیته {sentence(rng, 1)}", scope=CommitteeScope.CIVIL_WORKS,
                   sort_order=0)
         for pk in sorted(busy)], batch_size=BATCH)
    committees = dict(Committee.objects.filter(page_id__in=busy).values_list("page_id", "pk"))

    plan = []  # (neighbourhood id, held_at, body, committee id, public)
    for n in neighborhoods:
        if n.pk == neighborhoods[0].pk:
            count = 4 * COUNCIL_DAYS // 30
        elif n.pk in busy:
            count = rng.randint(2, 4) * COUNCIL_DAYS // 30
        else:
            count = rng.randint(8, 20)
        for k in range(count):
            day = first_day + datetime.timedelta(days=int((k + rng.random()) * COUNCIL_DAYS / count))
            held = datetime.datetime.combine(day, datetime.time(rng.choice([9, 10, 16, 17, 18])), tzinfo=tehran)
            committee = committees.get(n.pk) if rng.random() < 0.2 else None
            body = Body.COMMITTEE if committee else (Body.COORDINATION if rng.random() < 0.1 else Body.COUNCIL)
            plan.append((n.pk, min(held, now), body, committee, rng.random() >= 0.03))

    meetings = []
    with progress(len(plan), "council meetings") as bar:
        for start in range(0, len(plan), BATCH):
            chunk = [
                Meeting(neighborhood_id=pk, held_at=held, body=body, committee_id=committee, public=public,
                        place=f"سرای محله، {sentence(rng, 2)}",
                        agenda="\n".join(sentence(rng, 6) for _ in range(3)), minutes=f"{sentence(rng, 40)}")
                for pk, held, body, committee, public in plan[start : start + BATCH]
            ]
            meetings += Meeting.objects.bulk_create(chunk)
            bar.update(len(chunk))

    kinds = [AttendeeKind.MEMBER, AttendeeKind.MEMBER, AttendeeKind.STAFF]
    with progress(3 * len(meetings), "attendees") as bar:
        for start in range(0, len(meetings), BATCH):
            chunk = [
                Attendee(meeting_id=m.pk, kind=kind, name=f"عضو {sentence(rng, 2)}", sort_order=j)
                for m in meetings[start : start + BATCH] for j, kind in enumerate(kinds)
            ]
            Attendee.objects.bulk_create(chunk)
            bar.update(len(chunk))

    def status_for(held_day, due):
        if due is None:
            return _pick(rng, {Status.DONE: 50, Status.OPEN: 50})
        if due < today:
            return _pick(rng, {Status.DONE: 65, Status.NOT_DONE: 8, Status.IN_PROGRESS: 12, Status.OPEN: 15})
        if (today - held_day).days > 30:
            return _pick(rng, {Status.DONE: 30, Status.IN_PROGRESS: 40, Status.OPEN: 30})
        return _pick(rng, {Status.OPEN: 70, Status.IN_PROGRESS: 20, Status.DONE: 10})

    resolutions = []
    for m in meetings:
        held_day = timezone.localdate(m.held_at, timezone=tehran)
        for j in range(rng.randint(1, 5)):
            due = None if rng.random() < 0.05 else held_day + datetime.timedelta(days=rng.choice([14, 30, 45, 60, 90]))
            status = status_for(held_day, due)
            closed_at = None
            if status not in PENDING:  # what Resolution.save() would set: when it was closed
                span = max(1, ((due or today) - held_day).days + 30)
                closed_at = min(now, m.held_at + datetime.timedelta(days=rng.randrange(1, span), hours=rng.randrange(8)))
            by_organization = organization_ids and rng.random() < 0.05
            proposed = status in PENDING and rng.random() < 0.01
            resolutions.append(Resolution(
                meeting_id=m.pk, neighborhood_id=m.neighborhood_id, sort_order=j, text=sentence(rng, 14),
                agency_id=None if by_organization else rng.choice(agencies),
                organization_id=rng.choice(organization_ids) if by_organization else None,
                due_date=due, status=status, closed_at=closed_at, public=rng.random() >= 0.04,
                reason=sentence(rng, 10) if status == Status.NOT_DONE else "",
                proposed_status=Status.DONE if proposed else "", proposed_at=now if proposed else None,
            ))
    with progress(len(resolutions), "resolutions") as bar:
        for start in range(0, len(resolutions), BATCH):
            Resolution.objects.bulk_create(resolutions[start : start + BATCH])
            bar.update(len(resolutions[start : start + BATCH]))

    held_on = {m.pk: timezone.localdate(m.held_at, timezone=tehran) for m in meetings}
    notes = []
    for r in resolutions:
        if r.status in (Status.DONE, Status.IN_PROGRESS) and rng.random() < 0.5:
            first = held_on[r.meeting_id]
            for j in range(rng.randint(1, 3)):
                day = first + datetime.timedelta(days=rng.randrange(max(1, (today - first).days + 1)))
                notes.append(ProgressNote(resolution_id=r.pk, date=day, text=sentence(rng, 12), sort_order=j))
    with progress(len(notes), "progress notes") as bar:
        for start in range(0, len(notes), BATCH):
            ProgressNote.objects.bulk_create(notes[start : start + BATCH])
            bar.update(len(notes[start : start + BATCH]))

    overdue = sum(1 for r in resolutions if r.status in PENDING and r.due_date and r.due_date < today)
    seconds = time.perf_counter() - started
    print(f"council: {len(meetings)} meetings, {len(resolutions)} resolutions ({overdue} overdue), "
          f"{len(notes)} progress notes in {seconds:.1f} s", file=sys.stderr)
    return {"meetings": len(meetings), "resolutions": len(resolutions), "resolutions overdue": overdue,
            "progress notes": len(notes), "council build seconds": round(seconds, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--council-only", action="store_true",
                        help="add only the councils' meetings and resolutions to the volume's neighbourhoods (built before)")
    args = parser.parse_args()
    django.setup()
    if args.council_only:
        from council.models import Meeting
        from directory.models import OrganizationPage
        from neighborhoods.models import NeighborhoodPage

        neighborhoods = list(NeighborhoodPage.objects.filter(slug__startswith="mahalle-").order_by("pk"))
        if not neighborhoods:
            raise SystemExit("no neighbourhoods of the volume: build it first (bench/run without --reuse)")
        if Meeting.objects.filter(neighborhood__in=neighborhoods).exists():
            raise SystemExit("the volume's neighbourhoods have meetings already")
        organizations = list(OrganizationPage.objects.filter(slug__startswith="saman-").order_by("pk").values_list("pk", flat=True)[:500])
        counts = build_council(neighborhoods, organizations, random.Random(1405))
    else:
        counts = build(args.scale)
    print(" ".join(f"{name}={count}" for name, count in counts.items()))


if __name__ == "__main__":
    main()
