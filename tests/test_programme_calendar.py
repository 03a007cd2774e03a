"""The portal-wide programme calendar: Jalali months with Saturday-first weeks, filters, paging, feeds and
query budgets; and the neighbourhood page's upcoming programmes."""

import datetime
import re

import icalendar
import jdatetime
import pytest
from django.utils import timezone

from programmes.month_grid import month_weeks
from programmes.seats import Signup, register
from tests.conftest import add_program


def jalali_today():
    return jdatetime.date.fromgregorian(date=timezone.localdate())


def test_month_weeks_start_on_saturday_and_cover_the_jalali_month():
    # Azar 1405: 1 Azar is Saturday 22 November 2026, 30 Azar is Monday 21 December 2026.
    weeks = month_weeks(1405, 9, [], today=datetime.date(2026, 11, 22))
    days = [day for week in weeks for day in week]
    assert all(len(week) == 7 for week in weeks)
    assert all(week[0].date.weekday() == 5 for week in weeks)  # Saturday
    inside = [day for day in days if day.in_month]
    assert inside[0].date == datetime.date(2026, 11, 22) and inside[0].jalali_day == 1
    assert inside[-1].date == datetime.date(2026, 12, 21) and inside[-1].jalali_day == 30
    assert [day.is_today for day in inside].count(True) == 1
    # Esfand 1404 starts on a Friday: six days of Bahman come first
    weeks = month_weeks(1404, 12, [], today=datetime.date(2026, 1, 1))
    first_week = weeks[0]
    assert [day.in_month for day in first_week] == [False] * 6 + [True]
    assert first_week[6].is_friday


def test_the_calendar_shows_this_months_sessions_on_their_days(client, tree, calendar_page):
    program = add_program(tree.bagh, days_ahead=0, sessions=1, title="درختکاری روز درختکاری")
    today = jalali_today()
    response = client.get(calendar_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{jdatetime.date.j_months_fa[today.month - 1]}" in html or "آذر" in html
    # In the grid and in the phone's day list; among the upcoming cards too until today's session (16:00–18:00
    # in Tehran) is over.
    upcoming = program.ends_at >= timezone.now()
    assert html.count(f'href="{program.url}"') >= (3 if upcoming else 2)  # grid, agenda (and card)
    month_url = f"{calendar_page.url}{today.year}/{today.month}/"
    assert client.get(month_url).status_code == 200


def test_month_route_lists_that_months_programmes_only(client, tree, calendar_page):
    soon = add_program(tree.bagh, slug="soon", title="برنامه نزدیک", days_ahead=1, sessions=1)
    later = add_program(tree.bagh, slug="later", title="برنامه دور", days_ahead=80, sessions=1)
    j = jdatetime.date.fromgregorian(date=later.sorted_sessions()[0].date)
    html = client.get(f"{calendar_page.url}{j.year}/{j.month}/").content.decode()
    assert later.title in html and soon.title not in html
    assert client.get(f"{calendar_page.url}{j.year}/13/").status_code == 404


def test_filters_narrow_the_list_grid_and_feed(client, tree, calendar_page):
    add_program(tree.bagh, slug="paid", title="دوره پولی رایانه", kind="course", audience="youth", cost_rials=2_000_000)
    add_program(tree.bagh, slug="free", title="جشن روز زن", kind="occasion", audience="women")
    add_program(tree.esmaeil, slug="qom", title="میز خدمت بیمه سلامت", kind="service", audience="everyone")
    full = add_program(tree.esmaeil, slug="full", title="دوره پر شده", capacity=1, waitlist_capacity=3)
    register(full, Signup(name="نفر اول", mobile="09120000001"))

    def titles(query):
        html = client.get(calendar_page.url + "?" + query).content.decode()
        section = html.split('id="list-title"')[1]
        return {title for title in ["دوره پولی رایانه", "جشن روز زن", "میز خدمت بیمه سلامت", "دوره پر شده"] if title in section}

    assert titles("") == {"دوره پولی رایانه", "جشن روز زن", "میز خدمت بیمه سلامت", "دوره پر شده"}
    assert titles(f"neighborhood={tree.bagh.pk}") == {"دوره پولی رایانه", "جشن روز زن"}
    assert titles("kind=occasion") == {"جشن روز زن"}
    assert titles("audience=youth") == {"دوره پولی رایانه"}
    assert titles("free=on") == {"جشن روز زن", "میز خدمت بیمه سلامت", "دوره پر شده"}
    assert titles("open=on") == {"دوره پولی رایانه", "جشن روز زن", "میز خدمت بیمه سلامت"}
    assert titles(f"neighborhood={tree.esmaeil.pk}&open=on") == {"میز خدمت بیمه سلامت"}

    feed = icalendar.Calendar.from_ical(client.get(calendar_page.url + f"ical/?neighborhood={tree.esmaeil.pk}").content)
    assert {str(event["SUMMARY"]) for event in feed.walk("VEVENT")} == {"میز خدمت بیمه سلامت", "دوره پر شده"}
    assert "اسماعیل‌آباد" in str(feed["X-WR-CALNAME"])


@pytest.mark.parametrize("query", ["kind=party", "neighborhood=999999", "neighborhood=abc", "audience=<script>"])
def test_a_bad_filter_is_a_persian_400(client, tree, calendar_page, query):
    response = client.get(calendar_page.url + "?" + query)
    assert response.status_code == 400
    assert "این گزینه در فهرست نیست" in response.content.decode() or "معتبر" in response.content.decode()
    assert client.get(calendar_page.url + "ical/?" + query).status_code == 404


def test_the_list_is_paged_and_keeps_its_filters(client, tree, calendar_page, settings):
    settings.PROGRAMMES_PER_PAGE = 2
    for number in range(5):
        add_program(tree.bagh, slug=f"p{number}", title=f"برنامه شماره {number}", days_ahead=number + 1, sessions=1)
    html = client.get(calendar_page.url + f"?neighborhood={tree.bagh.pk}").content.decode()
    next_link = re.search(r'href="([^"]+)" rel="next">صفحه بعد', html).group(1)
    assert f"neighborhood={tree.bagh.pk}" in next_link and "page=2" in next_link
    assert "صفحه ۱ از ۳" in html
    assert client.get(calendar_page.url + "?page=3").status_code == 200
    assert client.get(calendar_page.url + "?page=9").status_code == 404


def test_finished_and_cancelled_programmes_leave_the_upcoming_list(client, tree, calendar_page):
    add_program(tree.bagh, slug="past", title="برنامه گذشته", days_ahead=-20, sessions=1)
    add_program(tree.bagh, slug="off", title="برنامه لغوشده", cancelled=True)
    add_program(tree.bagh, slug="next", title="برنامه پیش رو")
    section = client.get(calendar_page.url).content.decode().split('id="list-title"')[1]
    assert "برنامه پیش رو" in section and "برنامه گذشته" not in section and "برنامه لغوشده" not in section


def test_neighbourhood_page_lists_its_upcoming_programmes_and_links_the_calendar(client, tree, calendar_page):
    add_program(tree.bagh, slug="ours", title="کلاس قرآن کودکان")
    add_program(tree.esmaeil, slug="theirs", title="برنامه محله دیگر")
    html = client.get(tree.bagh.url).content.decode()
    assert "کلاس قرآن کودکان" in html and "برنامه محله دیگر" not in html
    assert f"{calendar_page.url}?neighborhood={tree.bagh.pk}" in html
    assert f"{calendar_page.url}ical/?neighborhood={tree.bagh.pk}" in html


@pytest.mark.parametrize("count", [3, 30])
def test_calendar_queries_do_not_grow_with_programmes(client, tree, calendar_page, django_assert_max_num_queries, count):
    for number in range(count):
        add_program(tree.bagh if number % 2 else tree.esmaeil, slug=f"q{number}", title=f"برنامه {number}", days_ahead=number % 25)
    client.get(calendar_page.url)  # warm the site-root cache as any running server has
    with django_assert_max_num_queries(14):
        assert client.get(calendar_page.url).status_code == 200


@pytest.mark.parametrize("count", [2, 12])
def test_programme_page_queries_do_not_grow_with_registrations(client, tree, django_assert_max_num_queries, count):
    program = add_program(tree.bagh, capacity=5, waitlist_capacity=50)
    for number in range(count):
        register(program, Signup(name="ساکن", mobile=f"0912000{number:04d}"))
    client.get(program.url)
    with django_assert_max_num_queries(14):
        assert client.get(program.url).status_code == 200


def test_home_page_shows_upcoming_programmes_of_every_neighbourhood(client, tree, calendar_page):
    add_program(tree.bagh, slug="a", title="کارگاه فرش‌بافی")
    add_program(tree.esmaeil, slug="b", title="جشن نیمه شعبان")
    add_program(tree.esmaeil, slug="c", title="برنامه گذشته", days_ahead=-30, sessions=1)
    html = client.get("/").content.decode()
    assert "کارگاه فرش‌بافی" in html and "جشن نیمه شعبان" in html and "برنامه گذشته" not in html
    assert f'href="{calendar_page.url}"' in html
