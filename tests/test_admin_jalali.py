"""Jalali dates in Wagtail's own admin: page edit forms, the publishing schedule, listings, StreamField blocks.

Real admin views (GET and POST) on the SQLite test database; expected Gregorian values are written out here,
not computed with the code under test.
"""

import datetime
import re

import pytest
from django import forms
from wagtail.models import PageLogEntry, Revision

from news.models import NewsPage
from portal.blocks import JalaliDateBlock, JalaliDateTimeBlock
from portal.widgets import JalaliDateInput, JalaliDateTimeInput
from tests.conftest import add_news
from tests.test_admin import news_form

pytestmark = pytest.mark.django_db

UTC = datetime.timezone.utc


def input_tag(html, name):
    match = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', html)
    assert match, f"no input named {name}"
    return match.group(0)


@pytest.fixture
def news(tree):
    [page] = add_news(tree.bagh.news_index_page, 1, start=datetime.date(2025, 3, 9))
    return page


def edit(client, page, **fields):
    data = {"title": page.title, "slug": page.slug, "date": "۱۴۰۳/۱۲/۱۹", "go_live_at": "", "expire_at": ""}
    data.update(fields)
    return client.post(f"/admin/pages/{page.pk}/edit/", news_form(**data))


def test_edit_form_has_jalali_pickers_and_no_wagtail_picker(news, admin_client):
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    date = input_tag(html, "date")
    assert 'value="۱۴۰۳/۱۲/۱۹"' in date
    assert "data-jdp" in date and "data-jdp-only-date" in date and 'inputmode="numeric"' in date
    for name in ("go_live_at", "expire_at"):
        tag = input_tag(html, name)
        assert "data-jdp" in tag and "data-jdp-only-date" not in tag, tag
        # Wagtail's reset-on-close wiring of the schedule dialog is kept.
        assert 'data-w-dialog-target="notify"' in tag
    # Wagtail's own Gregorian picker is not stacked on top of ours.
    assert "initDateChooser" not in html and "initDateTimeChooser" not in html
    assert "jalalidatepicker.min.js" in html and "js/jalali-picker.js" in html


def test_existing_datetime_is_shown_in_tehran_jalali(news, admin_client):
    # 20:00 UTC on 22 September 2031 is 23:30 in Tehran on 31 Shahrivar 1410.
    NewsPage.objects.filter(pk=news.pk).update(expire_at=datetime.datetime(2031, 9, 22, 20, 0, tzinfo=UTC))
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'value="۱۴۱۰/۰۶/۳۱ ۲۳:۳۰"' in input_tag(html, "expire_at")


def test_edit_saves_jalali_date_typed_in_persian_digits(news, admin_client):
    response = edit(admin_client, news, date="۱۴۰۴/۰۱/۰۱", **{"action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:1500]
    news.refresh_from_db()
    assert news.date == datetime.date(2025, 3, 21)


def test_last_evening_of_a_jalali_month_in_tehran_is_saved_as_utc(news, admin_client):
    # Expiry at 23:30 Tehran on 30 Mehr 1410 (the month's last day) is 20:00 UTC on 22 October 2031,
    # still the same day: no slip into Aban.
    response = edit(admin_client, news, expire_at="۱۴۱۰/۰۷/۳۰ ۲۳:۳۰", **{"action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:1500]
    news.refresh_from_db()
    assert news.expire_at == datetime.datetime(2031, 10, 22, 20, 0, tzinfo=UTC)
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'value="۱۴۱۰/۰۷/۳۰ ۲۳:۳۰"' in input_tag(html, "expire_at")


def test_go_live_is_scheduled_from_a_jalali_datetime(news, admin_client):
    response = edit(
        admin_client, news, title="خبر زمان‌بندی‌شده", go_live_at="١٤١٠/06/۳۱ ۲۳:۳۰", **{"action-publish": "publish"}
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    revision = Revision.page_revisions.filter(object_id=str(news.pk)).order_by("-pk").first()
    assert revision.approved_go_live_at == datetime.datetime(2031, 9, 22, 20, 0, tzinfo=UTC)
    news.refresh_from_db()
    assert news.title != "خبر زمان‌بندی‌شده"  # scheduled, not published yet
    # The status side panel tells the schedule in Jalali.
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert "۳۱ شهریور ۱۴۱۰، ساعت ۲۳:۳۰" in html
    # No Gregorian year of the schedule anywhere (a revision's timestamp, whose microseconds may hold
    # those digits, is not a date shown to staff).
    assert not re.search(r"(?<![\d.])2031(?!\d)", html)


@pytest.mark.parametrize(
    "field,typed,message",
    [
        ("date", "۱۴۰۴/۱۲/۳۰", "۳۰ اسفند ۱۴۰۴ در تقویم وجود ندارد."),
        ("go_live_at", "۱۴۱۰/۰۷/۳۱ ۱۰:۰۰", "۳۱ مهر ۱۴۱۰ در تقویم وجود ندارد."),
        ("expire_at", "۱۴۱۰/۰۷/۰۱ ۲۵:۰۰", "ساعت باید از ۰ تا ۲۳"),
    ],
)
def test_impossible_date_is_refused_in_persian_and_nothing_is_saved(news, admin_client, field, typed, message):
    revisions = Revision.page_revisions.filter(object_id=str(news.pk)).count()
    response = edit(admin_client, news, title="نباید ذخیره شود", **{field: typed, "action-publish": "publish"})
    assert response.status_code == 200
    assert message in response.content.decode()
    news.refresh_from_db()
    assert news.title != "نباید ذخیره شود" and news.date == datetime.date(2025, 3, 9) and news.expire_at is None
    assert Revision.page_revisions.filter(object_id=str(news.pk)).count() == revisions


def test_explorer_and_history_show_jalali_dates(news, tree, admin_client):
    # A revision from 9 March 2025, 10:00 UTC: 19 Esfand 1403, 13:30 in Tehran.
    when = datetime.datetime(2025, 3, 9, 10, 0, tzinfo=UTC)
    NewsPage.objects.filter(pk=news.pk).update(latest_revision_created_at=when, last_published_at=when)
    Revision.page_revisions.filter(object_id=str(news.pk)).update(created_at=when)
    PageLogEntry.objects.filter(page=news).update(timestamp=when)
    explorer = admin_client.get(f"/admin/pages/{tree.bagh.news_index_page.pk}/").content.decode()
    dates = re.findall(r'<time class="w-human-readable-date__date"[^>]*>\s*(.*?)\s*</time>', explorer, re.S)
    assert "۱۹ اسفند ۱۴۰۳" in dates, dates
    assert "۱۹ اسفند ۱۴۰۳، ساعت ۱۳:۳۰" in explorer  # the tooltip
    assert "Mar" not in " ".join(dates) and "2025" not in " ".join(dates)

    history = admin_client.get(f"/admin/pages/{news.pk}/history/").content.decode()
    assert "۱۹ اسفند ۱۴۰۳" in history


def test_recent_changes_read_relative_in_persian(news, admin_client):
    assert edit(admin_client, news, title="ویرایش تازه").status_code == 302
    dashboard = admin_client.get("/admin/").content.decode()
    dates = re.findall(r'<time class="w-human-readable-date__date"[^>]*>\s*(.*?)\s*</time>', dashboard, re.S)
    assert dates, "the dashboard lists no recent edits"
    for text in dates:
        assert not re.search(r"[A-Za-z0-9]", text), dates


class TestJalaliBlocks:
    def test_date_block_reads_persian_digits_and_shows_jalali(self):
        block = JalaliDateBlock()
        assert isinstance(block.field.widget, JalaliDateInput)
        value = block.value_from_datadict({"day": "۱۴۰۳/۱۲/۱۹"}, {}, "day")
        assert block.clean(value) == datetime.date(2025, 3, 9)
        assert block.get_form_state(datetime.date(2025, 3, 9)) == "۱۴۰۳/۱۲/۱۹"
        # Stored as Wagtail stores dates in a stream: ISO Gregorian.
        assert block.get_prep_value(datetime.date(2025, 3, 9)) == datetime.date(2025, 3, 9)

    def test_date_block_refuses_impossible_day_in_persian(self):
        with pytest.raises(forms.ValidationError, match="در تقویم وجود ندارد"):
            JalaliDateBlock().clean("۱۴۰۴/۱۲/۳۰")

    def test_datetime_block(self):
        block = JalaliDateTimeBlock()
        assert isinstance(block.field.widget, JalaliDateTimeInput)
        assert block.clean("۱۴۱۰/۰۶/۳۱ ۲۳:۳۰") == datetime.datetime(2031, 9, 22, 20, 0, tzinfo=UTC)
        assert block.get_form_state(datetime.datetime(2031, 9, 22, 20, 0, tzinfo=UTC)) == "۱۴۱۰/۰۶/۳۱ ۲۳:۳۰"


def test_tehran_time_whatever_time_zone_the_user_chose(news, admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "Europe/London"
    profile.save()
    NewsPage.objects.filter(pk=news.pk).update(expire_at=datetime.datetime(2031, 9, 22, 20, 0, tzinfo=UTC))
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'value="۱۴۱۰/۰۶/۳۱ ۲۳:۳۰"' in input_tag(html, "expire_at")
    response = edit(admin_client, news, expire_at="۱۴۱۰/۰۷/۳۰ ۲۳:۳۰", **{"action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:1500]
    news.refresh_from_db()
    assert news.expire_at == datetime.datetime(2031, 10, 22, 20, 0, tzinfo=UTC)


class TestWagtailReportFilters:
    """Wagtail's own date-range filters (site history, page history, reports) take Jalali days."""

    @pytest.fixture
    def logged(self, tree):
        # 20 March 2025 at 20:00 UTC is 23:30 on 30 Esfand 1403 in Tehran; 21:00 UTC is already
        # 00:30 on 1 Farvardin 1404, the first day of the range filtered below.
        before, inside = add_news(tree.bagh.news_index_page, 2, start=datetime.date(2025, 3, 9))
        before.title, inside.title = "پیش از نوروز", "روز نوروز"
        for page, when in ((before, datetime.datetime(2025, 3, 20, 20, 0, tzinfo=UTC)),
                           (inside, datetime.datetime(2025, 3, 20, 21, 0, tzinfo=UTC))):
            NewsPage.objects.filter(pk=page.pk).update(title=page.title)
            PageLogEntry.objects.filter(page=page).update(timestamp=when, label=page.title)
        return before, inside

    def test_site_history_filters_by_a_jalali_range_typed_in_persian_digits(self, logged, admin_client):
        response = admin_client.get(
            "/admin/reports/site-history/", {"timestamp_from": "۱۴۰۴/۰۱/۰۱", "timestamp_to": "۱۴۰۴/۰۱/۰۱"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "روز نوروز" in html and "پیش از نوروز" not in html
        # The inputs keep what was typed and carry the Jalali picker, not Wagtail's Gregorian one.
        for name in ("timestamp_from", "timestamp_to"):
            tag = input_tag(html, name)
            assert 'value="۱۴۰۴/۰۱/۰۱"' in tag, tag
            assert "data-jdp" in tag and "data-jdp-only-date" in tag and 'inputmode="numeric"' in tag, tag
            assert 'type="date"' not in tag
        assert "jalalidatepicker.min.js" in html
        # The active-filter chip names the days in Jalali.
        assert re.search(r"<b[^>]*>\s*۱ فروردین ۱۴۰۴ - ۱ فروردین ۱۴۰۴\s*</b>", html)

        # Only the last day of Esfand: the other entry.
        html = admin_client.get("/admin/reports/site-history/", {"timestamp_to": "۱۴۰۳/۱۲/۳۰"}).content.decode()
        assert "پیش از نوروز" in html and "روز نوروز" not in html

    def test_page_history_filter_takes_tehran_days_whatever_the_users_time_zone(self, logged, admin_client, admin_user):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(admin_user)
        profile.current_time_zone = "Europe/London"  # 21:00 UTC on 20 March is still 20 March in London
        profile.save()
        before, inside = logged
        for page, expected in ((inside, 2), (before, 0)):  # each page was created and published
            html = admin_client.get(f"/admin/pages/{page.pk}/history/", {"timestamp_from": "1404/1/1"}).content.decode()
            rows = re.findall(r'<time class="w-human-readable-date__date"', html)
            assert len(rows) == expected, (page.title, len(rows))

    def test_impossible_day_is_refused_in_persian_not_a_500(self, logged, admin_client):
        response = admin_client.get("/admin/reports/site-history/", {"timestamp_from": "۱۴۰۴/۱۲/۳۰"})
        assert response.status_code == 200
        assert "۳۰ اسفند ۱۴۰۴ در تقویم وجود ندارد." in response.content.decode()

    @pytest.mark.parametrize(
        "url,name",
        [
            ("/admin/reports/aging-pages/", "last_published_at"),
            ("/admin/reports/locked/", "locked_at_from"),
            ("/admin/reports/workflow/", "created_at_from"),
            ("/admin/reports/workflow_tasks/", "started_at_from"),
            ("/admin/users/", "last_login_from"),
        ],
    )
    def test_other_report_filters_have_the_jalali_picker(self, tree, admin_client, url, name):
        html = admin_client.get(url).content.decode()
        tag = input_tag(html, name)
        assert "data-jdp" in tag and "data-jdp-only-date" in tag, tag


def test_aging_pages_report_takes_a_jalali_day(tree, admin_client):
    # Published at 20:00 UTC on 20 March 2025 (23:30 Tehran, 30 Esfand 1403) and 21:00 UTC (1 Farvardin 1404).
    old, new = add_news(tree.bagh.news_index_page, 2, start=datetime.date(2025, 3, 9))
    NewsPage.objects.filter(pk=old.pk).update(draft_title="منتشرشده در اسفند", last_published_at=datetime.datetime(2025, 3, 20, 20, 0, tzinfo=UTC))
    NewsPage.objects.filter(pk=new.pk).update(draft_title="منتشرشده در فروردین", last_published_at=datetime.datetime(2025, 3, 20, 21, 0, tzinfo=UTC))
    response = admin_client.get("/admin/reports/aging-pages/", {"last_published_at": "۱۴۰۴/۰۱/۰۱"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "منتشرشده در اسفند" in html and "منتشرشده در فروردین" not in html
    assert 'value="۱۴۰۴/۰۱/۰۱"' in input_tag(html, "last_published_at")
    assert re.search(r"<b[^>]*>\s*۱ فروردین ۱۴۰۴\s*</b>", html)


def test_status_panel_times_have_persian_digits(news, admin_client):
    assert edit(admin_client, news, title="ویرایش امروز").status_code == 302
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    times = re.findall(r"([0-9۰-۹]{2}:[0-9۰-۹]{2}) توسط", html)
    assert times, "the status panel shows no time of today's edit"
    assert all(re.fullmatch(r"[۰-۹]{2}:[۰-۹]{2}", t) for t in times), times
