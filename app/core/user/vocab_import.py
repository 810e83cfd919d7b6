"""Reading word lists back into the vocabulary: what zhreader, Pleco, Zhongwen and Anki
export, or a plain list of words, one a line.

Importing is three steps so a dry run can stop after the second: `parse_word_list`
(text -> items, format detected, unreadable lines counted), `plan_import` (compared
with the saved words: new, updated, skipped) and `apply_import` (one transaction).
An import only adds: a saved word keeps its own gloss, sentence and note, and gains
only what it lacked (its status changes only when the user asks for one).
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from app.core.errors import UserError
from app.core.language.cedict import numbered_to_marks
from app.core.text.chars import HAN_CLASS, has_han
from app.core.types import Entry, VocabItem
from app.core.user.anki_deck import FIELDS, NOTE_TYPE_NAME
from app.core.user.export import PART_SEPARATOR, TSV_MARK, unneutralize_cell
from app.core.user.vocab import Status

if TYPE_CHECKING:
    from app.core.language.dictionary import Dictionary
    from app.core.language.pinyin import PinyinReader

ImportFormat = Literal["pleco", "zhongwen", "csv", "anki", "words"]
FORMAT_NAMES: dict[ImportFormat, str] = {
    "pleco": "Pleco flashcards",
    "zhongwen": "Zhongwen word list",
    "csv": "zhreader CSV",
    "anki": "Anki notes (plain text)",
    "words": "word list (one word a line)",
}
MAX_IMPORT_BYTES = 32 * 2**20  # a few hundred thousand words; more is not a word list

_WORD = re.compile(rf"[{HAN_CLASS}〇々·]+")
_HEADWORD = re.compile(r"^([^\[\]\t]+?)\s*(?:\[([^\[\]\t]*)\])?$")
_PINYIN = re.compile(
    r"^[A-Za-zÜüÊê:āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ1-5\s'’·,\-]+$"
)
_NUMBERED = re.compile(r"[A-Za-zÜüÊê:]+[1-5]?")
_TONE_MARKS = "\u0304\u0301\u030c\u0300"
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|üan|ai|an|ao|ei|en|er|ia|ie|in|iu"
    r"|ou|ua|ue|üe|ui|un|ün|uo|ng|a|e|i|o|u|ü|ê|m|n|r)"
)
_SYLLABLES = re.compile(rf"(?:{_SYLLABLE}[1-5]?[\s'’·,\-]*)+")
_LIST_NUMBER = re.compile(r"^\s*\d+\s*[.、)．]\s*")
_PLECO_FORMAT = re.compile("\ueac1..|[\ue000-\uf8ff]", re.DOTALL)  # Pleco's private codes
_HTML_BREAK = re.compile(r"<br\s*/?>|</div>|</p>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^<>]*>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|",
                    "colon": ":"}


@dataclass(frozen=True)
class ParsedList:
    """The words a file holds, as written (empty fields where the file had none)."""

    format: ImportFormat
    items: tuple[VocabItem, ...]
    unreadable: tuple[int, ...] = ()  # 1-based line numbers
    has_status: bool = False  # the file says which words are known (our CSV)


@dataclass(frozen=True)
class ImportPlan:
    """What importing would change; `apply_import` carries it out."""

    format: ImportFormat
    new: tuple[VocabItem, ...]
    updated: tuple[VocabItem, ...]
    skipped: int
    unreadable: tuple[int, ...]

    def summary(self, dry_run: bool = False) -> str:
        """One line: '3 new, 1 updated, 2 skipped, 1 unreadable line (7)'."""
        lines = len(self.unreadable)
        shown = ", ".join(map(str, self.unreadable[:10])) + (", …" if lines > 10 else "")
        unreadable = f"{lines} unreadable line{'s' if lines != 1 else ''}"
        if lines:
            unreadable += f" ({shown})"
        verb = "would add" if dry_run else "added"
        return (
            f"{verb} {len(self.new)} new, {len(self.updated)} updated, "
            f"{self.skipped} skipped (already saved or repeated), {unreadable}"
        )


# -- reading the file -----------------------------------------------------------------------


def read_word_list(path: Path) -> str:
    """The text of a word-list file, decoded like an article (UTF-8/16, GBK, Big5)."""
    from app.core.text.encoding import decode_bytes

    label = str(path)
    try:
        if not path.exists():
            raise UserError(f"{label}: no such file; check the path")
        if not path.is_file():
            raise UserError(f"{label} is not a regular file; give the path of a word list")
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise UserError(
                f"{label} is larger than {MAX_IMPORT_BYTES // 2**20} MiB; that is not a word list"
            )
        data = path.read_bytes()
    except PermissionError:
        raise UserError(f"{label}: permission denied; check the file's permissions") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError(f"{label}: cannot be read ({reason})") from None
    if data.startswith(b"PK\x03\x04"):
        raise UserError(
            f"{label} is a package (.apkg or .zip); in Anki, export the notes with "
            "File → Export → Notes in Plain Text and import that file"
        )
    try:
        text = decode_bytes(data)
    except UserError as exc:
        raise UserError(f"{label}: {exc}".replace("save the article", "save the list")) from None
    if not text.strip():
        raise UserError(f"{label} is empty; there are no words to import")
    return text


def load_word_list(path: Path, completer: Completer) -> ParsedList:
    """Read, parse and complete a file: the preview and the import both start here."""
    parsed = parse_word_list(read_word_list(Path(path)))
    return replace(parsed, items=tuple(completer.complete(parsed.items)))


def parse_word_list(text: str) -> ParsedList:
    """Detect the format of `text` and read its words."""
    text = text.lstrip("\ufeff")
    fmt = detect_format(text)
    parser = {
        "pleco": _parse_pleco,
        "zhongwen": _parse_zhongwen,
        "csv": _parse_csv,
        "anki": _parse_anki,
        "words": _parse_words,
    }[fmt]
    items, unreadable = parser(text)
    if not items:
        raise UserError(
            f"no words found in this file (read as {FORMAT_NAMES[fmt]}); "
            "zhreader imports Pleco flashcards, Zhongwen word lists, zhreader CSV, "
            "Anki notes in plain text, and lists of one word a line"
        )
    return ParsedList(fmt, tuple(items), tuple(unreadable), has_status=fmt == "csv")


def detect_format(text: str) -> ImportFormat:
    """The format by the file's content; the file name may lie, the lines do not."""
    lines = [line for line in text.splitlines()[:500] if line.strip()]
    if not lines:
        return "words"
    header = [cell.strip().lower()
              for cell in next(csv.reader([lines[0]], delimiter=_csv_delimiter(lines[0])), [])]
    if "simplified" in header and len(header) > 1:
        return "csv"
    if any(line.startswith(("#separator:", "#html:", "#notetype", "#columns:", "#guid column:",
                            "#deck column:", "#tags column:")) for line in lines[:10]):
        return "anki"
    if any(line.startswith("//") for line in lines):
        return "pleco"
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    votes: dict[ImportFormat, int] = {"pleco": 0, "zhongwen": 0, "words": 0, "anki": 0}
    for fields in rows:
        votes[_row_kind(fields)] += 1
    return max(votes, key=lambda kind: votes[kind])


def _row_kind(fields: list[str]) -> ImportFormat:
    if len(fields) == 1:
        return "words"
    head = _HEADWORD.match(fields[0].strip())
    if len(fields) in (5, 6) and has_han(fields[0]) and has_han(fields[1]):
        return "zhongwen"
    if len(fields) <= 3 and head and (not fields[1].strip() or _is_pinyin(fields[1])):
        return "pleco"
    return "anki"


def _is_pinyin(text: str) -> bool:
    """Pinyin with tones (marks or numbers), made only of pinyin syllables."""
    text = text.strip()
    if not text or not _PINYIN.match(text):
        return False
    bare = unicodedata.normalize("NFD", text.lower().replace("u:", "ü").replace("v", "ü"))
    has_tone = any(ch in "1234" or ch in _TONE_MARKS for ch in bare)
    letters = unicodedata.normalize("NFC", "".join(ch for ch in bare if ch not in _TONE_MARKS))
    return has_tone and _SYLLABLES.fullmatch(letters) is not None


# -- one format at a time -------------------------------------------------------------------

Parsed = tuple[list[VocabItem], list[int]]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line.rstrip("\r\n")


def _parse_pleco(text: str) -> Parsed:
    """`simplified[traditional]<TAB>pinyin<TAB>definition`; `//` lines name categories."""
    items, unreadable = [], []
    article = ""
    for number, line in _lines(text):
        if line.startswith("//"):
            parts = line[2:].strip().split("/", 1)
            article = parts[1].strip() if parts[0] == "zhreader" and len(parts) == 2 else ""
            continue
        fields = [unneutralize_cell(field) for field in line.split("\t")]
        head = _HEADWORD.match(fields[0].strip()) if len(fields) <= 3 else None
        if head is None or not _is_word(head.group(1)):
            unreadable.append(number)
            continue
        simplified, traditional = head.group(1), head.group(2) or ""
        pinyin = fields[1].strip() if len(fields) > 1 else ""
        definition = _PLECO_FORMAT.sub(" ", fields[2]) if len(fields) > 2 else ""
        item = VocabItem(simplified, traditional.strip(), pinyin, "", article=article)
        items.append(_with_parts(item, definition.strip()))
    return items, unreadable


def _parse_zhongwen(text: str) -> Parsed:
    """simplified, traditional, pinyin, [zhuyin,] definition, notes; tab-separated."""
    items, unreadable = [], []
    for number, line in _lines(text):
        fields = [unneutralize_cell(field.strip()) for field in line.split("\t")]
        if len(fields) == 6:  # Zhongwen adds a zhuyin column when zhuyin is switched on
            del fields[3]
        if len(fields) != 5 or not _is_word(fields[0]):
            unreadable.append(number)
            continue
        simplified, traditional, pinyin, definition, notes = fields
        item = VocabItem(simplified, traditional, pinyin, definition.replace(" ◆ ", "; "))
        items.append(_with_parts(item, notes, gloss_first=False))
    return items, unreadable


def _parse_csv(text: str) -> Parsed:
    """zhreader's CSV: a header row naming the columns (any order, extra ones ignored)."""
    items, unreadable = [], []
    reader = csv.DictReader(io.StringIO(text), delimiter=_csv_delimiter(text.partition("\n")[0]))
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
    for row in reader:
        number = reader.line_num
        cell = {key: unneutralize_cell(value or "") for key, value in row.items() if key}
        word = cell.get("simplified", "").strip()
        if not _is_word(word):
            unreadable.append(number)
            continue
        sentence = cell.get("sentence", "")
        marked = cell.get("sentence_marked", "")
        mark = _mark_in(marked, *TSV_MARK)[1] if marked else -1
        status = cell.get("status", "").strip()
        items.append(
            VocabItem(
                simplified=word,
                traditional=cell.get("traditional", "").strip(),
                pinyin=cell.get("pinyin", "").strip(),
                gloss=cell.get("gloss", "").strip(),
                sentence=sentence or _mark_in(marked, *TSV_MARK)[0],
                article=cell.get("article", "").strip(),
                added=_timestamp(cell.get("added", "")),
                status="known" if status == "known" else "learning",
                note=cell.get("note", "").strip(),
                mark=mark,
            )
        )
    return items, unreadable


def _csv_delimiter(header: str) -> str:
    """',' as we write it; ';' or a tab where a spreadsheet saved it so (some locales)."""
    return max(",;\t", key=header.count)


def _parse_words(text: str) -> Parsed:
    """One word a line; a leading list number ('1.', '2、') and anything after the word
    (a gloss after a space) are allowed."""
    items, unreadable = [], []
    for number, line in _lines(text):
        if line.lstrip().startswith("#"):
            continue
        word = _LIST_NUMBER.sub("", line).split()[0] if line.split() else ""
        if not _is_word(word):
            unreadable.append(number)
            continue
        items.append(VocabItem(word, "", "", ""))
    return items, unreadable


# Names Anki users give the fields of Chinese note types, lower-cased.
_ANKI_NAMES = {
    "simplified": ("simplified", "hanzi", "chinese", "word", "characters", "expression", "front"),
    "traditional": ("traditional",),
    "pinyin": ("pinyin", "reading", "pronunciation"),
    "gloss": ("meaning", "definition", "english", "gloss", "translation", "back"),
    "sentence": ("sentence", "example", "context"),
    "article": ("article", "source"),
}


def _parse_anki(text: str) -> Parsed:
    """File → Export → Notes in Plain Text: `#key:value` header lines, then one note a row.

    Our own note type maps by its field order; other note types by their column names
    (`#columns:`) or, without names, by what each field looks like.
    """
    header: dict[str, str] = {}
    body_start = 0
    for line in text.splitlines():
        if not line.startswith("#") or ":" not in line:
            break
        key, _, value = line[1:].partition(":")
        header[key.strip().lower()] = value.strip()
        body_start += 1
    separator = _anki_separator(header.get("separator", ""), text)
    skip = {
        int(header[key]) - 1
        for key in ("guid column", "notetype column", "deck column", "tags column")
        if header.get(key, "").isdigit()
    }
    notetype_col = int(header.get("notetype column", "0") or 0) - 1
    names = [n.strip().lower() for n in header.get("columns", "").split(separator)] or []
    body = "\n".join(text.splitlines()[body_start:])
    reader = csv.reader(io.StringIO(body), delimiter=separator)
    items, unreadable = [], []
    for row in reader:
        number = reader.line_num + body_start
        if not any(cell.strip() for cell in row):
            continue
        ours = 0 <= notetype_col < len(row) and row[notetype_col] == NOTE_TYPE_NAME
        fields = [(i, cell) for i, cell in enumerate(row) if i not in skip]
        item = _anki_item(fields, names if any(names) else [], ours)
        if item is None:
            unreadable.append(number)
        else:
            items.append(item)
    return items, unreadable


def _anki_separator(declared: str, text: str) -> str:
    if declared:
        return _ANKI_SEPARATORS.get(declared.lower(), declared[:1])
    return "\t" if "\t" in text else ","


def _anki_item(fields: list[tuple[int, str]], names: list[str], ours: bool) -> VocabItem | None:
    values = [cell for _, cell in fields]
    role: dict[str, str] = {}
    if ours or (not names and len(values) == len(FIELDS)):
        by_name = dict(zip(FIELDS, values, strict=False))
        for key, name in _OUR_ROLES.items():
            role[key] = by_name.get(name, "")
    elif names:
        for index, cell in fields:
            name = names[index] if index < len(names) else ""
            found = next((k for k, aliases in _ANKI_NAMES.items() if name in aliases), None)
            if found is not None and found not in role:
                role[found] = cell
    else:
        role = _guess_roles(values)
    word = _plain(role.get("simplified", ""))
    if not _is_word(word):
        return None
    sentence_html, mark = _mark_in(_SOUND.sub("", role.get("sentence", "")), "<b>", "</b>")
    return VocabItem(
        simplified=word,
        traditional=_plain(role.get("traditional", "")),
        pinyin=_plain(role.get("pinyin", "")),
        gloss=_plain(role.get("gloss", "")),
        sentence=_plain(sentence_html),
        article=_plain(role.get("article", "")),
        mark=_plain_offset(sentence_html, mark),
    )


_OUR_ROLES = {
    "simplified": "Simplified",
    "traditional": "Traditional",
    "pinyin": "Pinyin",
    "gloss": "Meaning",
    "sentence": "Sentence",
    "article": "Article",
}


def _guess_roles(values: list[str]) -> dict[str, str]:
    """Fields without names: the first word of Chinese is the word, a pinyin-looking field
    its reading, the first other Latin field its meaning, a longer Chinese field holding
    the word its sentence."""
    role: dict[str, str] = {}
    for value in values:
        plain = _plain(value)
        if not plain:
            continue
        if "simplified" not in role and _is_word(plain):
            role["simplified"] = value
        elif "simplified" in role and "traditional" not in role and _is_word(plain) and len(
            plain
        ) == len(_plain(role["simplified"])):
            role["traditional"] = value
        elif "pinyin" not in role and _is_pinyin(plain):
            role["pinyin"] = value
        elif "gloss" not in role and not has_han(plain):
            role["gloss"] = value
        elif "sentence" not in role and has_han(plain) and len(plain) > 1:
            role["sentence"] = value
    return role


# -- pieces of fields -----------------------------------------------------------------------


def _is_word(text: str) -> bool:
    return bool(text) and len(text) <= 32 and _WORD.fullmatch(text) is not None


def _with_parts(item: VocabItem, text: str, gloss_first: bool = True) -> VocabItem:
    """Split `senses | 【sentence】 | 《article》 | note` (as the exporters join them)."""
    parts = [part.strip() for part in text.split(PART_SEPARATOR)] if text else []
    gloss, sentence, mark, article, notes = item.gloss, "", -1, item.article, []
    for index, part in enumerate(parts):
        if index == 0 and gloss_first:
            gloss = part
        elif not sentence and TSV_MARK[0] in part and TSV_MARK[1] in part:
            sentence, mark = _mark_in(part, *TSV_MARK)
        elif part.startswith("《") and part.endswith("》") and len(part) > 2:
            article = part[1:-1]
        elif part:
            notes.append(part)
    return replace(item, gloss=gloss, sentence=sentence, mark=mark, article=article,
                   note=PART_SEPARATOR.join(notes))


def _mark_in(text: str, before: str, after: str) -> tuple[str, int]:
    """`text` without the first `before`…`after` pair, and where the marked word starts."""
    start = text.find(before)
    end = text.find(after, start + len(before)) if start >= 0 else -1
    if start < 0 or end < 0:
        return text, -1
    inner = text[start + len(before) : end]
    return text[:start] + inner + text[end + len(after) :], start


def _plain(value: str) -> str:
    """An Anki field as text: sounds and tags dropped, entities decoded, spaces collapsed."""
    value = _SOUND.sub("", value)
    value = _HTML_TAG.sub("", _HTML_BREAK.sub(" ", value))
    return " ".join(html.unescape(value).split())


def _plain_offset(text_html: str, at: int) -> int:
    """Where offset `at` of an HTML sentence lands once the sentence is plain text."""
    if at < 0:
        return -1
    # A sentinel keeps the prefix's trailing space, which _plain would strip.
    return len(_plain(text_html[:at] + "\x00")) - 1


def _timestamp(iso: str) -> float:
    try:
        return datetime.fromisoformat(iso.strip().replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


# -- filling in what the file left out -------------------------------------------------------


class Completer:
    """Fills in what a file left out, as `zhreader vocab add` would for the same word:
    the one lookup policy (`app.core.language.lookup`) over CC-CEDICT, and the pinyin
    reader for a word the file gives no reading for."""

    def __init__(self, dictionary: Dictionary, reader: PinyinReader) -> None:
        self.dictionary = dictionary
        self.reader = reader

    def complete(self, items: Iterable[VocabItem]) -> Iterator[VocabItem]:
        """Each word keyed by its simplified form, pinyin in spaced tone marks, and the
        traditional form, pinyin and gloss from the dictionary where the file had none."""
        from app.core.language.lookup import look_up

        for item in items:
            word = item.simplified
            read_as = _entry_read_as(self.dictionary.lookup(word), item.pinyin)
            given = read_as.pinyin if read_as else _marked_pinyin(item.pinyin)
            reading = tuple(given.split())
            if len(reading) != len(word):  # no reading, or not one syllable a character
                reading = tuple(self.reader.read(word, [(0, len(word))]))
            # With a reading from the file, the gloss is that reading's; without one, the
            # other readings' meanings follow, as for a word typed without a sentence.
            found = look_up(self.dictionary, word, reading, in_context=bool(given))
            # Pleco headwords and plain lists may give the traditional form alone.
            simplified = word if item.traditional else found.simplified
            yield replace(
                item,
                simplified=simplified,
                traditional=item.traditional or found.traditional,
                pinyin=given or " ".join(s for s in found.reading if s),
                gloss=item.gloss or found.gloss,
            )


def _compact(pinyin: str) -> str:
    return "".join(pinyin.lower().replace("u:", "ü").replace("v", "ü").split()).replace("'", "")


def _entry_read_as(entries: tuple[Entry, ...], pinyin: str) -> Entry | None:
    """The entry read as `pinyin` (tone marks or numbers, spaced or not), if any."""
    if not pinyin:
        return None
    wanted = _compact(pinyin)
    for entry in entries:
        if wanted in (_compact(entry.pinyin), _compact(entry.pinyin_numbered)):
            return entry
    return None


def _marked_pinyin(pinyin: str) -> str:
    """Tone marks with a space between syllables, as the store keeps pinyin."""
    pinyin = " ".join(pinyin.split())
    if any(ch.isdigit() for ch in pinyin):  # yin2hang2, yin2 hang2
        return numbered_to_marks(" ".join(_NUMBERED.findall(pinyin)))
    return pinyin


# -- comparing with the saved words and saving ----------------------------------------------


class _Store(Protocol):
    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int: ...


def plan_import(
    parsed: ParsedList, saved: Mapping[str, VocabItem], status: Status | None = None
) -> ImportPlan:
    """Compare the file's words with the saved ones (keyed by simplified form).

    `status` None keeps saved words' status and gives new words the file's (CSV) or
    "learning"; "known"/"learning" applies to every word of the file.
    """
    new: list[VocabItem] = []
    updated: list[VocabItem] = []
    seen: set[str] = set()
    skipped = 0
    for item in parsed.items:
        if item.simplified in seen:
            skipped += 1
            continue
        seen.add(item.simplified)
        old = saved.get(item.simplified)
        if old is None:
            fresh = status or (item.status if parsed.has_status else "learning")
            new.append(replace(item, status=fresh))
            continue
        merged = _merged(old, item, status or old.status)
        if merged == old:
            skipped += 1
            continue
        updated.append(merged)
    return ImportPlan(parsed.format, tuple(new), tuple(updated), skipped, parsed.unreadable)


def _merged(old: VocabItem, item: VocabItem, status: Status) -> VocabItem:
    """The saved word, with only what it lacked taken from the file."""
    if old.sentence:  # the saved sentence stays, with its own article
        sentence, article, mark = old.sentence, old.article, old.mark
    elif item.sentence:
        sentence, article, mark = item.sentence, item.article, item.mark
    else:
        sentence, article, mark = "", old.article or item.article, -1
    return replace(
        old,
        traditional=old.traditional or item.traditional,
        pinyin=old.pinyin or item.pinyin,
        gloss=old.gloss or item.gloss,
        sentence=sentence,
        article=article,
        mark=mark,
        note=old.note or item.note,
        status=status,
    )


def apply_import(plan: ImportPlan, store: _Store) -> int:
    """Save the plan's new and updated words in one transaction; returns how many.

    Statuses are stored as planned: a known word the user chose to learn again is
    demoted, which an ordinary save never does.
    """
    return store.save_many([*plan.new, *plan.updated], exact_status=True)
