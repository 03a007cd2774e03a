import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from forms.models import Submission, SubmissionEvent
from tests.conftest import add_form_page

pytestmark = pytest.mark.django_db


def make_submission(page, days_old, **fields):
    submission = Submission.objects.create(
        page=page,
        neighborhood=page.find_neighborhood(),
        form_title=page.title,
        name="مریم احمدی",
        mobile="09121234567",
        national_code="0499370899",
        data={"name": "مریم احمدی", "topic": "روشنایی", "problem": "کوچه تاریک است"},
        types={"name": "singleline", "topic": "dropdown", "problem": "multiline"},
        labels={"name": "نام", "topic": "نوع", "problem": "شرح"},
        **fields,
    )
    Submission.objects.filter(pk=submission.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_old))
    return submission


def test_old_submissions_lose_identity_but_keep_counts_and_choices(tree):
    page = add_form_page(tree.bagh)
    old = make_submission(page, days_old=400)
    recent = make_submission(page, days_old=10)
    call_command("anonymise_submissions", days=365)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.anonymised and old.name == old.mobile == old.national_code == ""
    assert old.data == {"name": "", "topic": "روشنایی", "problem": ""}
    assert old.tracking_code and old.status_id  # still counted in reports
    assert SubmissionEvent.objects.filter(submission=old, action="anonymised").count() == 1
    assert not recent.anonymised and recent.mobile == "09121234567"
    assert Submission.objects.count() == 2
    call_command("anonymise_submissions", days=365)  # nothing left to do a second time
    assert SubmissionEvent.objects.filter(action="anonymised").count() == 1


def test_digest_reaches_staff(tree, mailoutbox):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from neighborhoods.permissions import staff_group_name

    user = get_user_model().objects.create_user("bagh", email="bagh@example.ir", password="x")
    user.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    make_submission(add_form_page(tree.bagh), days_old=0)
    call_command("send_inbox_digest")
    assert len(mailoutbox) == 1 and "۱ پرونده" in mailoutbox[0].body
