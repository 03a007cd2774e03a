"""A translated neighbourhood is still one neighbourhood: one staff group, one entry in every list."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from directory.filters import DirectoryFilterForm
from forms.scope import neighborhoods_for
from neighborhoods.locales import source_of
from neighborhoods.permissions import staff_group_name

pytestmark = pytest.mark.django_db


def translate(page, title):
    copy = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy.specific


@pytest.fixture
def english_bagh(tree):
    return translate(tree.bagh, "Bagh Khalaj")


def test_the_translation_is_worked_by_the_neighbourhoods_own_staff(tree, english_bagh):
    groups = set(Group.objects.values_list("name", flat=True))
    assert staff_group_name(tree.bagh) in groups
    assert not any("Bagh Khalaj" in name for name in groups)  # no second group for the translation

    staff = get_user_model().objects.create_user("bagh-staff", password="x")
    staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    # They may edit the English page (to translate it) …
    assert english_bagh.permissions_for_user(staff).can_edit()
    # … but their scope (inbox, reports) is the one neighbourhood, not two.
    assert list(neighborhoods_for(staff).values_list("pk", flat=True)) == [tree.bagh.pk]
    assert source_of(english_bagh).pk == tree.bagh.pk


def test_lists_name_a_translated_neighbourhood_once(tree, english_bagh):
    superuser = get_user_model().objects.create_superuser("admin", password="x")
    assert sorted(neighborhoods_for(superuser).values_list("pk", flat=True)) == sorted([tree.bagh.pk, tree.esmaeil.pk])

    form = DirectoryFilterForm()
    titles = [title for value, title in form.fields["neighborhood"].choices if value]
    assert sorted(titles) == sorted(["باغ خلج", "اسماعیل‌آباد"])
