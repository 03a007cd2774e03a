"""Which neighbourhoods a report is about, checked against the user's scope (forms.scope).

A request names a neighbourhood (?neighborhood=<id>) or a province (?province=<id>); without either it
covers every neighbourhood the user works in. An id outside the scope is refused with the same
message as one that does not exist.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_lazy as _

from forms.scope import neighborhoods_for
from neighborhoods.models import ProvincePage
from portal.digits import to_latin_digits

OUT_OF_SCOPE = _("این محله یا استان پیدا نشد یا در محدوده کار شما نیست.")
NO_SCOPE = _("شما کارمند یا هماهنگ‌کننده هیچ محله‌ای نیستید و گزارشی برای دیدن ندارید.")


class OutOfScope(Exception):
    pass


@dataclass
class Scope:
    neighborhoods: QuerySet
    title: str
    query: dict  # what to put in links to keep the same scope
    neighborhood: object = None
    province: object = None

    @property
    def neighborhood_id(self):
        """The one neighbourhood's id, or None for a scope of several (as the audit trail records it)."""
        return self.neighborhood.pk if self.neighborhood is not None else None


def _id(value):
    value = to_latin_digits(value or "").strip()
    if not value.isdigit() or len(value) > 12:
        raise OutOfScope(OUT_OF_SCOPE)
    return int(value)


def choices_for(user):
    """[(query value, title), …] of the neighbourhoods and provinces the user may choose."""
    scope = list(neighborhoods_for(user).order_by("path").values_list("pk", "title", "path"))
    provinces = []
    if len(scope) > 1:
        step = ProvincePage.steplen
        paths = {path[: step * depth] for _, _, path in scope for depth in range(1, len(path) // step)}
        provinces = list(ProvincePage.objects.filter(path__in=paths).order_by("path").values_list("pk", "title"))
    return {
        "neighborhoods": [(pk, title) for pk, title, _ in scope],
        "provinces": provinces,
    }


def resolve(user, query):
    """The Scope a GET query asks for; OutOfScope when it names anything the user may not see."""
    scope = neighborhoods_for(user)
    if query.get("neighborhood"):
        pk = _id(query["neighborhood"])
        neighborhood = scope.filter(pk=pk).first()
        if neighborhood is None:
            raise OutOfScope(OUT_OF_SCOPE)
        return Scope(scope.filter(pk=pk), gettext("محله %(title)s") % {"title": neighborhood.title}, {"neighborhood": pk}, neighborhood=neighborhood)
    if query.get("province"):
        pk = _id(query["province"])
        province = ProvincePage.objects.filter(pk=pk).first()
        inside = scope.filter(path__startswith=province.path) if province else scope.none()
        if province is None or not inside.exists():
            raise OutOfScope(OUT_OF_SCOPE)
        return Scope(inside, gettext("استان %(title)s") % {"title": province.title}, {"province": pk}, province=province)
    only = list(scope[:2])
    if len(only) == 1:
        return Scope(scope, gettext("محله %(title)s") % {"title": only[0].title}, {}, neighborhood=only[0])
    return Scope(scope, gettext("همه محله‌های شما"), {})
