"""Builds the demo site from ``demo.content``; safe to run again.

Pages are found by their slug under their parent, users by username and images by title in their
collection. What already exists is updated in place, and a page gets a new revision only when
something on it changed, so a second run adds nothing. Demo submissions are sent to a form only
while it has none, so they are not sent twice either.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.models import Page, Site

from content import build as build_blocks
from content.build import paragraph, same_body
from content.models import ContentPage
from council.accounts import ensure_agency_account
from council.models import Agency as CouncilAgency
from directory.models import AssetHours, AssetPage, OrganizationPage, OrganizationService
from forms.keys import field_key
from forms.models import FormField, ParticipationFormPage, Status, Submission, SubmissionEvent
from forms.models.submission import Agency, Consent
from forms.submit import create_submission
from home.models import HomePage, StatementPage
from neighborhoods.models import (
    Committee,
    CouncilMember,
    NeighborhoodIndexPage,
    NeighborhoodPage,
    OfficeHours,
    ProvincePage,
)
from neighborhoods.permissions import (
    ensure_caseworker_group,
    ensure_coordinator_group,
    ensure_head_group,
    ensure_staff_group,
)
from news.models import NewsIndexPage, NewsPage
from portal import jalali
from programmes.models import ProgramCalendarPage, ProgramPage, ProgramPartner, ProgramSession
from programmes.seats import Signup, SignupRefused, register
from reports.models import MonthlyReport
from reports.periods import current_month
from reports.views.monthly import make_report

from . import content, rich_content, statements
from .council import AGENCY_LOGINS, build_council
from . import programmes as demo_programmes
from . import reports as demo_reports
from .factories import (
    ContentPageFactory,
    HomePageFactory,
    NeighborhoodIndexPageFactory,
    NeighborhoodPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ParticipationFormPageFactory,
    ProgramCalendarPageFactory,
    ProgramPageFactory,
    ProvincePageFactory,
    StatementPageFactory,
)
from .documents import demo_document
from .images import collection_named, demo_image

# Set by wagtail.models.TranslatableMixin (council members, committees), not by the demo's content.
TRANSLATION_FIELDS = ("translation_key", "locale")

INLINE_MODELS = {
    "services": OrganizationService,
    "opening_hours": AssetHours,
    "council_members": CouncilMember,
    "committees": Committee,
    "office_hours": OfficeHours,
    "form_fields": FormField,
    "sessions": ProgramSession,
}


@dataclass
class Login:
    username: str
    role: str


@dataclass
class Result:
    provinces: int = 0
    neighborhoods: int = 0
    news: int = 0
    forms: int = 0
    programmes: int = 0
    registrations_created: int = 0
    submissions_created: int = 0
    assets: int = 0
    organizations: int = 0
    pages_created: int = 0
    pages_published: int = 0
    meetings: int = 0
    resolutions: int = 0
    monthly_reports: int = 0
    logins: list = field(default_factory=list)
    # Usernames the demo would have used that belong to accounts it did not make: left as they are.
    kept_accounts: list = field(default_factory=list)


def _row_key(obj):
    """The values that make an inline row what it is: everything but its id, its page and, for a
    translatable row, the key and locale that tie it to its translations."""
    return tuple(
        getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if not f.primary_key and not isinstance(f, ParentalKey) and f.name not in TRANSLATION_FIELDS
    )


def _time(value):
    return datetime.time.fromisoformat(value)


def _numbered(rows):
    # Rows made in code have no sort_order (the admin's inline panel sets it); without one their
    # order in the database is arbitrary.
    for number, row in enumerate(rows):
        row.sort_order = number
    return rows


def _inline_rows(data):
    return {
        "council_members": _numbered([CouncilMember(**row) for row in data["council_members"]]),
        "committees": _numbered([Committee(**row) for row in data["committees"]]),
        "office_hours": _numbered(
            [
                OfficeHours(weekday=day, opens=_time(opens), closes=_time(closes))
                for day, opens, closes in data["office_hours"]
            ]
        ),
    }


def _form_rows(questions):
    # clean_name is what a saved row gets from its key; setting it here lets rows read back from the
    # database compare equal to the ones in the content.
    return _numbered([FormField(clean_name=field_key(row["key"]), **row) for row in questions])


def _apply(page, fields):
    """Set ``fields`` on ``page``; True if anything was different."""
    changed = False
    for name, value in fields.items():
        if name in INLINE_MODELS:
            if [_row_key(row) for row in getattr(page, name).all()] != [_row_key(row) for row in value]:
                setattr(page, name, value)
                changed = True
        elif name == "neighborhoods":
            # A many-to-many of the page: compared by the pages it points at.
            if {n.pk for n in page.neighborhoods.all()} != {n.pk for n in value}:
                page.neighborhoods = value
                changed = True
        elif name == "tags":
            if set(page.tags.names()) != set(value):
                page.tags.set(value)
                changed = True
        elif hasattr(getattr(page, name), "stream_block"):
            if not same_body(getattr(page, name), value):
                setattr(page, name, value)
                changed = True
        elif getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed


def _set_image(page, image):
    if page.image_id == image.pk:
        return False
    page.image = image
    return True


class DemoBuilder:
    def __init__(self):
        self.result = Result()
        self._password = _SharedPassword(content.DEMO_PASSWORD)
        # (page, data) of every demo programme, for the links made once the directory exists.
        self._programmes = []

    @transaction.atomic
    def build(self):
        home = self.home_page()
        self.default_site(home)
        self.page(NewsIndexPage, NewsIndexPageFactory, home, content.PORTAL_NEWS)
        self.page(ProgramCalendarPage, ProgramCalendarPageFactory, home, content.PROGRAMME_CALENDAR)
        for statement in (statements.PRIVACY, statements.ACCESSIBILITY):
            self.page(StatementPage, StatementPageFactory, home, statement)
        index = self.page(NeighborhoodIndexPage, NeighborhoodIndexPageFactory, home, content.NEIGHBORHOOD_INDEX)
        self.superuser()
        for province_data in content.PROVINCES:
            province = self.page(
                ProvincePage,
                ProvincePageFactory,
                index,
                {key: province_data[key] for key in ("slug", "title", "intro")},
            )
            self.result.provinces += 1
            for neighborhood_data in province_data["neighborhoods"]:
                neighborhood = self.neighborhood(province, neighborhood_data)
                staff = self.staff_user(neighborhood, content.staff_username(neighborhood_data["slug"]))
                self.caseworker(neighborhood, content.caseworker_username(neighborhood_data["slug"]))
                self.head(neighborhood, content.head_username(neighborhood_data["slug"]))
                forms = self.participation_forms(neighborhood)
                self.programmes(neighborhood)
                self.content_pages(neighborhood)
                self.demo_submissions(forms, content.DEMO_SUBMISSIONS.get(neighborhood_data["slug"], []), staff)
                self.extra_submissions(forms, neighborhood_data["slug"], staff)
            self.coordinator(province, content.coordinator_username(province_data["slug"]))
        from .directory_builder import build_directory

        build_directory(self, home)
        build_council(self.result)
        for agency_slug, username, neighborhood_slugs, label in AGENCY_LOGINS:
            self.agency_account(agency_slug, username, neighborhood_slugs, label)
        self.programme_links()
        from .translation_builder import build_english

        build_english(self, home)
        self.monthly_reports()
        return self.result

    # --- pages ---------------------------------------------------------------------------------

    def page(self, model, factory, parent, data, extra=None):
        """The child of ``parent`` with ``data['slug']``, created or brought up to date, and published.

        ``extra(page)`` may set more on the page (an image, say) and returns True if it changed it.
        """
        fields = {key: value for key, value in data.items() if key != "slug"}
        page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if page is None:
            page = factory(parent=parent, slug=data["slug"], publish=False, **fields)
            changed = True
            self.result.pages_created += 1
        else:
            changed = _apply(page, fields)
        if extra is not None:
            changed = extra(page) or changed
        if changed or not page.live or page.has_unpublished_changes:
            page.save_revision().publish()
            self.result.pages_published += 1
        return page

    def home_page(self):
        root = Page.get_first_root_node()
        data = dict(content.HOME)
        # The Persian home page: the translations of it are its siblings.
        existing = HomePage.objects.child_of(root).filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if existing is not None:
            data["slug"] = existing.slug
        else:
            self._remove_default_welcome_page(root)
            if Page.objects.child_of(root).filter(slug=data["slug"]).exists():
                data["slug"] = "mahalle"
        return self.page(HomePage, HomePageFactory, root, data)

    def _remove_default_welcome_page(self, root):
        """Delete Wagtail's starter page (a plain, childless Page), keeping its Site rows alive."""
        for page in Page.objects.child_of(root).filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        ):
            if page.get_children().exists():
                continue
            # Site.root_page cascades: point sites elsewhere before the page goes.
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()

    def default_site(self, home):
        site = (
            Site.objects.filter(hostname="localhost", port=80).first()
            or Site.objects.filter(is_default_site=True).first()
        )
        if site is None:
            site = Site(hostname="localhost", port=80)
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
        wanted = {
            "hostname": "localhost",
            "port": 80,
            "root_page_id": home.pk,
            "is_default_site": True,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if site.pk is None or any(getattr(site, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(site, key, value)
            site.save()
        # The queryset updates above skip the signals that normally clear Wagtail's cache of site roots.
        Site.clear_site_root_paths_cache()
        return site

    def neighborhood(self, province, data):
        fields = {
            key: data[key]
            for key in (
                "slug",
                "title",
                "city",
                "district",
                "summary",
                "introduction",
                "office_address",
                "office_phone",
                "office_started",
                "latitude",
                "longitude",
            )
        }
        # What people call it and where it ends, where the seed says.
        fields.update({key: data.get(key, "") for key in ("other_names", "landmarks")})
        fields.update(_inline_rows(data))

        def with_image(page):
            image = demo_image(page.title, f"neighborhood/{data['slug']}", collection_named(page.title))
            return _set_image(page, image)

        page = self.page(NeighborhoodPage, NeighborhoodPageFactory, province, fields, extra=with_image)
        self.result.neighborhoods += 1
        news_index = self.page(NewsIndexPage, NewsIndexPageFactory, page, content.NEIGHBORHOOD_NEWS)
        collection = collection_named(page.title)
        for item in data["news"]:
            extras = rich_content.NEWS_EXTRAS.get((data["slug"], item["slug"]), {})
            if extras:
                item = {**item, "body": [paragraph(item["body"]), *self.extra_blocks(extras, collection, seed=f"news/{data['slug']}/{item['slug']}")]}
            self.news(news_index, item, collection, seed=f"news/{data['slug']}/{item['slug']}")
        return page

    def news(self, index, item, collection, seed):
        def with_image(page):
            return _set_image(page, demo_image(item["title"], seed, collection))

        self.result.news += 1
        return self.page(NewsPage, NewsPageFactory, index, item, extra=with_image)

    def extra_blocks(self, extras, collection, seed, neighborhood=None):
        """The blocks ``extras`` (demo.rich_content) describes, with their pictures and documents made in
        ``collection`` and invitations pointing at ``neighborhood``'s own programmes."""
        found = []
        if "gallery" in extras:
            title, pictures = extras["gallery"]
            found.append(
                build_blocks.gallery(
                    title,
                    [(demo_image(alt, f"{seed}/gallery/{number}", collection), alt, caption) for number, (alt, caption) in enumerate(pictures)],
                )
            )
        if "table" in extras:
            found.append(build_blocks.table(*extras["table"]))
        if "document" in extras:
            title, slug = extras["document"]
            found.append(build_blocks.document(demo_document(title, slug, "pdf", collection)))
        if "invitation" in extras and neighborhood is not None:
            slug, text = extras["invitation"]
            found.append(build_blocks.invitation(ProgramPage.objects.child_of(neighborhood).get(slug=slug), text))
        if "quote" in extras:
            found.append(build_blocks.quote(*extras["quote"]))
        return found

    def content_pages(self, neighborhood):
        """The neighbourhood's content pages (demo.rich_content), after its programmes."""
        collection = collection_named(neighborhood.title)
        for data in rich_content.NEIGHBORHOOD_PAGES.get(neighborhood.slug, []):
            body = [paragraph(content.paragraphs(*data["paragraphs"]))]
            body += self.extra_blocks(data, collection, seed=f"page/{neighborhood.slug}/{data['slug']}", neighborhood=neighborhood)
            fields = {"slug": data["slug"], "title": data["title"], "summary": data["summary"], "body": body}
            self.page(ContentPage, ContentPageFactory, neighborhood, fields)

    def participation_forms(self, neighborhood):
        """The neighbourhood's forms, by slug."""
        pages = {}
        for data in content.participation_forms(neighborhood.title):
            fields = {**data, "form_fields": _form_rows(data["form_fields"])}
            pages[data["slug"]] = self.page(
                ParticipationFormPage, ParticipationFormPageFactory, neighborhood, fields
            )
            self.result.forms += 1
        return pages

    def programmes(self, neighborhood):
        """The neighbourhood's own programmes (demo.programmes), with their sign-ups."""
        own = demo_programmes.programmes_of(neighborhood.slug)
        for data in own:
            fields = demo_programmes.page_fields(data)
            fields["sessions"] = _numbered(
                [ProgramSession(**row) for row in demo_programmes.session_rows(data)]
            )
            page = self.page(ProgramPage, ProgramPageFactory, neighborhood, fields)
            self.result.programmes += 1
            self._programmes.append((page, data))
            if data["registrants"] and not page.registrations.exists():
                self.registrations(ProgramPage.objects.get(pk=page.pk), data["registrants"])
        self.retire_shared_programmes(neighborhood, {data["slug"] for data in own})

    def retire_shared_programmes(self, neighborhood, own_slugs):
        """Unpublish what an earlier demo gave every neighbourhood alike and this one no longer has, so a
        database loaded then shows each neighbourhood's own programmes only. Its sign-ups are kept."""
        for slug, title in demo_programmes.RETIRED.items():
            if slug in own_slugs:
                continue
            for page in ProgramPage.objects.child_of(neighborhood).live().filter(slug=slug, title=title):
                page.unpublish()

    def programme_links(self):
        """Each programme's venue among its neighbourhood's assets and its organisations in the directory
        (the directory is built after the programmes, so these links are made last)."""
        organizations = OrganizationPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        for page, data in self._programmes:
            program = ProgramPage.objects.get(pk=page.pk)
            changed = False
            if data["venue_asset"]:
                venue = AssetPage.objects.child_of(program.get_parent()).live().get(slug=data["venue_asset"])
                if program.venue_id != venue.pk:
                    program.venue = venue
                    changed = True
            links = [(organizations.get(slug=slug), role) for slug, role in data["partner_links"]]
            if [(link.organization_id, link.role) for link in program.partner_links.all()] != [
                (organization.pk, role) for organization, role in links
            ]:
                program.partner_links = [
                    ProgramPartner(organization=organization, role=role, sort_order=number)
                    for number, (organization, role) in enumerate(links)
                ]
                changed = True
            if changed:
                program.save_revision().publish()
                self.result.pages_published += 1

    def registrations(self, program, registrants):
        """Residents sign up through the same path as on the site, so seats and waitlist are real. A
        programme whose sign-up is not open on the day the demo is loaded gets none."""
        for name, mobile, people in registrants:
            signup = Signup(name=name, mobile=mobile, people=min(people, program.max_people_per_signup))
            try:
                register(program, signup)
            except SignupRefused:
                continue
            self.result.registrations_created += 1

    # --- monthly reports -----------------------------------------------------------------------

    def monthly_reports(self):
        """Each neighbourhood's report for the last finished Jalali month, made by the office's head as the
        reports screen makes it, once: a month that has its report is left alone. Its PDF is made on its
        first download."""
        month = current_month().previous_month()
        for _province, data in content.all_neighborhoods():
            neighborhood = NeighborhoodPage.objects.get(slug=data["slug"], locale__language_code=settings.LANGUAGE_CODE)
            if MonthlyReport.objects.filter(neighborhood=neighborhood, year=month.year, month=month.month).exists():
                continue
            head = get_user_model().objects.get(username=content.head_username(data["slug"]))
            make_report(
                neighborhood, month.year, month.month, demo_reports.MONTHLY_HIGHLIGHTS.get(data["slug"], ""), head
            )
            self.result.monthly_reports += 1

    # --- submissions ---------------------------------------------------------------------------

    def demo_submissions(self, forms, items, staff):
        """Send the demo answers through the forms, oldest first; a form that has any submission
        already is left alone."""
        statuses = {status.slug: status for status in Status.objects.all()}
        initial = Status.objects.initial()
        now = timezone.localtime()
        filled = set(
            Submission.objects.filter(page__in=[page.pk for page in forms.values()]).values_list("page_id", flat=True)
        )
        for number, item in enumerate(sorted(items, key=lambda item: -item["days_ago"])):
            page = forms[item["form"]]
            if page.pk in filled:
                continue
            # A working hour of a day ``days_ago`` back, varied a little from one to the next.
            sent = (now - datetime.timedelta(days=item["days_ago"])).replace(
                hour=9 + (number * 5) % 10, minute=(number * 17) % 60, second=0, microsecond=0
            )
            submission = self.submission(page, item, sent, staff)
            self.handle(submission, item, sent, statuses[item["status"]], initial, staff)
            self.result.submissions_created += 1

    def extra_submissions(self, forms, slug, staff):
        """``demo.reports``' answers for the dashboard and the safety map, each sent once (by its token)."""
        statuses = {status.slug: status for status in Status.objects.all()}
        initial = Status.objects.initial()
        now = timezone.localtime()
        items = demo_reports.EXTRA_SUBMISSIONS.get(slug, [])
        tokens = [f"demo-extra-{slug}-{number}" for number in range(len(items))]
        sent_before = set(Submission.objects.filter(form_token__in=tokens).values_list("form_token", flat=True))
        for number, (item, token) in enumerate(zip(items, tokens)):
            if token in sent_before:
                continue
            sent = (now - datetime.timedelta(days=item["days_ago"])).replace(
                hour=10 + number % 8, minute=(number * 13) % 60, second=0, microsecond=0
            )
            submission = self.submission(forms[item["form"]], item, sent, staff)
            Submission.objects.filter(pk=submission.pk).update(form_token=token)
            self.handle(submission, item, sent, statuses[item["status"]], initial, staff)
            self.result.submissions_created += 1

    def submission(self, page, item, sent, staff):
        questions = {field.clean_name: field for field in page.get_form_fields()}
        # Residents at the desk were met by the office in the neighbourhood; the others came of themselves.
        data = {"form_token": "demo", "website": "", "came_through": "outreach" if item["source"] == "service_desk" else "self"}
        for key, value in item["answers"].items():
            if questions[key].field_type == "date":
                value = jalali.format_numeric(sent.date() - datetime.timedelta(days=value))
            data[key] = value
        form = page.get_form(data, page=page)
        if not form.is_valid():
            raise ValueError(f"demo answers for {page.url_path} are not valid: {form.errors.as_text()}")
        at_desk = item["source"] == "service_desk"
        submission = create_submission(page, form, user=staff if at_desk else None, source=item["source"])
        Submission.objects.filter(pk=submission.pk).update(created_at=sent, updated_at=sent)
        SubmissionEvent.objects.filter(submission=submission).update(created_at=sent)
        return submission

    def handle(self, submission, item, sent, status, initial, staff):
        """What the office did with a submission: its status, reply and referral, and one history row."""
        if status == initial:
            return
        # Handled within a third of the time since it arrived, and never later than now.
        handled = sent + max(datetime.timedelta(days=item["days_ago"] // 3), datetime.timedelta(hours=3))
        reply, agency = item["public_reply"], item["referral_agency"]
        values = {
            "status": status,
            "assignee": staff,
            "public_reply": reply,
            "replied_at": handled if reply else None,
            "referral_agency": agency,
            "referral_date": handled.date() if agency else None,
            # The office asked before it referred: by phone, unless the resident was at its desk.
            "referral_consent": (Consent.IN_PERSON if item["source"] == "service_desk" else Consent.PHONE) if agency else "",
            "referral_consent_by": staff if agency else None,
            "referral_consent_at": handled if agency else None,
            "referral_outcome": item["referral_outcome"],
            "private_notes": item["private_notes"],
            # Whatever the office has worked on it has looked into: its report counts on the public map.
            "confirmed": submission.kind == "form",
            "updated_at": handled,
        }
        Submission.objects.filter(pk=submission.pk).update(**values)
        changes = {"status": [initial.name, status.name], "assignee": ["", staff.get_full_name()]}
        if reply:
            changes["public_reply"] = ["", reply]
        if agency:
            changes["referral_agency"] = ["", str(Agency(agency).label)]
            changes["referral_date"] = ["", handled.date().isoformat()]
        if item["referral_outcome"]:
            changes["referral_outcome"] = ["", item["referral_outcome"]]
        if item["private_notes"]:
            changes["private_notes"] = ["", item["private_notes"]]
        if values["confirmed"]:
            changes["confirmed"] = [False, True]
        action = SubmissionEvent.Action.REPLIED if reply else SubmissionEvent.Action.CHANGED
        event = SubmissionEvent.objects.create(submission=submission, user=staff, action=action, changes=changes)
        SubmissionEvent.objects.filter(pk=event.pk).update(created_at=handled)

    # --- people --------------------------------------------------------------------------------

    def user(self, username, groups=(), **attributes):
        """The demo's account ``username`` with ``attributes``, the demo password and ``groups``."""
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is not None and not self._password.matches(user):
            # An account the demo did not make (a real operator's «admin», say): it keeps its own password and
            # rights, and is never given the demo's public password.
            self.result.kept_accounts.append(username)
            return user
        user = user or user_model(username=username)
        changed = user.pk is None
        for key, value in attributes.items():
            if getattr(user, key) != value:
                setattr(user, key, value)
                changed = True
        changed = self._password.apply(user) or changed
        if changed:
            user.save()
        user.groups.add(*groups)
        return user

    def superuser(self):
        self.user(
            content.ADMIN_USERNAME,
            email=content.ADMIN_EMAIL,
            is_superuser=True,
            is_staff=True,
            is_active=True,
        )
        self.result.logins.append(Login(content.ADMIN_USERNAME, "مدیر کل درگاه"))

    def staff_user(self, neighborhood, username):
        user = self.user(username, [ensure_staff_group(neighborhood)], first_name="تسهیلگر", last_name=neighborhood.title, is_active=True)
        self.result.logins.append(Login(username, f"تسهیلگر محله {neighborhood.title}"))
        return user

    def caseworker(self, neighborhood, username):
        """A member of the office who reads its confidential cases (staff of the neighbourhood, too)."""
        groups = [ensure_staff_group(neighborhood), ensure_caseworker_group(neighborhood)]
        user = self.user(username, groups, first_name="مددکار", last_name=neighborhood.title, is_active=True)
        self.result.logins.append(Login(username, f"مددکار محله {neighborhood.title} (پرونده‌های محرمانه)"))
        return user

    def head(self, neighborhood, username):
        """The office's head: staff of the neighbourhood who chooses its caseworkers and reads its audit trail."""
        groups = [ensure_staff_group(neighborhood), ensure_head_group(neighborhood)]
        user = self.user(username, groups, first_name="مسئول دفتر", last_name=neighborhood.title, is_active=True)
        self.result.logins.append(Login(username, f"مسئول دفتر محله {neighborhood.title} (گزینش مددکاران، سوابق دسترسی)"))
        return user

    def agency_account(self, agency_slug, username, neighborhood_slugs, label):
        """An agency's contact person: the resolutions assigned to it in the neighbourhoods it serves."""
        self.user(username, first_name="کارشناس", last_name=label, is_active=True)
        if username not in self.result.kept_accounts:
            neighborhoods = NeighborhoodPage.objects.filter(slug__in=neighborhood_slugs, locale__language_code="fa")
            ensure_agency_account(CouncilAgency.objects.get(slug=agency_slug), username, neighborhoods)
        self.result.logins.append(Login(username, f"{label}: مصوبه‌های سپرده به این دستگاه، گزارش پیشرفت"))

    def coordinator(self, province, username):
        self.user(username, [ensure_coordinator_group(province)], first_name="هماهنگ‌کننده", last_name=f"استان {province.title}", is_active=True)
        self.result.logins.append(Login(username, f"هماهنگ‌کننده استان {province.title}"))


class _SharedPassword:
    """Gives every demo user the same password while hashing it as few times as possible.

    Hashing is deliberately slow, so the encoded value is made once per run and reused, and an
    existing hash that already matches is left alone.
    """

    def __init__(self, raw):
        self.raw = raw
        self.encoded = None
        self.matching = set()

    def matches(self, user):
        if user.password in self.matching:
            return True
        if user.password and check_password(self.raw, user.password):
            self.matching.add(user.password)
            return True
        return False

    def apply(self, user):
        if self.matches(user):
            return False
        if self.encoded is None:
            self.encoded = make_password(self.raw)
            self.matching.add(self.encoded)
        user.password = self.encoded
        return True


def build_demo():
    return DemoBuilder().build()
