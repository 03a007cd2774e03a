"""The English and Arabic catalogues are complete: every string of the code base (makemessages run on a
copy of the project, with the README's options) is in the committed locale/<lang>/LC_MESSAGES/django.po,
translated and not fuzzy."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["en", "ar"]
# The README's makemessages command (section «Languages»).
MAKEMESSAGES = [
    "makemessages", *(f"-l{code}" for code in LANGUAGES), "--no-location", "--no-wrap", "--no-obsolete",
    "-i", ".venv/*", "-i", "node_modules/*", "-i", "bench/*", "-i", "tests/*", "-i", "site/*", "-i", "staticfiles/*",
]
SKIPPED = shutil.ignore_patterns(".venv", "node_modules", ".git", "media", "staticfiles", "test-artifacts", "*.mo", "*.pyc", "__pycache__", "db.sqlite3*")


def unquote(text):
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape") if "\\" in text else text


def entries(path):
    """{msgid (with context): (msgstr list, fuzzy)} of a .po file, header left out."""
    found, current, key, fuzzy = {}, None, None, False

    def finish():
        if current is not None and current.get("msgid"):
            ident = (current.get("msgctxt", ""), current["msgid"], current.get("msgid_plural", ""))
            strings = [value for name, value in current.items() if name.startswith("msgstr")]
            found[ident] = (strings, current["fuzzy"])

    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            finish()
            current, key, fuzzy = None, None, False
            continue
        if line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        if current is None:
            current = {"fuzzy": fuzzy}
        if line.startswith('"'):
            current[key] += unquote(line[1:-1])
            continue
        key, _, value = line.partition(" ")
        current[key] = unquote(value[1:-1])
    return found


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The catalogues as makemessages leaves them when run on a copy of the project."""
    copy = tmp_path_factory.mktemp("project") / "mahalle"
    shutil.copytree(ROOT, copy, ignore=SKIPPED)
    subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings.test", "HOME": str(copy)},
    )
    return copy / "locale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_string_translated(language, generated):
    committed = entries(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    current = entries(generated / language / "LC_MESSAGES" / "django.po")
    assert current, "makemessages found no string at all"
    missing = sorted(msgid for _ctx, msgid, _plural in set(current) - set(committed))
    assert not missing, f"{language}: strings missing from the catalogue (run makemessages): {missing[:20]}"
    untranslated = sorted(key[1] for key, (strings, _fuzzy) in committed.items() if not all(strings))
    assert not untranslated, f"{language}: untranslated: {untranslated[:20]}"
    fuzzy = sorted(key[1] for key, (_strings, is_fuzzy) in committed.items() if is_fuzzy)
    assert not fuzzy, f"{language}: fuzzy: {fuzzy[:20]}"
