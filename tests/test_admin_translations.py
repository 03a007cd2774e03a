"""Our own admin screens follow the staff member's admin language: with English chosen in the account
settings (Wagtail's UserProfile.preferred_language) the inbox, a case, the programmes, the reports and the
directory screens show no Persian letters of ours; with Persian they read as before.

Fixture titles, names and statuses are Latin, so any Persian letter left in <main> is one of our own strings.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from forms.models import FormField, ParticipationFormPage, Status, Submission
from neighborhoods.permissions import staff_group_name
from programmes.seats import Signup, register
from tests.conftest import add_program

pytestmark = pytest.mark.django_db

# Persian and Arabic letters; digits and the Arabic comma are left out on purpose (digits follow the language
# through their own filters and are tested elsewhere).
PERSIAN_LETTER = re.compile(r"[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u06C0]+")
# Lines that are not ours to translate per request: a language's name is written in that language, and Wagtail
# builds the snippet chooser's «Choose <model>» text once, when its system checks build the page forms at start-up
# (in the default language), so the model's verbose name inside it stays Persian.
NOT_OURS = re.compile(r"^(فارسی|Choose .*|Choose another .*|Edit this .*)$")


def startup_chooser_lines():
    """Wagtail's snippet chooser texts as they were fixed at start-up, in the default language."""
    from django.conf import settings
    from django.utils import translation
    from wagtail.snippets.models import get_snippet_models

    lines = set()
    with translation.override(settings.LANGUAGE_CODE):
        for model in get_snippet_models():
            for msgid in ("Choose %(object)s", "Choose another %(object)s", "Edit this %(object)s"):
                lines.add(translation.gettext(msgid) % {"object": model._meta.verbose_name})
    return lines


class MainText(HTMLParser):
    """Visible text (and titles, labels, placeholders) inside <main>, without scripts and styles."""

    HIDDEN = {"script", "style", "template"}
    VOID = {"input", "meta", "link", "br", "img", "hr", "source", "use", "path", "col", "wbr", "rect"}
    ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-w-tooltip-content-value"}

    def __init__(self):
        super().__init__()
        self.open, self.parts, self.depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        if tag not in self.VOID:
            self.open.append(tag)
        if self.depth:
            self.parts += [value for name, value in attrs if name in self.ATTRIBUTES and value]

    def handle_endtag(self, tag):
        while self.open and self.open[-1] != tag:
            self.open.pop()
        if self.open:
            self.open.pop()
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.HIDDEN & set(self.open) and data.strip():
            self.parts.append(" ".join(data.split()))


def main_text(response):
    assert response.status_code == 200, response.status_code
    parser = MainText()
    parser.feed(response.content.decode())
    assert parser.parts, "no <main> in the page"
    return "\n".join(parser.parts)


@pytest.fixture
def world(tree):
    for page, title in ((tree.markazi, "Markazi"), (tree.qom, "Qom")):
        page.title = title
        page.save()
    # A neighbourhood of its own with a Latin title (its staff group is named when it is created).
    tree.bagh = tree.add_neighborhood(tree.markazi, "Bagh Khalaj", "bagh-latin", "Arak")
    for number, status in enumerate(Status.objects.all(), start=1):
        Status.objects.filter(pk=status.pk).update(name=f"Status {number}")
    form = ParticipationFormPage(title="Problem report", slug="problem", kind="problem_report")
    form.form_fields = [
        FormField(label="Name", key="name", field_type="singleline", required=True),
        FormField(label="Need", key="need", field_type="multiline", required=True),
    ]
    tree.bagh.add_child(instance=form)
    form.save_revision().publish()
    submission = Submission.objects.create(
        page=form,
        neighborhood=tree.bagh,
        form_title=form.title,
        data={"name": "Maryam", "need": "Street lights"},
        labels={"name": "Name", "need": "Need"},
        types={"name": "singleline", "need": "multiline"},
        name="Maryam",
        mobile="09121234567",
    )
    program = add_program(tree.bagh, title="Sewing course", summary="Free course", capacity=1, waitlist_capacity=3)
    register(program, Signup(name="Alice", mobile="09121110001", people=1))
    register(program, Signup(name="Bahar", mobile="09121110002", people=1))
    staff = get_user_model().objects.create_user("staff", password="x", first_name="Sara", last_name="Baghi")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    return {
        "inbox": "/admin/inbox/",
        "case": f"/admin/inbox/{submission.pk}/",
        "service desk": "/admin/inbox/new/",
        "service desk form": f"/admin/inbox/new/{form.pk}/",
        "programmes": "/admin/programmes/",
        "registrations": f"/admin/programmes/{program.pk}/",
        "dashboard": "/admin/reports/",
        "needs": "/admin/reports/needs/",
        "monthly": "/admin/reports/monthly/",
        "safety": "/admin/reports/safety/",
        "new asset": f"/admin/pages/add/directory/assetpage/{tree.bagh.pk}/",
    }


def log_in(client, language):
    user = get_user_model().objects.get(username="staff")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


def test_with_english_as_admin_language_our_screens_have_no_persian(client, world):
    log_in(client, "en")
    startup_lines = startup_chooser_lines()
    # Workflow and task names are rows that editors name, like page titles: content, not our strings
    # («Submit to <workflow>»).
    from wagtail.models import Task, Workflow

    content_names = [*Workflow.objects.values_list("name", flat=True), *Task.objects.values_list("name", flat=True)]
    found = {}
    for name, url in world.items():
        text = "\n".join(
            line
            for line in main_text(client.get(url)).split("\n")
            if not NOT_OURS.match(line) and line.strip() not in startup_lines
        )
        for content_name in content_names:
            text = text.replace(content_name, "")
        letters = PERSIAN_LETTER.findall(text)
        if letters:
            found[name] = [line for line in text.split("\n") if PERSIAN_LETTER.search(line)]
    assert not found, found


def test_with_english_the_inbox_menu_and_screens_read_english(client, world):
    log_in(client, "en")
    inbox = client.get(world["inbox"]).content.decode()
    assert "Inbox" in inbox and "Tracking code" in inbox and "Search and filter" in inbox
    case = client.get(world["case"]).content.decode()
    assert "Follow-up" in case and "History" in case
    assert "Neighbourhood dashboard" in client.get(world["dashboard"]).content.decode()


def test_with_persian_as_admin_language_the_same_screens_are_persian(client, world):
    log_in(client, "fa")
    expected = {
        "inbox": "جستجو و پالایش",
        "case": "تاریخچه",
        "service desk": "هیچ فرم منتشرشده‌ای",
        "service desk form": "ثبت پرونده",
        "programmes": "برنامه‌های محله‌های شما",
        "registrations": "ثبت‌نام‌های قطعی و حضور و غیاب",
        "dashboard": "پرونده‌های رسیده",
        "needs": "نتیجه نیازسنجی‌ها",
        "monthly": "ساختن گزارش یک ماه",
        "safety": "گزارش‌های فضای بی‌دفاع",
        "new asset": "نشانی و موقعیت",
    }
    for name, url in world.items():
        text = main_text(client.get(url))
        assert PERSIAN_LETTER.search(text), name
        if name != "service desk":
            assert expected[name] in text, (name, expected[name])


def test_the_staff_email_stays_persian_whatever_the_language(world, mailoutbox):
    from django.utils import translation

    from forms.notifications import notify_staff

    get_user_model().objects.filter(username="staff").update(email="staff@example.org")
    with translation.override("en"):
        notify_staff.call(Submission.objects.get(form_title="Problem report").pk)
    message = mailoutbox[-1]
    assert "پرونده تازه در محله Bagh Khalaj" in message.subject
    assert "کد رهگیری:" in message.body and "Tracking code" not in message.body
