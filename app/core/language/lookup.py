"""What zhreader says about one word: the one policy for the popup, saving, `lookup`, `vocab add`.

Which entry comes first (the one read as the word is read here, then a common word before a
name before a mere "variant of" pointer, file order otherwise), which reading (the reader's,
in context), which gloss is saved, which simplified and traditional forms are shown and
saved. The window and the command line both call `look_up`, so the same word in the same
sentence is shown and saved the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.language.cedict import also_pronounced, numbered_to_marks, usefulness
from app.core.language.pinyin import same_reading
from app.core.types import Entry, Script, VocabItem

if TYPE_CHECKING:
    from app.core.language.dictionary import Dictionary
    from app.core.language.pinyin import PinyinReader

Parts = tuple[tuple[str, tuple[Entry, ...]], ...]


@dataclass(frozen=True, slots=True)
class WordLookup:
    """One word occurrence, looked up: the popup's content and what saving it stores."""

    word: str  # as written
    simplified: str
    traditional: str
    reading: tuple[str, ...]  # in context, one syllable per character ("" for non-Han)
    entries: tuple[Entry, ...]  # ordered by `ordered_entries`
    parts: Parts = ()  # for a word the dictionary lacks: its longest dictionary pieces
    gloss: str = ""  # what a saved word gets

    @property
    def matched(self) -> bool:
        """The first entry is read as the word is read here (the popup ties them)."""
        return bool(self.entries) and reads_as(self.entries[0], self.reading)


def reads_as(entry: Entry, reading: Sequence[str]) -> bool:
    """Is `entry` read as `reading` (a neutral tone allowed for), or does one of its senses
    give that reading ("also pr. [shui2]")?"""
    shown = [s for s in reading if s]
    if same_reading(shown, entry.pinyin.split()):
        return True
    return any(
        same_reading(shown, numbered_to_marks(other).split())
        for other in also_pronounced(entry.senses)
    )


def ordered_entries(entries: Iterable[Entry], reading: Sequence[str] = ()) -> list[Entry]:
    """Entries read as here first (钱 qián "money" before "surname Qian"); within each group
    a common word, then a name, then a mere pointer; file order otherwise."""
    wanted = [s for s in reading if s]

    def key(entry: Entry) -> tuple[bool, int]:
        return (bool(wanted) and not reads_as(entry, wanted)), usefulness(entry)

    return sorted(entries, key=key)


def gloss_of(entries: Sequence[Entry], in_context: bool = True) -> str:
    """The saved gloss: the first entry's, and those of further entries with the same reading
    and forms (a second sense line of one word), never a name's or a pointer's after it.

    A word saved without a sentence cannot be read for sure (行 xíng or háng?): the common
    entries of its other readings follow, each with its reading ("[háng] row").
    """
    if not entries:
        return ""
    first = entries[0]
    glosses = [first.gloss]
    for entry in entries[1:]:
        same = (entry.traditional, entry.simplified, entry.pinyin.lower()) == (
            first.traditional, first.simplified, first.pinyin.lower()
        )
        if same and usefulness(entry) == 0 and entry.gloss not in glosses:
            glosses.append(entry.gloss)
    if not in_context:
        for entry in entries[1:]:
            if usefulness(entry) == 0 and entry.pinyin.lower() != first.pinyin.lower():
                glosses.append(f"[{entry.pinyin}] {entry.gloss}")
    return " / ".join(g for g in glosses if g)


def look_up(
    dictionary: Dictionary | None,
    word: str,
    reading: Sequence[str],
    script: Script | None = None,
    in_context: bool = True,
) -> WordLookup:
    """The word as the popup shows it and a save stores it; `reading` is the context reading.

    A traditional article keeps the word as written for its traditional form; the simplified
    form comes from the entry read here when there is one (意味著 -> 意味着), else OpenCC.
    `in_context`: `reading` comes from a sentence (else from the word alone, see `gloss_of`).
    """
    from app.core.text.script import to_simplified, to_traditional

    entries: tuple[Entry, ...] = ()
    parts: Parts = ()
    if dictionary is not None:
        entries = tuple(ordered_entries(dictionary.lookup(word), reading))
        if not entries:
            parts = _parts(dictionary.decompose(word), reading)
    first = entries[0] if entries else None
    simplified = first.simplified if first and len(first.simplified) == len(word) else None
    simplified = simplified or to_simplified(word)
    if script == "traditional" or (first is not None and first.traditional == word):
        traditional = word
    elif first is not None:
        traditional = first.traditional
    else:
        traditional = to_traditional(word)
    gloss = gloss_of(entries, in_context)
    if not entries and dictionary is not None:  # its parts' meanings, as the analysis gives
        gloss = dictionary.gloss(word)[0] or ""
    return WordLookup(word, simplified, traditional, tuple(reading), entries, parts, gloss)


def _parts(decomposed: Sequence[tuple[str, Sequence[Entry]]], reading: Sequence[str]) -> Parts:
    """Each piece's entries ordered for its own slice of the reading (文 wén "language"
    before "surname Wen")."""
    out = []
    position = 0
    for text, entries in decomposed:
        piece = reading[position : position + len(text)] if reading else ()
        out.append((text, tuple(ordered_entries(entries, piece))))
        position += len(text)
    return tuple(out)


def context_reading(
    reader: PinyinReader, word: str, sentence: str = "", at: int | None = None
) -> tuple[str, ...]:
    """How `word` is read in `sentence`, as the window reads it: at offset `at`, else where
    the sentence's segmentation has it as a word of its own (为 alone, not inside 因为),
    else its first occurrence; without a sentence (or not in it) the word read on its own."""
    return placed_reading(reader, word, sentence, at)[1]


def placed_reading(
    reader: PinyinReader, word: str, sentence: str = "", at: int | None = None
) -> tuple[int, tuple[str, ...]]:
    """Where `context_reading` reads `word` in `sentence` (-1: not in it) and how, from one
    segmentation of the sentence, so a saved sentence marks the occurrence whose reading
    was saved (为 alone, not inside 因为)."""
    if not word or not sentence or word not in sentence:
        return -1, tuple(reader.read(word, [(0, len(word))]))
    words = reader.words(sentence)
    at = _occurrence(word, sentence, words, at)
    return at, tuple(reader.read(sentence, words)[at : at + len(word)])


def _occurrence(
    word: str, sentence: str, words: Sequence[tuple[int, int]], at: int | None
) -> int:
    if at is not None and sentence[at : at + len(word)] == word:
        return at
    whole = [s for s, e in words if sentence[s:e] == word]
    return whole[0] if whole else sentence.index(word)


def vocab_item(
    found: WordLookup, sentence: str = "", article: str = "", note: str = "", mark: int = -1
) -> VocabItem:
    """What saving this occurrence stores (the window's S and `zhreader vocab add` alike)."""
    return VocabItem(
        simplified=found.simplified,
        traditional=found.traditional,
        pinyin=" ".join(s for s in found.reading if s),
        gloss=found.gloss,
        sentence=sentence,
        article=article,
        note=note,
        mark=mark,
    )
