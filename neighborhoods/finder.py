"""Finding one's neighbourhood by what one calls it.

Residents rarely know their neighbourhood's official name: they type the name people use («باغ خلج» for «کوی امام
سجاد»), the district, the city, a street or a landmark, on a phone keyboard, often one letter off. The finder
matches every word typed against the words of each neighbourhood's names (official and common), district, city,
province and landmarks, after the portal's Persian normalisation (portal/text.py): exactly, as the start of a word
(while the reader is still typing), or one letter off (a letter missing, extra, wrong or two swapped) for words of
three letters or more. Every word must be found somewhere, except words like «محله» that say nothing.
Cities and provinces are answers too: «قم» offers the city's list of neighbourhoods as well as its offices.

The index is built once per version of the list of neighbourhoods (``list:neighborhoods``, bumped by any
neighbourhood or province published, moved or unpublished) and kept in the worker: a query then costs no database
query at all, and a one-letter-off match is a few dictionary lookups (the words one deletion away from each word are
indexed), not a comparison with every name.
"""

import bisect
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext

from portal.caching import scopes
from portal.digits import for_language
from portal.text import normalize

from .browse import cities_with_counts
from .models.neighborhood import NeighborhoodPage
from .models.province import ProvincePage

# How much a word found in each part counts: a name says more than a landmark.
NAME, PLACE, LANDMARK = 4, 2, 1
EXACT, PREFIX, TYPO = 1.0, 0.8, 0.6
# Words that only say what kind of place is meant.
FILLER = {"محله", "محل", "دفتر", "تسهیلگری", "neighbourhood", "neighborhood", "office", "area"}
# A typed word shorter than this is taken as a typo of another only with a letter missing (two-letter words
# are too many to let one stand for another).
TYPO_FROM = 3
# Prefix matches looked at per typed word: «ب» alone would otherwise touch every word.
PREFIX_LIMIT = 400
MAX_QUERY = 100
_WORD = re.compile(r"\w+")


def words(text):
    return _WORD.findall(normalize(text).lower())


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_letter_off(a, b):
    """Whether ``a`` becomes ``b`` by one letter added, removed, replaced, or two neighbours swapped."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@dataclass
class Answer:
    """One thing the finder can offer: a neighbourhood, a city or a province."""

    kind: str
    title: str
    detail: str
    url: str
    # Normalised names (title and common names), for ranking a whole-name match first.
    names: list = field(default_factory=list)


class FinderIndex:
    def __init__(self, answers_with_parts):
        """``answers_with_parts``: [(Answer, [(text, weight), …]), …]."""
        self.answers = []
        # word -> {answer index: weight}
        self.postings = defaultdict(dict)
        for answer, parts in answers_with_parts:
            number = len(self.answers)
            self.answers.append(answer)
            for text, weight in parts:
                for word in words(text):
                    if self.postings[word].get(number, 0) < weight:
                        self.postings[word][number] = weight
        self.vocabulary = sorted(self.postings)
        self.near = defaultdict(set)
        for word in self.vocabulary:
            if len(word) >= TYPO_FROM - 1:
                self.near[word].add(word)
                for key in _deletions(word):
                    self.near[key].add(word)

    def _matches(self, typed):
        """{index word: quality} for one typed word."""
        found = {}
        if typed in self.postings:
            found[typed] = EXACT
        start = bisect.bisect_left(self.vocabulary, typed)
        for word in self.vocabulary[start : start + PREFIX_LIMIT]:
            if not word.startswith(typed):
                break
            found.setdefault(word, PREFIX)
        if len(typed) >= TYPO_FROM:
            for key in _deletions(typed) | {typed}:
                for word in self.near.get(key, ()):
                    if word not in found and one_letter_off(typed, word):
                        found[word] = TYPO
        elif len(typed) == TYPO_FROM - 1:
            # «خج» for «خلج»: a short word with a letter missing, never two short words for each other.
            for word in self.near.get(typed, ()):
                if word not in found and len(word) == TYPO_FROM:
                    found[word] = TYPO
        return found

    def search(self, query, limit):
        typed = [word for word in words(query[:MAX_QUERY])]
        meaningful = [word for word in typed if word not in FILLER] or typed
        if not meaningful:
            return []
        scores = None
        for word in meaningful:
            best = defaultdict(float)
            for match, quality in self._matches(word).items():
                for number, weight in self.postings[match].items():
                    best[number] = max(best[number], weight * quality)
            scores = dict(best) if scores is None else {number: scores[number] + best[number] for number in scores.keys() & best.keys()}
            if not scores:
                return []
        phrase = " ".join(typed)

        def rank(number):
            answer = self.answers[number]
            whole = any(name.startswith(phrase) for name in answer.names)
            # A name typed whole first, then the best score, then places before neighbourhoods, then by name.
            return (not whole, -scores[number], answer.kind == "neighborhood", answer.title)

        return [self.answers[number] for number in sorted(scores, key=rank)[:limit]]


def _answers(index_page, request):
    """The answers under ``index_page`` (one language's tree): provinces, cities and neighbourhoods."""
    provinces = list(ProvincePage.objects.child_of(index_page).listable().order_by("title"))
    by_path = {province.path: province for province in provinces}
    sep = gettext("، ")
    for province in provinces:
        province_title = gettext("استان %(province)s") % {"province": province.title}
        yield Answer("province", province_title, gettext("همه شهرهای استان"), province.get_url(request), [normalize(province.title).lower()]), [
            (province.title, PLACE)
        ]
        for city, count in cities_with_counts(province):
            detail = sep.join([province_title, gettext("%(number)s محله") % {"number": for_language(count)}])
            yield Answer("city", gettext("شهر %(city)s") % {"city": city}, detail, province.city_url(city, request), [normalize(city).lower()]), [
                (city, PLACE),
                (province.title, PLACE),
            ]
    neighborhoods = (
        NeighborhoodPage.objects.descendant_of(index_page)
        .listable()
        .only("id", "title", "slug", "url_path", "path", "depth", "locale_id", "city", "district", "other_names", "landmarks")
        .order_by("path")
    )
    for neighborhood in neighborhoods:
        province = by_path.get(neighborhood.path[: -NeighborhoodPage.steplen])
        if province is None:
            continue
        other_names = neighborhood.other_names_list
        place = [neighborhood.district, neighborhood.city, gettext("استان %(province)s") % {"province": province.title}]
        detail = sep.join(part for part in place if part)
        if other_names:
            detail = gettext("%(names)s؛ %(place)s") % {"names": sep.join(other_names), "place": detail}
        names = [normalize(name).lower() for name in [neighborhood.title, *other_names]]
        yield Answer("neighborhood", neighborhood.title, detail, neighborhood.get_url(request), names), [
            (neighborhood.title, NAME),
            *((name, NAME) for name in other_names),
            (neighborhood.district, PLACE),
            (neighborhood.city, PLACE),
            (province.title, PLACE),
            (neighborhood.landmarks, LANDMARK),
        ]


_built = {}
_lock = threading.Lock()


def finder_index(index_page, request):
    """The index of ``index_page``'s tree, built again only when the list of neighbourhoods has changed (or when
    the shared cache cannot say: then every time, never a stale one)."""
    versions = scopes.versions([scopes.portal_list("neighborhoods")])
    key = (translation.get_language(), index_page.pk)
    version = tuple(sorted(versions.items())) if versions else None
    kept = _built.get(key)
    if kept is not None and version is not None and kept[0] == version:
        return kept[1]
    with _lock:
        kept = _built.get(key)
        if kept is not None and version is not None and kept[0] == version:
            return kept[1]
        built = FinderIndex(list(_answers(index_page, request)))
        if version is not None:
            _built[key] = (version, built)
        return built


def find(index_page, request, query, limit):
    return finder_index(index_page, request).search(query, limit)
