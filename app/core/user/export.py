"""Vocabulary export: an Anki package, a Pleco/Zhongwen TSV, and a spreadsheet-safe CSV.

Every writer builds the whole file first and then replaces the target atomically, so a
failed export never leaves half a file where a good one was. Output is deterministic
for the same items (the .apkg's internal timestamps aside).

A destination is checked before anything is written: zhreader's own data (the vocabulary,
its journal files, the entity corrections, copies set aside), a symbolic link, a device,
a pipe or a folder is refused, and a missing folder is named rather than created. New
files get the usual permissions (0666 less the umask). Cells that a spreadsheet would run
as a formula are neutralised in CSV and TSV alike.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import os
import re
import sqlite3
import stat
import unicodedata
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app.core.errors import UserError
from app.core.paths import atomic_writer
from app.core.types import VocabItem
from app.core.user.vocab import word_span

if TYPE_CHECKING:
    import genanki

Format = Literal["apkg", "tsv", "csv"]
FORMATS: tuple[Format, ...] = ("apkg", "tsv", "csv")
DEFAULT_DECK_NAME = "zhreader vocabulary"

# Fixed forever: Anki recognises the note type and deck by these ids on re-import.
# (genanki asks for hard-coded ids in [2**30, 2**31).)
ANKI_MODEL_ID = 1_472_905_318
ANKI_DECK_ID = 1_935_571_024
_GUID_NAMESPACE = "zhreader-vocab"

TSV_MARK = ("【", "】")
CSV_HEADER = (
    "simplified",
    "traditional",
    "pinyin",
    "gloss",
    "sentence",
    "sentence_marked",
    "article",
    "added",
    "status",
    "note",
)
# Cells a spreadsheet would run as a formula (OWASP CSV injection list, plus the
# fullwidth signs an IME types, which some spreadsheets also accept).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def export(items: Iterable[VocabItem], path: Path, fmt: Format, **options: object) -> int:
    """Write `items` in `fmt` to `path`; returns how many words were written."""
    writers = {"apkg": export_apkg, "tsv": export_tsv, "csv": export_csv}
    if fmt not in writers:
        raise UserError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](items, path, **options)  # type: ignore[operator]


# -- marking the word in its sentence -------------------------------------------------------


def marked_sentence(item: VocabItem, before: str, after: str, escape: bool = False) -> str:
    """The item's sentence with the saved word wrapped in `before`/`after`."""
    sentence = item.sentence
    quote = html.escape if escape else _identity
    span = word_span(item)
    if span is None:
        return quote(sentence)
    start, end = span
    word = before + quote(sentence[start:end]) + after
    return quote(sentence[:start]) + word + quote(sentence[end:])


def _identity(text: str) -> str:
    return text


# -- Anki -----------------------------------------------------------------------------------

_ANKI_FIELDS = ("Simplified", "Traditional", "Pinyin", "Gloss", "Sentence", "Article", "Note")
_ANKI_CSS = """\
.card { font-family: sans-serif; font-size: 22px; text-align: center; }
.word { font-size: 48px; }
.sentence { margin-top: 1em; font-size: 24px; }
.sentence b { color: #c0392b; }
.pinyin { font-size: 28px; color: #2c3e50; }
.meta { margin-top: 1em; font-size: 14px; color: #7f8c8d; }
"""
_ANKI_FRONT = """\
<div class="word">{{Simplified}}</div>
{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}"""
_ANKI_BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="pinyin">{{Pinyin}}</div>
<div class="gloss">{{Gloss}}</div>
{{#Traditional}}<div class="meta">{{Traditional}}</div>{{/Traditional}}
{{#Article}}<div class="meta">{{Article}}</div>{{/Article}}
{{#Note}}<div class="meta">{{Note}}</div>{{/Note}}"""


def anki_guid(item: VocabItem) -> str:
    """Note guid from the word alone, so re-exports update cards instead of adding new ones."""
    import genanki

    return genanki.guid_for(_GUID_NAMESPACE, item.simplified)


def _anki_model() -> genanki.Model:
    import genanki

    return genanki.Model(
        ANKI_MODEL_ID,
        "zhreader word",
        fields=[{"name": name} for name in _ANKI_FIELDS],
        templates=[{"name": "Recognise", "qfmt": _ANKI_FRONT, "afmt": _ANKI_BACK}],
        css=_ANKI_CSS,
    )


def _anki_fields(item: VocabItem) -> list[str]:
    esc = html.escape
    traditional = item.traditional if item.traditional != item.simplified else ""
    return [
        esc(item.simplified),
        esc(traditional),
        esc(item.pinyin),
        esc(item.gloss),
        marked_sentence(item, "<b>", "</b>", escape=True),
        esc(item.article),
        esc(item.note),
    ]


def export_apkg(
    items: Iterable[VocabItem],
    path: Path,
    deck_name: str = DEFAULT_DECK_NAME,
    timestamp: float | None = None,
) -> int:
    """An Anki package: one note per word, stable model id and note guids."""
    import genanki

    model = _anki_model()
    deck = genanki.Deck(ANKI_DECK_ID, _clean_text(deck_name) or DEFAULT_DECK_NAME)
    count = 0
    for item in _unique(items):
        deck.add_note(
            genanki.Note(
                model=model,
                fields=_anki_fields(item),
                guid=anki_guid(item),
                tags=["zhreader", item.status],
            )
        )
        count += 1
    path = Path(path)
    _check_destination(path)
    # genanki's own write_to_file leaves its temporary SQLite file behind in /tmp
    # (0.13.1), and so would any scratch file when the export is killed: the collection
    # is built in memory and zipped from there.
    conn = sqlite3.connect(":memory:")
    try:
        package = genanki.Package(deck)
        stamp = timestamp if timestamp is not None else datetime.now(UTC).timestamp()
        id_gen = itertools.count(int(stamp * 1000))
        package.write_to_db(conn.cursor(), stamp, id_gen)
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", collection)
        archive.writestr("media", "{}")
    _write(path, buffer.getvalue())
    _remove_old_scratch()
    return count


# -- Pleco / Zhongwen TSV --------------------------------------------------------------------


def export_tsv(items: Iterable[VocabItem], path: Path) -> int:
    """simplified, traditional, pinyin, definition, notes; UTF-8, one word per line.

    TSV has no quoting, so tabs and line breaks inside a field become spaces; spreadsheets
    open TSV too, so formula cells are neutralised as in CSV.
    """
    lines = []
    for item in _unique(items):
        notes = " | ".join(
            part
            for part in (
                marked_sentence(item, *TSV_MARK),
                f"《{item.article}》" if item.article else "",
                item.note,
            )
            if part
        )
        fields = (item.simplified, item.traditional, item.pinyin, item.gloss, notes)
        lines.append("\t".join(neutralize_cell(_one_line(field)) for field in fields) + "\n")
    _write(Path(path), "".join(lines).encode("utf-8"))
    return len(lines)


# -- CSV ------------------------------------------------------------------------------------


def export_csv(items: Iterable[VocabItem], path: Path) -> int:
    """A header row, then one row per word; safe to open in Excel/LibreOffice.

    UTF-8 with a byte-order mark (Excel otherwise reads Chinese as mojibake) and every
    cell that a spreadsheet would treat as a formula prefixed with an apostrophe.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    count = 0
    for item in _unique(items):
        row = (
            item.simplified,
            item.traditional,
            item.pinyin,
            item.gloss,
            item.sentence,
            marked_sentence(item, *TSV_MARK),
            item.article,
            _iso_time(item.added),
            item.status,
            item.note,
        )
        writer.writerow([neutralize_cell(cell) for cell in row])
        count += 1
    _write(Path(path), buffer.getvalue().encode("utf-8-sig"))
    return count


def neutralize_cell(value: str) -> str:
    """Prefix a cell a spreadsheet would evaluate, so it shows as text instead."""
    # Leading spaces do not stop every spreadsheet from evaluating " =1+1".
    return "'" + value if value.lstrip(" ").startswith(_FORMULA_START) else value


def _iso_time(stamp: float) -> str:
    if not stamp:
        return ""
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- file names -----------------------------------------------------------------------------

_MAX_NAME_BYTES = 200  # leaves room for the extension and a temporary-file prefix
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_filename(name: str, fmt: Format) -> str:
    """A file name from a suggested deck name that cannot leave its folder.

    Path separators, `..`, control characters and Windows-reserved names are removed;
    an empty result falls back to the default name.
    """
    stem = _UNSAFE_NAME.sub(" ", name)
    # Invisible format characters: a right-to-left override makes "x\u202egpj.exe"
    # look like "xexe.jpg" in a file manager.
    stem = "".join(ch for ch in stem if unicodedata.category(ch) not in ("Cf", "Cs", "Co"))
    stem = " ".join(stem.split()).strip(" .")
    if not stem or _WINDOWS_RESERVED.match(stem):
        stem = DEFAULT_DECK_NAME if not stem else f"_{stem}"
    stem = stem[:120]
    while len(stem.encode("utf-8")) > _MAX_NAME_BYTES:  # 255-byte limit of most file systems
        stem = stem[:-1]
    stem = stem.rstrip(" .") or DEFAULT_DECK_NAME
    return f"{stem}.{fmt}"


def export_path_in(directory: Path, name: str, fmt: Format) -> Path:
    """Where exporting `name` into the chosen `directory` writes; always inside it."""
    directory = Path(directory)
    target = directory / safe_filename(name, fmt)
    if target.resolve().parent != directory.resolve():
        raise UserError(f"refusing to write outside {directory}")
    return target


# -- shared ---------------------------------------------------------------------------------


def _unique(items: Iterable[VocabItem]) -> Iterable[VocabItem]:
    """Each word once, first occurrence wins (the store never repeats, callers might)."""
    seen: set[str] = set()
    for item in items:
        if item.simplified in seen:
            continue
        seen.add(item.simplified)
        yield item


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").splitlines()).strip()


def _clean_text(text: str) -> str:
    """A deck name without control characters ("::" stays: it is Anki's subdeck syntax)."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]+", " ", text).split())


def _write(path: Path, data: bytes) -> None:
    _check_destination(path)
    try:
        with atomic_writer(path, shared=True) as fh:
            fh.write(data)
    except OSError as exc:
        raise UserError(f"could not write {path}: {exc.strerror or exc}") from exc


def _check_destination(path: Path) -> None:
    """Refuse, in one line, any destination an export must never replace."""
    try:
        if path.is_symlink():
            raise UserError(
                f"{path} is a symbolic link; export to a new or regular file instead"
            )
        if path.is_dir():
            raise UserError(f"{path} is a folder; give a file name to export to")
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise UserError(
                f"{path} is not a regular file (a device, pipe or socket); "
                "export to a new or regular file instead"
            )
        folder = path.parent
        if not folder.is_dir():
            raise UserError(
                f"the folder {folder} does not exist; create it first or choose another"
            )
        what = _own_data(path)
    except OSError as exc:
        raise UserError(f"could not write {path}: {exc.strerror or exc}") from exc
    if what:
        raise UserError(f"{path} is zhreader's {what}; choose another file to export to")


def _own_data(path: Path) -> str | None:
    """What of zhreader's own data lives at `path` (also under another name), else None."""
    from app.core.paths import data_dir
    from app.core.user import word_corrections
    from app.core.user.corrections import default_path as corrections_path
    from app.core.user.vocab import default_store_path

    owned = {
        default_store_path(): "vocabulary",
        corrections_path(): "entity corrections file",
        data_dir() / word_corrections.FILE_NAME: "word corrections file",
    }
    target = path.resolve()
    for own, what in owned.items():
        # The store's -wal/-shm, and copies set aside beside it (`.unreadable-...`).
        if target.parent == own.parent.resolve() and target.name.startswith(own.name):
            return what
        for extra in (own, own.with_name(own.name + "-wal"), own.with_name(own.name + "-shm")):
            if path.exists() and extra.exists() and os.path.samefile(path, extra):
                return what  # a hard link, or a folder reached another way
    return None


_SCRATCH_PREFIX = "zhreader-apkg-"  # the temporary folders earlier versions exported through
_SCRATCH_AGE = 3600


def _remove_old_scratch() -> None:
    """Delete this user's scratch folders that a killed export of an earlier version left."""
    import shutil
    import tempfile
    import time

    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return
    for entry in entries:
        try:
            if not entry.name.startswith(_SCRATCH_PREFIX):
                continue
            info = entry.stat(follow_symlinks=False)
            if (not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid()
                    or time.time() - info.st_mtime < _SCRATCH_AGE):
                continue
            shutil.rmtree(entry.path)
        except OSError:
            continue


__all__ = [
    "ANKI_DECK_ID",
    "ANKI_MODEL_ID",
    "CSV_HEADER",
    "FORMATS",
    "anki_guid",
    "export",
    "export_apkg",
    "export_csv",
    "export_path_in",
    "export_tsv",
    "marked_sentence",
    "neutralize_cell",
    "safe_filename",
]
