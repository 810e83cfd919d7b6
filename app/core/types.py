"""Plain, frozen data that crosses layers (core -> CLI, core -> GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeGuard, get_args

Script = Literal["simplified", "traditional"]
EntityType = Literal["person", "organization", "place", "work"]
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
# What a learner calls each type: in menus ("always a person") and as the panel's group heading.
ENTITY_TYPE_NAMES: dict[EntityType, str] = {
    "person": "person", "organization": "organisation", "place": "place", "work": "work",
}  # fmt: skip
ENTITY_TYPE_GROUPS: dict[EntityType, str] = {
    "person": "People", "organization": "Organisations", "place": "Places", "work": "Works",
}  # fmt: skip


def is_entity_type(label: str) -> TypeGuard[EntityType]:
    """Whether a label read from a file or typed by the user names an entity type."""
    return label in ENTITY_TYPES


GlossSource = Literal["word", "parts"]
# Where a learner stands with a word, as LingQ has it; a word with no state is "unknown".
WordStatus = Literal["learning", "known", "ignored"]
WORD_STATUSES: tuple[WordStatus, ...] = ("learning", "known", "ignored")
LEARNING_LEVELS = (1, 2, 3, 4)  # 1: new to me ... 4: nearly known


@dataclass(frozen=True, slots=True)
class Entry:
    """One CC-CEDICT line: a headword with one reading and its senses."""

    traditional: str
    simplified: str
    pinyin: str  # tone marks, syllables separated by spaces: "yín háng"
    pinyin_numbered: str  # as in the source: "yin2 hang2"
    senses: tuple[str, ...]
    classifiers: tuple[str, ...] = ()  # "個|个[ge4]" style, as written after CL:
    references: tuple[str, ...] = ()  # headwords this entry points to (variant of, see ...)
    proper: bool = False  # capitalised reading: a name (person, place, ...)

    @property
    def gloss(self) -> str:
        """The first line a popup shows: senses joined with '; '."""
        return "; ".join(self.senses)


@dataclass(frozen=True, slots=True)
class Token:
    """A word (or a run of punctuation/space/Latin) at [start, end) of the shown text."""

    start: int
    end: int
    text: str
    pinyin: tuple[str, ...]  # one per character: tone-marked syllable for Han, "" otherwise
    gloss: str | None = None
    source: GlossSource | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity merged over all its mentions in one article."""

    text: str
    type: EntityType
    count: int
    english: str | None
    aliases: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Article:
    """A loaded, cleaned article ready for analysis."""

    title: str
    text: str  # exactly what the window shows
    script: Script
    path: str | None = None
    part: str = ""  # a chapter inside the file at `path` (an EPUB item); "" for the whole file


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the window and `zhreader analyze` show for one article."""

    title: str
    script: Script
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...] = ()

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "script": self.script,
            "text": self.text,
            "tokens": [
                {
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "pinyin": list(t.pinyin),
                    "gloss": t.gloss,
                    "source": t.source,
                }
                for t in self.tokens
            ],
            "entities": [
                {
                    "text": e.text,
                    "type": e.type,
                    "count": e.count,
                    "english": e.english,
                    "aliases": list(e.aliases),
                    "spans": [list(s) for s in e.spans],
                }
                for e in self.entities
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> Analysis:
        return cls(
            title=data["title"],
            script=data["script"],
            text=data["text"],
            tokens=tuple(
                Token(
                    t["start"], t["end"], t["text"], tuple(t["pinyin"]), t["gloss"], t["source"]
                )
                for t in data["tokens"]
            ),
            entities=tuple(
                Entity(
                    e["text"],
                    e["type"],
                    e["count"],
                    e["english"],
                    tuple(e["aliases"]),
                    tuple((s, t) for s, t in e["spans"]),
                )
                for e in data["entities"]
            ),
        )


@dataclass(frozen=True, slots=True)
class WordLevel:
    """Where a word stands for a learner: HSK 3.0 band (7 = the 7-9 band), HSK 2.0 level,
    and its frequency rank (1 = most frequent); None where the HSK list lacks it."""

    v3: int | None
    v2: int | None
    frequency_rank: int | None


@dataclass(frozen=True, slots=True)
class WordState:
    """A word's status and learning level (kept while known or ignored, for going back)."""

    status: WordStatus
    level: int = 1


# One shared instance per state: a vocabulary of 20,000 words holds 12 objects, not 20,000.
WORD_STATES: dict[tuple[str, int], WordState] = {
    (status, level): WordState(status, level)
    for status in WORD_STATUSES
    for level in LEARNING_LEVELS
}


@dataclass(frozen=True, slots=True)
class VocabItem:
    """A word the vocabulary store holds: saved to the list, or only given a state."""

    simplified: str
    traditional: str
    pinyin: str
    gloss: str
    sentence: str = ""
    article: str = ""
    added: float = 0.0  # unix time
    status: WordStatus = "learning"
    note: str = ""
    mark: int = -1  # offset of the word inside `sentence`, -1 when unknown
    level: int = 1  # learning level, LEARNING_LEVELS
    saved: bool = True  # in the vocabulary list; False when only marked known or ignored

    @property
    def state(self) -> WordState:
        return WORD_STATES[self.status, self.level]


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One text in the library, as the store returns it."""

    id: int
    path: str
    part: str  # a chapter of the file (EPUB item), "" for the whole file
    title: str
    book: str  # the book a chapter belongs to, "" for a lone text
    builtin: str  # the slug of a bundled article, "" for the learner's own
    added: float
    last_read: float | None  # None: never opened
    position: int  # first visible character when last read
    progress: float  # furthest share read, 0.0 to 1.0
    chars: int  # length in characters, 0 until first read

    @property
    def location(self) -> tuple[str, str]:
        return self.path, self.part


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A text to add: where it is and what it is called."""

    path: str
    title: str
    chars: int = 0
    part: str = ""
    book: str = ""
    builtin: str = ""
