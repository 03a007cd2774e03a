"""The answer columns of an inbox export that holds several forms.

An answer is found by its form and its field key, never by its place in a row or by its key alone: two
forms may give one key to different questions (a problem report's «شرح مسئله» and an NGO application's
«معرفی کوتاه» are both ``description``). One question asked by several forms in the same words under the
same key (the resident's name, the mobile) is one column. Every header is the question's label; where two
columns (or a column and one of the export's fixed columns, such as «رایانامه») would read the same, the
header also names the forms the column belongs to, so no two headers are alike.
"""

from collections import Counter

from django.utils.translation import gettext

from .models.submission import Kind


def form_of(kind, page_id, form_title):
    """Which form a submission answers: the participation form page it was sent through (its title when
    the page is gone); for the portal's own forms (programme sign-ups, NGO applications, data requests)
    their kind, since they ask the same questions everywhere."""
    if kind == Kind.FORM:
        return (kind, page_id or form_title)
    return (kind,)


def form_name(kind, form_title):
    if kind == Kind.FORM:
        return form_title
    try:
        return str(Kind(kind).label)
    except ValueError:
        return kind


class AnswerColumns:
    """Built from ``rows`` — (kind, page id, form title, labels) of every exported submission, newest first —
    and ``taken``, the headers of the fixed columns before them."""

    def __init__(self, rows, taken=()):
        labels, names = {}, {}
        for kind, page_id, form_title, row_labels in rows:
            form = form_of(kind, page_id, form_title)
            names.setdefault(form, form_name(kind, form_title))
            for key, label in (row_labels or {}).items():
                # A form whose question was reworded keeps one column, under its newest wording.
                labels.setdefault((form, key), label)
        self.number = {}  # (form, key) -> column
        questions = {}  # (key, label) -> column
        self.columns = []  # [(key, label, [form names])]
        for (form, key), label in labels.items():
            number = questions.setdefault((key, label), len(questions))
            if number == len(self.columns):
                self.columns.append((key, label, []))
            if names[form] not in self.columns[number][2]:
                self.columns[number][2].append(names[form])
            self.number[(form, key)] = number
        self.headers = unique_headers(self.columns, [str(header) for header in taken])

    def __len__(self):
        return len(self.columns)

    def values(self, submission):
        """The row's cells of these columns: each answer under its own form's question, "" elsewhere."""
        cells = [""] * len(self.columns)
        form = form_of(submission.kind, submission.page_id, submission.form_title)
        for key, value in submission.shown_answers().items():
            number = self.number.get((form, key))
            if number is not None:
                cells[number] = value
        return cells


def unique_headers(columns, taken):
    labels = Counter(label for _key, label, _forms in columns) + Counter(taken)
    used = set(taken)
    headers = []
    for key, label, forms in columns:
        header = label
        if labels[label] > 1:
            header = f"{label} ({gettext('، ').join(forms)})"
        if header in used:
            # One form asking two questions in the same words: their keys tell them apart.
            header = f"{label} ({gettext('، ').join(forms + [key])})"
        base, suffix = header, 2
        while header in used:
            header, suffix = f"{base} {suffix}", suffix + 1
        used.add(header)
        headers.append(header)
    return headers
