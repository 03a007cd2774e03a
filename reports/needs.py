"""Needs-assessment results: the answers of needs-assessment forms, question by question.

Questions are matched by their key (the Latin name of the answer), so the same question asked in
several neighbourhoods' forms — as every demo neighbourhood's «نیازسنجی محله» does — is compared
side by side, per neighbourhood or per Jalali month.

- Choice questions (dropdown, radio, checkboxes, a yes/no tick): counts and shares. For a single
  choice the share is of those who answered; for checkboxes it is of those who ticked at least one, so
  shares may add up to more than 100%.
- Scale questions (1 to 5): the average and how many gave each score.
- Long free text: the most frequent words after Persian normalisation (portal.text.normalize), leaving
  out words shorter than three letters and common function words.
- Answers that identify people (name, mobile, national code, e-mail, photo, map point, dates) are
  never summarised.

Counts are grouped in the database (one query per question, whatever the number of answers); the
free-text words are counted in Python from that one column, since word counting is not portable SQL.
"""

import re
from collections import Counter

import jdatetime
from django.db.models import Count
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Length, Substr, TruncDate
from django.utils.translation import gettext
from wagtail.contrib.forms.forms import _split_by_newline_or_comma
from wagtail.models import Page

from forms.models import FormField, ParticipationFormPage, Submission
from forms.models.page import FormKind
from portal import jalali
from portal.digits import to_persian_digits
from portal.text import normalize

CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "checkbox"}
SCALE_TYPES = {"scale"}
TEXT_TYPES = {"multiline"}
SUMMARISED = CHOICE_TYPES | SCALE_TYPES | TEXT_TYPES
TOP_WORDS = 12
MIN_WORD = 3
# Function words and the most common verbs, after normalisation (ZWNJ becomes a space there).
STOP_WORDS = set(
    normalize(
        "از به با در برای که این آن را تا یا و هم اما اگر نه هر همه چه چی چند کجا کسی خیلی بسیار "
        "است هست نیست بود شد شده شود میشود می نمی ها های تر ترین ای یک دو سه بر روی زیر پیش پس "
        "باید نباید کنند کند کنیم کرد کردن کرده کنید دارد دارند داریم ندارد ندارند داشته باشد باشند "
        "ما شما او آنها ایشان خود ما من تو وقتی چون ولی پیدا کار کم زیاد بیشتر کمتر دیگر دیگری همین "
        "همان مثل بین بعد قبل الان اینجا آنجا شب روز سال ماه"
    ).split()
)
_WORD = re.compile(r"[\w]+", re.UNICODE)


def assessment_forms(neighborhoods):
    parent_path = Substr("path", 1, Length("path") - Page.steplen)
    return ParticipationFormPage.objects.filter(kind=FormKind.NEEDS_ASSESSMENT).annotate(
        parent_path=parent_path
    ).filter(parent_path__in=neighborhoods.values("path"))


def questions(form_ids):
    """The summarised questions of the forms, one per key, in the order of the first form that asks it."""
    seen = {}
    for field in FormField.objects.filter(page_id__in=form_ids, field_type__in=SUMMARISED).order_by("page_id", "sort_order", "pk"):
        key = field.clean_name
        if key not in seen:
            seen[key] = {
                "key": key,
                "label": field.label,
                "type": field.field_type,
                "choices": _split_by_newline_or_comma(field.choices) if field.field_type in CHOICE_TYPES - {"checkbox"} else [],
            }
        elif field.field_type in CHOICE_TYPES:
            for choice in _split_by_newline_or_comma(field.choices):
                if choice not in seen[key]["choices"]:
                    seen[key]["choices"].append(choice)
    return list(seen.values())


def _group_key(group_by):
    return "neighborhood" if group_by == "neighborhood" else "day"


def _month_label(day):
    j = jdatetime.date.fromgregorian(date=day, locale=jalali.LOCALE)
    return (j.year, j.month), to_persian_digits(f"{jalali.month_name(j.month)} {j.year}")


def _answers(submissions, key, group_by):
    """[(group, group label, value, count)] grouped in the database."""
    if group_by == "month":
        rows = (
            submissions.annotate(day=TruncDate("created_at", tzinfo=jalali.tehran_tz()), value=KeyTransform(key, "data"))
            .values("day", "value")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            group, label = _month_label(row["day"])
            yield group, label, row["value"], row["n"]
        return
    rows = submissions.annotate(value=KeyTransform(key, "data")).values(
        "neighborhood", "neighborhood__title", "value"
    ).annotate(n=Count("pk"))
    for row in rows:
        yield row["neighborhood__title"], row["neighborhood__title"], row["value"], row["n"]


def _values(value):
    """An answer as the list of options it holds (checkboxes hold several)."""
    if value in (None, "", []):
        return []
    if isinstance(value, list):
        return [str(item) for item in value if item not in (None, "")]
    if isinstance(value, bool):
        return ["بله" if value else "خیر"]
    return [str(value)]


def _share(count, whole):
    return round(100 * count / whole) if whole else None


def _choice_summary(question, counts, answered):
    options = list(question["choices"])
    options += sorted(option for option in counts if option not in options)
    return {
        "answered": answered,
        "options": [
            {"label": option, "count": counts.get(option, 0), "share": _share(counts.get(option, 0), answered)}
            for option in options
        ],
    }


def _scale_summary(counts, answered):
    total = sum(int(score) * count for score, count in counts.items() if str(score).isdigit())
    return {
        "answered": answered,
        "average": round(total / answered, 2) if answered else None,
        "options": [
            {"label": str(score), "count": counts.get(str(score), 0), "share": _share(counts.get(str(score), 0), answered)}
            for score in range(1, 6)
        ],
    }


def words(texts):
    counter = Counter()
    for text in texts:
        for word in _WORD.findall(normalize(text)):
            if len(word) >= MIN_WORD and word not in STOP_WORDS and not word.isdigit():
                counter[word] += 1
    return counter


def _text_groups(submissions, key, group_by):
    # A confidential case's free text is personal data: its words are never counted (its choices are).
    submissions = submissions.filter(confidential=False)
    groups = {}
    if group_by == "month":
        rows = submissions.annotate(
            day=TruncDate("created_at", tzinfo=jalali.tehran_tz()), text=KeyTextTransform(key, "data")
        ).values_list("day", "text")
        for day, text in rows:
            if not text:
                continue
            group, label = _month_label(day)
            groups.setdefault(group, [label, []])[1].append(text)
    else:
        rows = submissions.annotate(text=KeyTextTransform(key, "data")).values_list("neighborhood__title", "text")
        for title, text in rows:
            if not text:
                continue
            groups.setdefault(title, [title, []])[1].append(text)
    return groups


def results(neighborhoods, period, group_by="neighborhood"):
    """{"forms": n, "respondents": n, "groups": [labels], "questions": [{…, "total": summary,
    "groups": [(label, summary)]}]} for the needs-assessment forms of the neighbourhoods."""
    forms = list(assessment_forms(neighborhoods).values_list("pk", flat=True))
    submissions = Submission.objects.filter(page_id__in=forms, **period.created_in()).order_by()
    respondents = submissions.count() if forms else 0
    result = {"forms": len(forms), "respondents": respondents, "group_by": group_by, "questions": []}
    if not forms:
        return result
    for question in questions(forms):
        key = question["key"]
        if question["type"] in TEXT_TYPES:
            grouped = _text_groups(submissions, key, group_by)
            total = Counter()
            summaries = []
            for group in sorted(grouped):
                label, texts = grouped[group]
                counted = words(texts)
                total.update(counted)
                summaries.append((label, {"answered": len(texts), "words": _top(counted)}))
            answered = sum(summary["answered"] for _, summary in summaries)
            result["questions"].append(
                {**question, "kind": "text", "total": {"answered": answered, "words": _top(total)}, "groups": summaries}
            )
            continue
        per_group, labels = {}, {}
        for group, label, value, count in _answers(submissions, key, group_by):
            labels[group] = label
            bucket = per_group.setdefault(group, {"counts": Counter(), "answered": 0})
            options = _values(value)
            if options:
                bucket["answered"] += count
            for option in options:
                bucket["counts"][option] += count
        all_counts, all_answered = Counter(), 0
        for bucket in per_group.values():
            all_counts.update(bucket["counts"])
            all_answered += bucket["answered"]
        summarise = _scale_summary if question["type"] in SCALE_TYPES else (
            lambda counts, answered: _choice_summary(question, counts, answered)
        )
        result["questions"].append(
            {
                **question,
                "kind": "scale" if question["type"] in SCALE_TYPES else "choice",
                "total": summarise(all_counts, all_answered),
                "groups": [
                    (labels[group], summarise(per_group[group]["counts"], per_group[group]["answered"]))
                    for group in sorted(per_group)
                ],
            }
        )
    return result


def _top(counter):
    return [{"label": word, "count": count} for word, count in counter.most_common(TOP_WORDS)]


def csv_rows(data):
    """The results as rows of a CSV: question, group, answer, count, share."""
    yield [gettext("پرسش"), gettext("گروه"), gettext("پاسخ یا واژه"), gettext("شمار"), gettext("سهم (درصد)"), gettext("میانگین")]
    for question in data["questions"]:
        for label, summary in [(gettext("همه"), question["total"])] + list(question["groups"]):
            if question["kind"] == "text":
                for word in summary["words"]:
                    yield [question["label"], label, word["label"], word["count"], "", ""]
                continue
            for option in summary["options"]:
                yield [
                    question["label"],
                    label,
                    option["label"],
                    option["count"],
                    "" if option["share"] is None else option["share"],
                    summary.get("average") if summary.get("average") is not None else "",
                ]
