"""The admin screens staff use every day read Persian: Wagtail's own strings (our catalogue fills what Wagtail's
Persian catalogue lacks, locale/fa/LC_MESSAGES/django.po) and our own screens.

Real admin GETs as a logged-in superuser whose admin language is the default (fa); the text a person sees (text
nodes, titles and placeholders, not scripts or styles) is searched for English words.
"""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.conftest import add_news, make_image
from tests.test_admin_jalali import edit

pytestmark = pytest.mark.django_db

# Words Wagtail shows on these screens; each of them was English before our catalogue (or must stay Persian).
ENGLISH = [
    "Help", "Pages", "Page", "Edit", "Publish", "Schedule", "Live", "Draft", "Updated", "Save schedule",
    "Set schedule", "Set publishing schedule", "No publishing schedule set", "just now", "Keyboard shortcuts",
    "Date updated", "View history", "First published", "Published", "Draft saved", "Sort by", "Focal point",
    "Show filters", "Filter by", "Usage", "Comments", "Toggle sidebar", "Search all pages", "Owner", "Back",
    "Exploring", "Visible to all", "Privacy and access", "Theme preferences", "Images", "Documents",
]
# Latin text our own screens may show: keyboard keys in Wagtail's shortcut list, file formats, the user name.
ALLOWED_LATIN = {"Ctrl", "Alt", "Shift", "Esc", "XLSX", "CSV", "Wagtail", "admin", "Root", "Actions"}


class VisibleText(HTMLParser):
    HIDDEN = {"script", "style", "svg", "template"}
    VOID = {"input", "meta", "link", "br", "img", "hr", "source", "use", "path", "col", "wbr"}

    def __init__(self):
        super().__init__()
        self.open = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)
        for name, value in attrs:
            if name in ("title", "placeholder", "data-w-tooltip-content-value") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        while self.open and self.open[-1] != tag:
            self.open.pop()
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        if not self.HIDDEN & set(self.open) and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


@pytest.fixture
def screens(tree, admin_client):
    news, _ = add_news(tree.bagh.news_index_page, 2, start=datetime.date(2025, 3, 9))
    image = make_image()
    document = get_document_model().objects.create(title="گزارش", file=ContentFile(b"%PDF-1.4", name="report.pdf"))
    # A scheduled draft, so that the status panel shows the schedule.
    assert edit(admin_client, news, go_live_at="۱۴۱۰/۰۶/۳۱ ۲۳:۳۰", **{"action-publish": "publish"}).status_code == 302
    return {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{tree.bagh.news_index_page.pk}/",
        "edit": f"/admin/pages/{news.pk}/edit/",
        "history": f"/admin/pages/{news.pk}/history/",
        "images": "/admin/images/",
        "image": f"/admin/images/{image.pk}/",
        "documents": "/admin/documents/",
        "document": f"/admin/documents/edit/{document.pk}/",
        "account": "/admin/account/",
    }


def test_wagtail_screens_staff_use_daily_have_no_english_left(screens, admin_client):
    found = {}
    for name, url in screens.items():
        response = admin_client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        text = visible_text(response.content.decode())
        words = [word for word in ENGLISH if re.search(rf"(?<![A-Za-z-]){re.escape(word)}(?![A-Za-z])", text)]
        if words:
            found[name] = words
    assert not found, found


def test_publishing_schedule_dialog_and_help_menu_are_persian(screens, admin_client):
    html = admin_client.get(screens["edit"]).content.decode()
    for persian in ("تعیین زمان‌بندی انتشار", "ذخیره زمان‌بندی", "آغاز انتشار:", "زمان‌بندی انتشار"):
        assert persian in html, persian
    dashboard = admin_client.get(screens["dashboard"]).content.decode()
    assert "راهنما" in dashboard and "راهنمای ویراستاران واگتیل" in dashboard


@pytest.mark.parametrize("url", ["/admin/inbox/", "/admin/reports/", "/admin/programmes/"])
def test_our_own_admin_screens_are_persian(tree, admin_client, url):
    response = admin_client.get(url, follow=True)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    latin = set(re.findall(r"[A-Za-z][A-Za-z'-]+", text)) - ALLOWED_LATIN
    assert not latin, sorted(latin)
    assert re.search(r"[\u0600-\u06FF]{3,}", text)


def test_admin_scripts_get_persian_for_what_wagtails_catalogue_lacks(admin_client):
    # The admin's JavaScript catalogue (Django's JavaScriptCatalog) also reads our locale/fa djangojs.po.
    catalogue = admin_client.get("/admin/jsi18n/").content.decode()
    for english, persian in (("Collapse all", "بستن همه"), ("Expand all", "باز کردن همه"), ("Add a comment", "افزودن نظر")):
        assert f'"{english}": {json.dumps(persian)}' in catalogue, english


def test_admin_tab_titles_name_the_portal_not_wagtail(tree, admin_client, client, settings):
    for response in (admin_client.get("/admin/"), admin_client.get("/admin/pages/"), client.get("/admin/login/")):
        assert response.status_code == 200
        title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
        assert title.strip().endswith(f"- {settings.WAGTAIL_SITE_NAME}") and "Wagtail" not in title, title


def test_report_filters_and_columns_are_persian(tree, admin_client):
    html = admin_client.get("/admin/reports/aging-pages/", {"last_published_at": "۱۴۰۴/۰۱/۰۱"}).content.decode()
    text = visible_text(html)
    for english in ("Last published before", "Last published by", "Last published"):
        assert english not in text, english
    assert "آخرین انتشار پیش از" in text
    history = visible_text(admin_client.get("/admin/reports/site-history/").content.decode())
    assert "از تاریخ" in history and "تا تاریخ" in history and "Date from" not in history


def test_locales_and_translate_page_screens_are_persian(tree, admin_client):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="en")
    screens = {
        "/admin/locales/": ("Add a locale", "Locales"),
        f"/admin/localize/submit/page/{tree.bagh.pk}/": ("All child pages will be created", "Include subtree", "Translate page"),
        f"/admin/pages/{tree.bagh.pk}/edit/": ("Translate this page",),
    }
    for url, words in screens.items():
        response = admin_client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        assert not [word for word in words if word in text], (url, [word for word in words if word in text])
    assert "ترجمه این صفحه" in admin_client.get(f"/admin/pages/{tree.bagh.pk}/edit/").content.decode()


@pytest.mark.parametrize(
    "url,words",
    [
        ("/admin/reports/workflow/", ("Approved", "By task", "In progress", "Needs changes")),
        ("/admin/users/", ("Access level", "Assign role", "Set active state")),
    ],
)
def test_reports_and_users_listing_are_persian(tree, admin_client, url, words):
    text = visible_text(admin_client.get(url).content.decode())
    assert not [word for word in words if word in text]


def test_translating_a_page_is_persian_from_submission_to_sync(tree, admin_client):
    """wagtail-localize's Persian catalogue lacks most of what an editor meets while translating a page: the
    submission message, the translation editor (its page title and its scripts' strings), the sync button and
    the translations report. Ours fills them."""
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    response = admin_client.post(
        f"/admin/localize/submit/page/{tree.index.pk}/", {"locales": [english.pk]}, follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "برای ترجمه به" in html and "was successfully submitted" not in html
    translated = tree.index.get_translation(english)
    editor = admin_client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    assert f"ترجمه {tree.index.title} به" in editor and "Translation of" not in editor
    source = visible_text(admin_client.get(f"/admin/pages/{tree.index.pk}/").content.decode())
    assert "همگام‌سازی صفحه‌های ترجمه‌شده" in source and "Sync translated pages" not in source
    report = visible_text(admin_client.get("/admin/localize/reports/translations/").content.decode())
    assert "Source title" not in report and "ترجمه‌ها" in report
    catalogue = admin_client.get("/admin/jsi18n/").content.decode()
    for english_text, persian in (
        ("Download PO file", "دریافت پرونده PO"),
        ("Not translated", "ترجمه‌نشده"),
        ("There are unsaved segments. Please save or cancel them before leaving.", "بخش‌هایی ذخیره نشده‌اند. پیش از رفتن، آن‌ها را ذخیره یا لغو کنید."),
    ):
        assert f'"{english_text}": {json.dumps(persian)}' in catalogue, english_text


# --- every account's screens, read whole ---------------------------------------------------------------
# Beyond a list of known words: what each kind of account sees (the login page; the dashboard and the main
# menu of a superuser, an office's staff member and an NGO account; the NGO's page waiting for review, as the
# NGO and as its reviewer sees it) holds no Latin word but these names, and our own screens no Latin digit.

KEYBOARD_KEYS = {"Ctrl", "Alt", "Shift", "Esc"}
# «Root» is the title of Wagtail's root page in the breadcrumbs: content, not a word of the admin.
NAMES = {"Wagtail", "Root"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
LATIN_DIGIT = re.compile(r"[0-9]")


def english_words(text):
    return sorted(set(LATIN_WORD.findall(text)) - KEYBOARD_KEYS - NAMES)


def unpack_telepath(node, seen=None):
    """The sidebar's props as plain values: telepath writes a value used twice once (``_id``) and then refers
    to it (``_ref``), and wraps lists and dicts that could be mistaken for its own markers."""
    seen = {} if seen is None else seen
    if isinstance(node, list):
        return [unpack_telepath(item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "_ref" in node:
        return seen[node["_ref"]]
    if "_val" in node:
        value = node["_val"]
    elif "_list" in node:
        value = unpack_telepath(node["_list"], seen)
    elif "_dict" in node:
        value = {key: unpack_telepath(item, seen) for key, item in node["_dict"].items()}
    else:
        value = {key: unpack_telepath(item, seen) for key, item in node.items() if key != "_id"}
    if "_id" in node:
        seen[node["_id"]] = value
    return value


def main_menu(html):
    """[(label, name, [(label, address) of its submenu]), …] of the sidebar's main menu, as the page renders it."""
    raw = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S).group(1)
    modules = unpack_telepath(json.loads(raw))["modules"]
    items = next(module["_args"][0] for module in modules if module["_type"] == "wagtail.sidebar.MainMenuModule")

    def entry(item):
        options = item["_args"][0]
        children = item["_args"][1] if item["_type"].endswith("SubMenuItem") else []
        return options["label"], options["name"], [(child["_args"][0]["label"], child["_args"][0].get("url")) for child in children]

    return [entry(item) for item in items]


def menu_labels(html):
    return [label for top, _name, children in main_menu(html) for label in [top, *(child for child, _ in children)]]


@pytest.fixture
def accounts(tree):
    """A superuser, a staff member of باغ خلج and an NGO account whose change to its listing waits for review,
    all named in Persian (as the site is), so that any Latin word on their screens is the admin's own."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Site

    from directory.accounts import ensure_organization_account
    from neighborhoods.permissions import staff_group_name
    from tests.directory_helpers import add_directory, add_organization, service
    from tests.test_directory_accounts import edit_form

    Site.objects.update(site_name="درگاه محله")
    users = get_user_model().objects
    superuser = users.create_superuser("مدیر", password="x", first_name="مدیر", last_name="درگاه")
    staff = users.create_user("کارمند", password="x", first_name="سارا", last_name="باغی")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    directory = add_directory(tree)
    listing = add_organization(directory, "سمن همیاران", [tree.bagh], services=[service("کلاس")], summary="خلاصه")
    ngo, _ = ensure_organization_account(listing, "سمن-همیاران", password="x")
    return {"superuser": superuser, "staff": staff, "ngo": ngo, "listing": listing, "edit_form": edit_form}


def test_the_login_page_names_the_portal_and_is_persian(client, settings):
    html = client.get("/admin/login/").content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()
    assert heading == f"ورود به درگاه {settings.WAGTAIL_SITE_NAME}"
    text = visible_text(html)
    assert "گذرواژه" in text
    assert not english_words(text) and not LATIN_DIGIT.search(text), text


def test_each_accounts_wagtail_screens_have_no_english_left(client, accounts):
    listing = accounts["listing"]
    client.force_login(accounts["ngo"])
    sent = client.post(f"/admin/pages/{listing.pk}/edit/", accounts["edit_form"](listing, **{"action-submit": "submit"}))
    assert sent.status_code == 302
    screens = {
        ("superuser", "dashboard"): "/admin/",
        ("superuser", "reviewing the NGO's change"): f"/admin/pages/{listing.pk}/edit/",
        ("staff", "dashboard"): "/admin/",
        ("ngo", "dashboard"): "/admin/",
        ("ngo", "its page in review"): f"/admin/pages/{listing.pk}/edit/",
    }
    found, texts = {}, {}
    for (who, name), url in screens.items():
        client.force_login(accounts[who])
        response = client.get(url)
        assert response.status_code == 200, (who, name, response.status_code)
        html = response.content.decode()
        texts[who, name] = text = visible_text(html)
        words = english_words("\n".join([text, *menu_labels(html)]))
        if words:
            found[who, name] = words
    assert not found, found
    in_review = texts["ngo", "its page in review"]
    assert "این صفحه در انتظار بازبینی است." in in_review and "دیدن جزئیات" in in_review
    # Wagtail's own Persian catalogue reads «افزودن  خدمت لیبل» on the services' add button.
    assert "افزودن خدمت" in in_review and "لیبل" not in in_review


@pytest.mark.parametrize("who", ["superuser", "staff"])
def test_no_two_menus_share_a_label(client, accounts, who):
    client.force_login(accounts[who])
    menu = main_menu(client.get("/admin/").content.decode())
    labels = [label for label, _name, _children in menu]
    assert len(labels) == len(set(labels)), labels
    names = [name for _label, name, _children in menu]
    assert len(names) == len(set(names)), names
    # and no screen is offered from two menus
    children = [address for _label, _name, items in menu for _child_label, address in items]
    assert len(children) == len(set(children)), children
    assert "گزارش‌های محله‌ها" in labels


def test_our_screens_show_persian_digits(client, accounts, tree):
    """Masked mobiles in the inbox and on a programme's registrations, the year typed on the reports: Persian
    digits, however they were typed or stored."""
    from forms.models import FormField, ParticipationFormPage, Submission
    from programmes.seats import Signup, register
    from tests.conftest import add_program

    form = ParticipationFormPage(title="گزارش مسئله", slug="problem", kind="problem_report")
    form.form_fields = [FormField(label="شرح", key="need", field_type="multiline", required=True)]
    tree.bagh.add_child(instance=form)
    form.save_revision().publish()
    Submission.objects.create(
        page=form, neighborhood=tree.bagh, form_title=form.title, data={"need": "روشنایی"}, labels={"need": "شرح"},
        types={"need": "multiline"}, name="مریم احمدی", mobile="09121234567", tracking_code="40217358",
    )
    program = add_program(tree.bagh, title="دوره خیاطی", capacity=1, waitlist_capacity=3)
    register(program, Signup(name="آلیس باغی", mobile="09121110001", people=1))
    register(program, Signup(name="بهار باغی", mobile="09121110002", people=1))
    client.force_login(accounts["staff"])
    screens = {
        "inbox": "/admin/inbox/",
        "registrations": f"/admin/programmes/{program.pk}/",
        "dashboard": "/admin/reports/?year=1404&month=8",
        "monthly": "/admin/reports/monthly/",
    }
    found = {}
    for name, url in screens.items():
        html = client.get(url).content.decode()
        lines = [line for line in visible_text(html).splitlines() if LATIN_DIGIT.search(line)]
        years = re.findall(r'<input[^>]*name="year"[^>]*value="([^"]*)"', html)
        lines += [f"year: {year}" for year in years if LATIN_DIGIT.search(year)]
        if lines:
            found[name] = lines
    assert not found, found
    assert "۰۹۱۲***۴۵۶۷" in client.get(screens["inbox"]).content.decode()
    assert "۰۹۱۲***۰۰۰۲" in client.get(screens["registrations"]).content.decode()


def test_a_page_not_in_moderation_is_said_to_be_not_in_moderation(tree, admin_client):
    """Wagtail's own Persian catalogue says the opposite of its English here; ours says «نیست»."""
    [news] = add_news(tree.bagh.news_index_page, 1)
    user = admin_client.get("/admin/").wsgi_request.user
    workflow_state = news.get_workflow().start(news, user)
    task_state = workflow_state.current_task_state
    workflow_state.cancel(user=user)
    response = admin_client.post(f"/admin/pages/workflow/action/{news.pk}/approve/{task_state.pk}/", follow=True)
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == [f"صفحه «{news.title}» اکنون در انتظار بازبینی نیست."]
