"""The English catalogue: complete, compiled, current, and its placeholders intact.

The UI is written in Dutch (the message ids); locale/en/LC_MESSAGES/django.po translates every one of them.
After adding or changing a user-facing string:

    .venv/bin/python manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=static/vendor --no-obsolete
    (translate the new entries in django.po, remove any '#, fuzzy')
    .venv/bin/python manage.py compilemessages -l en --ignore=.venv

and commit both django.po and django.mo (the Docker image and a fresh clone use the committed .mo).
"""

import gettext as gnu_gettext
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from tests.conftest import skip_or_fail

BASE_DIR = Path(settings.BASE_DIR)
CATALOGUE_DIR = BASE_DIR / "locale" / "en" / "LC_MESSAGES"
PO_FILE = CATALOGUE_DIR / "django.po"
MO_FILE = CATALOGUE_DIR / "django.mo"
MAKEMESSAGES_IGNORE = [".venv", "var", "static/vendor"]
HOW_TO_FIX = (
    "run `manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=static/vendor --no-obsolete`, "
    "translate the entries in locale/en/LC_MESSAGES/django.po and run `manage.py compilemessages -l en`"
)


# --- A small reader for .po files (the standard library has none) --------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> tuple:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    def __str__(self) -> str:
        return repr(self.msgid) if self.msgid_plural is None else f"{self.msgid!r} / {self.msgid_plural!r}"


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"'), f"not a PO string: {text}"
    assert text.endswith('"'), f"not a PO string: {text}"
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, the header (msgid "") included, obsolete (#~) ones marked."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int | None] | None = None  # the field that continuation lines add to

    def start() -> Entry:
        nonlocal entry
        if entry is None:
            entry = Entry()
        return entry

    def finish():
        nonlocal entry, target
        if entry is not None:
            entries.append(entry)
        entry, target = None, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            # A comment after the strings starts the next entry.
            if entry is not None and target is not None:
                finish()
            if line.startswith("#,"):
                start().flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        current = start()
        current.obsolete = current.obsolete or obsolete
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            assert target is not None, f"continuation line without a keyword in {path}: {raw}"
            name, index = target
            value = _unquote(line)
        else:
            if keyword in ("msgctxt", "msgid") and target is not None and target[0].startswith("msgstr"):
                finish()  # a new entry without a blank line before it
                current = start()
                current.obsolete = obsolete
            match = re.fullmatch(r"(msgctxt|msgid|msgid_plural|msgstr)(?:\[(\d+)\])?", keyword)
            assert match, f"unexpected line in {path}: {raw}"
            name, index = match.group(1), int(match.group(2)) if match.group(2) is not None else None
            target = (name, index)
            value = _unquote(rest)
            if name == "msgstr" and index is not None:
                current.msgstr_plural.setdefault(index, "")
            elif name in ("msgctxt", "msgid_plural") and getattr(current, name) is None:
                setattr(current, name, "")
        if name == "msgstr" and index is not None:
            current.msgstr_plural[index] += value
        else:
            setattr(current, name, getattr(current, name) + value)
    finish()
    return entries


def messages(path: Path) -> list[Entry]:
    """The translatable entries: not the header, not obsolete ones."""
    return [entry for entry in read_po(path) if entry.msgid and not entry.obsolete]


def header(path: Path) -> Entry:
    return next(entry for entry in read_po(path) if entry.msgid == "" and entry.msgctxt is None)


# --- (a) complete, compiled and current ---------------------------------------------------------------------


def test_the_catalogue_is_there_with_many_messages():
    assert PO_FILE.is_file()
    assert MO_FILE.is_file()
    assert len(messages(PO_FILE)) > 500


def test_the_header_is_english_with_two_plural_forms_and_not_fuzzy():
    head = header(PO_FILE)
    assert "fuzzy" not in head.flags
    assert "Language: en\n" in head.msgstr
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in head.msgstr
    assert "charset=UTF-8" in head.msgstr


def test_every_message_is_translated_and_none_is_fuzzy():
    untranslated, fuzzy = [], []
    for entry in messages(PO_FILE):
        if "fuzzy" in entry.flags:
            fuzzy.append(str(entry))
        if entry.msgid_plural is None:
            if not entry.msgstr.strip():
                untranslated.append(str(entry))
        elif sorted(entry.msgstr_plural) != [0, 1] or not all(s.strip() for s in entry.msgstr_plural.values()):
            untranslated.append(str(entry))
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:20]}; {HOW_TO_FIX}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy (check the translation, then remove the flag): {fuzzy[:20]}"


def test_the_compiled_catalogue_matches_the_po_file():
    with MO_FILE.open("rb") as handle:
        compiled = gnu_gettext.GNUTranslations(handle)
    stale = []
    for entry in messages(PO_FILE):
        if entry.msgid_plural is None:
            expected = [entry.msgstr]
            if entry.msgctxt is None:
                found = [compiled.gettext(entry.msgid)]
            else:
                found = [compiled.pgettext(entry.msgctxt, entry.msgid)]
        else:
            expected = [entry.msgstr_plural[0], entry.msgstr_plural[1]]
            if entry.msgctxt is None:
                found = [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
            else:
                found = [compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        if found != expected:
            stale.append(str(entry))
    assert not stale, f"django.mo is out of date for {len(stale)} messages, e.g. {stale[:5]}; {HOW_TO_FIX}"


def test_the_catalogue_has_every_message_of_the_current_source(tmp_path):
    """A fresh makemessages run, in a copy of the project, finds no message that the catalogue lacks."""
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        skip_or_fail("needs GNU gettext (xgettext, msgmerge) to extract the messages")
    skipped = {".git", ".venv", "var", "node_modules", "__pycache__", "build", "test-results", ".pytest_cache"}
    copy = tmp_path / "project"

    def ignore(directory, names):
        relative = Path(directory).relative_to(BASE_DIR)
        return [
            name
            for name in names
            if name in skipped
            or name.endswith(".egg-info")
            or (relative / name).as_posix() in ("static/vendor", "tests/browser/vendor", "locale")
        ]

    shutil.copytree(BASE_DIR, copy, ignore=ignore)
    (copy / "locale").mkdir()
    command = [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "--verbosity", "0"]
    command += [f"--ignore={pattern}" for pattern in MAKEMESSAGES_IGNORE]
    result = subprocess.run(command, cwd=copy, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    fresh = {entry.key: entry for entry in messages(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")}
    known = {entry.key for entry in messages(PO_FILE)}
    missing = [str(fresh[key]) for key in fresh.keys() - known]
    assert not missing, (
        f"{len(missing)} messages are not in the English catalogue: {sorted(missing)[:20]}; {HOW_TO_FIX}"
    )


# --- (a) the catalogue at work ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("Mijlpalen", "Milestones"),  # planning
        ("Lange lijst", "Long list"),  # priorities
        ("Uitloggen", "Log out"),  # base template
        ("Keuzeronde", "Selection round"),  # voting
        ("Bestuurlijke nota", "Administrative memo"),  # documents
        ("Meldingen en herinneringen", "Notifications and reminders"),  # notifications
        ("Gebruikers en rollen", "Users and roles"),  # accounts
        ("ambtelijke toets", "official check"),
        ("Ter vaststelling naar het Bestuurscollege", "For adoption by the Bestuurscollege"),
    ],
)
def test_key_strings_are_english(dutch, english):
    with translation.override("en"):
        assert translation.gettext(dutch) == english
    with translation.override("nl"):
        assert translation.gettext(dutch) == dutch


def test_placeholders_and_plurals_are_filled_in_english():
    with translation.override("en"):
        assert translation.gettext("Versie %(label)s") % {"label": "1.2"} == "Version 1.2"
        assert translation.ngettext("%(counter)s mijlpaal", "%(counter)s mijlpalen", 1) % {"counter": 1} == (
            "1 milestone"
        )
        assert translation.ngettext("%(counter)s mijlpaal", "%(counter)s mijlpalen", 3) % {"counter": 3} == (
            "3 milestones"
        )


def test_a_blocktranslate_with_a_placeholder_renders_english():
    template = Template(
        "{% load i18n %}{% blocktranslate with label=label %}Versie {{ label }}{% endblocktranslate %} · "
        "{% blocktranslate count counter=n %}{{ counter }} actie{% plural %}{{ counter }} acties"
        "{% endblocktranslate %}"
    )
    with translation.override("en"):
        assert template.render(Context({"label": "2.0", "n": 4})) == "Version 2.0 · 4 actions"
    with translation.override("nl"):
        assert template.render(Context({"label": "2.0", "n": 1})) == "Versie 2.0 · 1 actie"


def test_model_labels_and_choices_are_english():
    from core.dates import Precision

    with translation.override("en"):
        assert str(Precision.DAY.label) == "day"
        assert str(dict(settings.LANGUAGES)["en"]) == "English"


@pytest.mark.django_db
def test_the_login_page_is_english_with_the_language_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in html
    # The network's name is data (site settings), a proper name shown as it is written.
    for english in (
        "Skip to content",
        "Forgotten your password?",
        "VS-portaal – Veiligheidsnetwerk Oost-Nederland",
        "Switch",
    ):
        assert english in html
    for dutch in ("Naar de inhoud", "Wachtwoord vergeten?", "Uitloggen"):
        assert dutch not in html


# --- (b) placeholders survive translation --------------------------------------------------------------------

# Python-format placeholders, '%%', the ballot counter's __NAME__ tokens and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%%|__[A-Z]+__|</?[a-zA-Z][^>]*>")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_every_translation_keeps_the_placeholders_of_its_message():
    wrong = []
    for entry in messages(PO_FILE):
        if entry.msgid_plural is None:
            pairs = [(entry.msgid, entry.msgstr)]
        else:
            # The singular may leave out the count ("Eén gemeente ..."), but brings in nothing of its own.
            pairs = [(entry.msgid_plural, entry.msgstr_plural.get(1, ""))]
            singular = entry.msgstr_plural.get(0, "")
            if set(placeholders(singular)) - set(placeholders(entry.msgid)) - set(placeholders(entry.msgid_plural)):
                wrong.append(f"{entry} -> {singular!r}")
        for source, translated in pairs:
            if placeholders(source) != placeholders(translated):
                wrong.append(f"{source!r} -> {translated!r}")
    assert not wrong, f"placeholders differ in {len(wrong)} translations: {wrong[:10]}"


def test_the_po_reader_understands_plurals_flags_and_continuations(tmp_path):
    sample = tmp_path / "sample.po"
    sample.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy, python-format\nmsgid "Een \\"lange\\" "\n"regel %(x)s"\nmsgstr "A \\"long\\" line %(x)s"\n\n'
        'msgid "%(n)s dag"\nmsgid_plural "%(n)s dagen"\nmsgstr[0] "%(n)s day"\nmsgstr[1] ""\n\n'
        '#~ msgid "Oud"\n#~ msgstr "Old"\n',
        encoding="utf-8",
    )
    entries = read_po(sample)
    assert [entry.msgid for entry in entries] == ["", 'Een "lange" regel %(x)s', "%(n)s dag", "Oud"]
    assert entries[0].msgstr == "Language: en\n"
    assert entries[1].flags == {"fuzzy", "python-format"}
    assert entries[1].msgstr == 'A "long" line %(x)s'
    assert entries[2].msgid_plural == "%(n)s dagen"
    assert entries[2].msgstr_plural == {0: "%(n)s day", 1: ""}
    assert entries[3].obsolete
    assert [entry.msgid for entry in messages(sample)] == ['Een "lange" regel %(x)s', "%(n)s dag"]
