"""The migrations that made bodies streams, both ways: every body reads exactly as it did, and a page and its
translations keep pairing their blocks (the same ids)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from wagtail.models import Locale

from content.conversion import block_id
from neighborhoods.models import NeighborhoodPage
from news.models import NewsPage
from programmes.models import ProgramPage

from .conftest import Tree, add_news, add_program

# (app, the last migration before bodies were streams, table, column)
BEFORE_STREAMS = [
    ("news", "0002_index_news_by_date", "news_newspage", "body"),
    ("programmes", "0005_confidential_cases", "programmes_programpage", "body"),
    ("neighborhoods", "0004_other_names_and_landmarks", "neighborhoods_neighborhoodpage", "introduction"),
]
BODIES = {NewsPage: "body", ProgramPage: "body", NeighborhoodPage: "introduction"}


def rendered():
    """Every body of every page as a reader gets it."""
    return {
        (model.__name__, page.pk): render_to_string("content/includes/body.html", {"body": getattr(page, field)})
        for model, field in BODIES.items()
        for page in model.objects.all()
    }


def stored_text():
    with connection.cursor() as cursor:
        found = {}
        for _, _, table, column in BEFORE_STREAMS:
            cursor.execute(f"SELECT page_ptr_id, {column} FROM {table}")
            found.update({(table, pk): text for pk, text in cursor.fetchall()})
        return found


def migrate(*args):
    call_command("migrate", *args, verbosity=0, stdout=io.StringIO())


def back_and_forth():
    for app, migration, _, _ in BEFORE_STREAMS:
        migrate(app, migration)
    text = stored_text()
    migrate()
    return text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bodies_go_back_to_rich_text_and_forward_again_unchanged():
    tree = Tree()
    tree.bagh.introduction = "<p>کوی امام سجاد را اهالی <b>باغ خلج</b> می‌نامند.</p><ul><li>مسجد</li><li>مدرسه</li></ul>"
    tree.bagh.save_revision().publish()
    news = add_news(tree.bagh.news_index_page, 3)
    news[1].body = '<h2>گزارش</h2><p>متن با <a href="https://example.org/">پیوند</a> و ي و ك عربی.</p>'
    news[1].save_revision().publish()
    news[2].body = ""  # an empty body stays empty
    news[2].save()
    add_program(tree.bagh, body="<p>دوره رایگان خیاطی.</p>")
    english = news[0].copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    before = rendered()

    text = back_and_forth()

    # Going back: each body is its rich text again, exactly as it was written.
    assert text[("neighborhoods_neighborhoodpage", tree.bagh.pk)] == tree.bagh.introduction.raw_data[0]["value"]
    assert text[("news_newspage", news[1].pk)] == '<h2>گزارش</h2><p>متن با <a href="https://example.org/">پیوند</a> و ي و ك عربی.</p>'
    assert text[("news_newspage", news[2].pk)] == ""
    # And forward again: every body reads as it did.
    assert rendered() == before
    # A page and its translation carry the same block ids, so wagtail-localize keeps pairing their text.
    persian, translated = NewsPage.objects.get(pk=news[0].pk), NewsPage.objects.get(pk=english.pk)
    assert persian.body.raw_data[0]["id"] == translated.body.raw_data[0]["id"] == block_id(persian.translation_key, "body", 0)
    assert list(NewsPage.objects.get(pk=news[2].pk).body) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demo_reads_the_same_after_going_back_and_forth():
    call_command("load_demo", stdout=io.StringIO())
    before = rendered()
    assert len(before) > 60 and any("gallery" in html for html in before.values())
    text = back_and_forth()
    # Going back keeps what rich text can hold: every news item has its text.
    assert all(text[("news_newspage", pk)].startswith("<p>") for (model, pk) in before if model == "NewsPage")
    after = rendered()
    # A body of paragraphs only reads exactly as it did; one with a gallery or a table keeps its text.
    for key, html in before.items():
        if "gallery" in html or "<table" in html or "document-card" in html or "invitation" in html:
            assert "<p>" in after[key]
        else:
            assert after[key] == html, key
