"""The next programmes of a list (the front page's, a neighbourhood's), with their seats taken read now.

Which programmes come next changes when a programme page changes (the scope the list depends on) or
when one of them ends: the list is kept under the scope until the first of them ends. Seats change with every
sign-up or cancellation, without a page changing, so they are summed on every request, in one small
query, for the programmes that have a capacity.
"""

from django.db.models import Sum
from django.utils import timezone

from portal.caching.store import SECONDS, cached

from .choices import Seat
from .models import Registration


def upcoming_with_seats(request, name, vary, programmes, limit, depends):
    """The first ``limit`` upcoming programmes of the queryset ``programmes``, soonest first, each with
    ``seats_taken`` set; the list is kept under the ``depends`` scopes."""
    def fetch():
        return list(
            programmes.upcoming()
            # What a card shows: its neighbourhood (on the front page) and its picture, not its venue.
            .select_related("neighborhood", "image")
            .prefetch_related("image__renditions")
            .order_by("starts_at", "pk")[:limit]
        )

    def seconds_left(found):
        ends = [program.ends_at for program in found if program.ends_at]
        if not ends:
            return SECONDS
        return max(1, min(SECONDS, int((min(ends) - timezone.now()).total_seconds()) + 1))

    now = timezone.now()
    found = [
        program
        for program in cached(request, "upcoming-programmes", [name, *vary, limit], fetch, depends, timeout=seconds_left)
        # A programme that ended since the list was kept (the entry outlives it by < 1 s).
        if not program.ends_at or program.ends_at >= now
    ]
    # By translation key: a translated programme's seats are its Persian page's (ProgramPage.seat_holder).
    with_capacity = [program.translation_key for program in found if program.capacity is not None]
    taken = dict(
        Registration.objects.filter(program__translation_key__in=with_capacity, state=Seat.CONFIRMED)
        .order_by()
        .values_list("program__translation_key")
        .annotate(total=Sum("people"))
        if with_capacity
        else ()
    )
    for program in found:
        program.seats_taken = taken.get(program.translation_key, 0)
    return found
