"""Plain, frozen data that crosses layers (core -> CLI, core -> GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

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
GlossSource = Literal["word", "parts"]


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
class VocabItem:
    """A saved word, as the vocabulary store returns it."""

    simplified: str
    traditional: str
    pinyin: str
    gloss: str
    sentence: str = ""
    article: str = ""
    added: float = 0.0  # unix time
    status: Literal["learning", "known"] = "learning"
    note: str = ""
    mark: int = -1  # offset of the word inside `sentence`, -1 when unknown
