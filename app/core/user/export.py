"""Vocabulary export, one format per tool: an Anki deck, Pleco flashcards, a Zhongwen
word list, and a spreadsheet-safe CSV.

Every writer builds the whole file first and then replaces the target atomically, so a
failed export never leaves half a file where a good one was. Output is deterministic
for the same items (the .apkg's internal timestamps aside).

A destination is checked before anything is written: zhreader's own data (the vocabulary,
its journal files, the entity corrections, copies set aside), a symbolic link, a device,
a pipe or a folder is refused, and a missing folder is named rather than created. New
files get the usual permissions (0666 less the umask). Cells that a spreadsheet would run
as a formula are neutralised in every text format (CSV, Zhongwen, Pleco) alike.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from app.core.errors import UserError
from app.core.language.cedict import marks_to_numbered
from app.core.paths import atomic_writer
from app.core.types import VocabItem
from app.core.user.anki_deck import (
    ANKI_DECK_ID,
    ANKI_MODEL_ID,
    DEFAULT_DECK_NAME,
    SCRATCH_PREFIX,
    DeckSources,
    anki_guid,
    build_apkg,
)
from app.core.user.vocab import marked_sentence

Format = Literal["apkg", "pleco", "zhongwen", "csv"]
FORMATS: tuple[Format, ...] = ("apkg", "pleco", "zhongwen", "csv")
# Other names a user may type: "tsv" is what the Zhongwen layout used to be called.
ALIASES: dict[str, Format] = {"tsv": "zhongwen", "anki": "apkg"}
# The tool each format is for, as the export dialog and the CLI name it.
FORMAT_NAMES: dict[Format, str] = {
    "apkg": "Anki deck",
    "pleco": "Pleco flashcards",
    "zhongwen": "Zhongwen word list",
    "csv": "CSV spreadsheet",
}
SUFFIXES: dict[Format, str] = {"apkg": "apkg", "pleco": "txt", "zhongwen": "tsv", "csv": "csv"}

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
# Joins the parts of a Pleco definition or Zhongwen note (senses | sentence | 《article》
# | note); the importer splits on it again.
PART_SEPARATOR = " | "
PLECO_CATEGORY_ROOT = "zhreader"
# Cells a spreadsheet would run as a formula (OWASP CSV injection list, plus the
# fullwidth signs an IME types, which some spreadsheets also accept).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def format_named(name: str) -> Format | None:
    """The format a user named ("pleco", "tsv") or a file suffix stands for, or None."""
    name = name.lower().lstrip(".")
    if name in FORMATS:
        return name
    if name in ALIASES:
        return ALIASES[name]
    return next((fmt for fmt, suffix in SUFFIXES.items() if suffix == name), None)


def export(items: Iterable[VocabItem], path: Path, fmt: str, **options: object) -> int:
    """Write `items` in `fmt` (a format or alias) to `path`; returns how many words."""
    # Each writer takes its own keyword options (a deck name, grouping), passed on as given.
    writers: dict[Format, Callable[..., int]] = {
        "apkg": export_apkg,
        "pleco": export_pleco,
        "zhongwen": export_zhongwen,
        "csv": export_csv,
    }
    known = format_named(fmt)
    if known is None:
        raise UserError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[known](items, path, **options)


# -- Anki -----------------------------------------------------------------------------------


def export_apkg(
    items: Iterable[VocabItem],
    path: Path,
    deck_name: str = DEFAULT_DECK_NAME,
    timestamp: float | None = None,
    sources: DeckSources | None = None,
) -> int:
    """An Anki package: one note per word (two cards), stable note type id and guids."""
    path = Path(path)
    _check_destination(path)  # before the work of building the deck
    try:
        data, count = build_apkg(
            _unique(items),
            _clean_text(deck_name) or DEFAULT_DECK_NAME,
            sources or DeckSources(),
            timestamp,
        )
    except OSError as exc:
        raise UserError(f"could not build the Anki deck: {exc.strerror or exc}") from exc
    _write(path, data)
    _remove_old_scratch()
    return count


# -- Pleco ----------------------------------------------------------------------------------


def export_pleco(items: Iterable[VocabItem], path: Path, group: bool = False) -> int:
    """Pleco's flashcard import: `simplified[traditional]<TAB>pinyin<TAB>definition`.

    Pinyin has tone numbers (Pleco reads them on every platform); the definition is all
    senses, then the sentence and article (Pleco has no notes column). With `group`,
    each article's cards follow a `// zhreader/<title>` category line. UTF-8, CRLF.
    """
    unique = list(_unique(items))
    lines: list[str] = []
    if group:
        by_article: dict[str, list[VocabItem]] = {}
        for item in unique:
            by_article.setdefault(_one_line(item.article), []).append(item)
        for article, members in by_article.items():
            lines.append(pleco_category(article))
            lines.extend(pleco_card(item) for item in members)
    else:
        lines = [pleco_card(item) for item in unique]
    _write(Path(path), "".join(line + "\r\n" for line in lines).encode("utf-8"))
    return len(unique)


def pleco_card(item: VocabItem) -> str:
    headword = _one_line(item.simplified)
    traditional = _one_line(item.traditional)
    if traditional and traditional != headword:
        headword += f"[{traditional}]"
    pinyin = marks_to_numbered(_one_line(item.pinyin)).replace(" ", "")
    senses = _one_line(item.gloss).replace(" / ", "; ")
    definition = PART_SEPARATOR.join(part for part in (senses, *_notes(item)) if part)
    # Spreadsheets open .txt files too: a definition never starts a formula there.
    return "\t".join(neutralize_cell(field) for field in (headword, pinyin, definition))


def pleco_category(article: str) -> str:
    """A category line; '/' nests categories in Pleco, so a title's own '/' becomes '／'."""
    title = _one_line(article).replace("/", "／")
    return f"// {PLECO_CATEGORY_ROOT}/{title}" if title else f"// {PLECO_CATEGORY_ROOT}"


# -- Zhongwen -------------------------------------------------------------------------------


def export_zhongwen(items: Iterable[VocabItem], path: Path) -> int:
    """Zhongwen's word-list layout: simplified, traditional, pinyin, definition, notes.

    The same five tab-separated columns and CRLF line ends as the browser extension's
    "Save list", UTF-8; tabs and line breaks inside a field become spaces; spreadsheets
    open it too, so formula cells are neutralised as in CSV.
    """
    lines = []
    for item in _unique(items):
        notes = PART_SEPARATOR.join(_notes(item))
        fields = (item.simplified, item.traditional, item.pinyin, item.gloss, notes)
        lines.append("\t".join(neutralize_cell(_one_line(field)) for field in fields) + "\r\n")
    _write(Path(path), "".join(lines).encode("utf-8"))
    return len(lines)


export_tsv = export_zhongwen  # the name this layout had before it was named for its tool


def _notes(item: VocabItem) -> list[str]:
    """The sentence (word in 【】), 《article》 and note, whichever exist."""
    parts = [
        marked_sentence(item, *TSV_MARK) if item.sentence else "",
        f"《{item.article}》" if item.article else "",
        item.note,
    ]
    return [_one_line(part) for part in parts if part.strip()]


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


def unneutralize_cell(value: str) -> str:
    """Undo `neutralize_cell`, for a CSV read back in."""
    if value.startswith("'") and value[1:].lstrip(" ").startswith(_FORMULA_START):
        return value[1:]
    return value


def _iso_time(stamp: float) -> str:
    if not stamp:
        return ""
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- file names -----------------------------------------------------------------------------

_MAX_NAME_BYTES = 200  # leaves room for the extension and a temporary-file prefix
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_filename(name: str, fmt: str) -> str:
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
    known = format_named(fmt)
    return f"{stem}.{SUFFIXES[known] if known else fmt}"


def export_path_in(directory: Path, name: str, fmt: str) -> Path:
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
            # Audio folders of a killed export (an active one is kept young by its
            # files), and the scratch folders of earlier versions.
            if not entry.name.startswith(SCRATCH_PREFIX):
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
    "DEFAULT_DECK_NAME",
    "FORMATS",
    "FORMAT_NAMES",
    "DeckSources",
    "anki_guid",
    "export",
    "export_apkg",
    "export_csv",
    "export_path_in",
    "export_pleco",
    "export_tsv",
    "export_zhongwen",
    "format_named",
    "neutralize_cell",
    "safe_filename",
    "unneutralize_cell",
]
