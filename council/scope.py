"""Which meetings and resolutions a user works on, as filters every council screen applies to its lists
and checks its objects against (the Wagtail admin filters lists, not objects, by itself).

A neighbourhood's meeting is its staff's and its province's coordinators'; a province's meeting is its
coordinators' only. A resolution is followed in the neighbourhood it concerns, whichever meeting made it,
so a neighbourhood's staff follow what their province's coordination council decided for them."""

from django.db.models import Q

from forms.scope import neighborhoods_for, provinces_for

from .models import Attachment, Meeting, Resolution


def meetings_q(user, prefix=""):
    return Q(**{f"{prefix}neighborhood__in": neighborhoods_for(user)}) | Q(**{f"{prefix}province__in": provinces_for(user)})


def meetings_for(user):
    return Meeting.objects.filter(meetings_q(user))


def resolutions_q(user):
    return Q(neighborhood__in=neighborhoods_for(user))


SCOPES = {
    Meeting: meetings_q,
    Resolution: resolutions_q,
    Attachment: lambda user: meetings_q(user, prefix="meeting__"),
}


def scope_q(model, user):
    """The filter of ``model``'s rows that ``user`` works on."""
    return SCOPES[model](user)
