"""The participation section of a neighbourhood page: its forms and the way to follow what was sent.

Forms belong to the neighbourhood's Persian page. A translation of the page lists the same forms, each in its
language where it is translated and otherwise in Persian, marked so (``untranslated``): a reader of the English page
can still reach the office's forms. A form's change makes the translations' pages stale too (the declaration below).
"""

from neighborhoods.locales import listing_source
from neighborhoods.scopes import below_a_neighborhood_in_every_language
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists
from portal.languages import as_read_in, untranslated
from portal.visibility import listable_q

from .models import ParticipationFormPage


def forms_of(neighborhood, request=None):
    source = listing_source(neighborhood, request)
    if source.pk == neighborhood.pk:
        # From the family the page has already fetched: no query.
        return neighborhood.children_of_type(ParticipationFormPage)
    forms = ParticipationFormPage.objects.child_of(source).filter(listable_q())
    return untranslated(list(as_read_in(forms, neighborhood.locale_id).order_by("path")), neighborhood.locale_id)


SECTION = Section(
    name="participation",
    order=30,
    template="participation/includes/neighborhood_forms.html",
    context=lambda neighborhood, request: {"forms": forms_of(neighborhood, request)},
    lists=(Lists(ParticipationFormPage, below_a_neighborhood_in_every_language, "its participation forms, in each language"),),
)
