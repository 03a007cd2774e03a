"""The participation section of a neighbourhood page: its forms and the way to follow what was sent."""

from neighborhoods.scopes import below_a_neighborhood
from neighborhoods.sections import Section
from portal.caching.invalidation import Lists

from .models import ParticipationFormPage

SECTION = Section(
    name="participation",
    order=30,
    template="participation/includes/neighborhood_forms.html",
    context=lambda neighborhood, request: {"forms": neighborhood.children_of_type(ParticipationFormPage)},
    lists=(Lists(ParticipationFormPage, below_a_neighborhood, "its participation forms"),),
)
