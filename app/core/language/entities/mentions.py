"""A candidate mention, the per-text context every source reads, and overlap resolution."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from app.core.language.entities.glosses import (
    NameDictionary,
    _proper_senses,
    _type_from_gloss,
    regional_read,
    with_equivalents,
)
from app.core.language.entities.lexicon import (
    _ADDED,
    _FUNCTION_TAGS,
    _PERSON_TAGS,
    _Known,
    _Lexicon,
    _lexicon,
    _simplify,
    cue_set,
)
from app.core.text.chars import all_han
from app.core.text.script import detect_script
from app.core.types import EntityType, Entry

Tagged = Sequence[tuple[int, int, str]]


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    type: EntityType
    priority: int
    english: str | None = None
    known: _Known | None = None
    guessed: bool = False  # the type is a guess from the name's shape alone

    @property
    def length(self) -> int:
        return self.end - self.start

    def copy(self) -> _Mention:
        """A mention of its own: the combining steps retype the tagger's mentions in place,
        which must not touch the rules' mention a step took over."""
        return replace(self)


def _runs(
    mentions: Iterable[_Mention], joined: Callable[[_Mention, _Mention], bool]
) -> list[list[_Mention]]:
    """Mentions in text order cut into runs, such as a list's members: a mention joins the
    run before it when `joined(that run's last mention, it)`."""
    runs: list[list[_Mention]] = []
    for m in mentions:
        if runs and joined(runs[-1][-1], m):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


@dataclass(slots=True)
class _Context:
    """The text in both scripts and its tokens, which are sorted and contiguous: helpers
    bisect `token_starts` / `token_ends` to find a span's tokens instead of scanning them
    all, so a text's analysis stays linear in its length."""

    text: str
    simple: str
    tokens: list[tuple[int, int, str]]
    starts: set[int]
    ends: set[int]
    lex: _Lexicon
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    token_starts: list[int] = field(default_factory=list)
    token_ends: list[int] = field(default_factory=list)
    # Organisation heads by token index, found once: several mention sources ask for them.
    org_heads: dict[int, tuple[int, int, EntityType, bool] | None] = field(default_factory=dict)
    # Where the town or village ending at a token starts (or None), by token index: the
    # division rule and the owner of each body ask the same token.
    division_starts: dict[int, int | None] = field(default_factory=dict)
    # The spans of bodies states form together (中法 + 促进会), found once by the rules and
    # read again where the tagger's organisation lies inside one.
    allied: tuple[tuple[int, int], ...] | None = None
    # The spans of bodies named for two fields joined by a conjunction (文化 + 和 + 旅游部),
    # found once by the rules and read again by the steps that meet the tagger.
    fields: tuple[tuple[int, int], ...] | None = None

    def token_range(self, start: int, end: int) -> range:
        """The indices of the tokens that lie inside start:end, in order."""
        return range(bisect_left(self.token_starts, start), bisect_right(self.token_ends, end))

    def tokens_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The tokens that lie inside start:end, in order."""
        inside = self.token_range(start, end)
        return self.tokens[inside.start : inside.stop]

    def tiling(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The tokens that exactly cover start:end, in order; none when a token crosses
        either end (the span is not whole words)."""
        inside = self.token_range(start, end)
        tokens = self.tokens[inside.start : inside.stop]
        if not tokens or tokens[0][0] != start or tokens[-1][1] != end:
            return []
        return tokens


class _Spans:
    """Mentions sorted by start, to find those overlapping or inside a span by bisecting:
    scanning every mention for every candidate made long texts quadratic. Built where it is
    used, since mentions' spans may change between the steps of a pass."""

    __slots__ = ("_longest", "_sorted", "_starts")

    def __init__(self, mentions: Iterable[_Mention]) -> None:
        self._sorted = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._sorted]
        self._longest = max((m.length for m in self._sorted), default=0)

    def overlapping(self, start: int, end: int) -> list[_Mention]:
        """Those sharing a character with start:end (one ending after `start` begins after
        start - longest)."""
        found = self._sorted[
            bisect_right(self._starts, start - self._longest) : bisect_left(self._starts, end)
        ]
        return [m for m in found if m.start < end and start < m.end]

    def any_overlapping(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))

    def inside(self, start: int, end: int) -> list[_Mention]:
        """Those that lie within start:end."""
        found = self._sorted[bisect_left(self._starts, start) : bisect_right(self._starts, end)]
        return [m for m in found if m.end <= end]


class _Edits:
    """A step's mentions while it puts names in one by one: kept in order by start with the
    longest one's length, so each edit looks only at the mentions near it (a long text with
    thousands of candidates made every edit scan and re-sort them all, as `_Spans` once did for
    lookups). A list not yet in order is searched whole until the first edit sorts it."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.items = mentions
        self._ordered = all(a.start <= b.start for a, b in itertools.pairwise(mentions))
        self._longest = max((m.length for m in mentions), default=0)
        self._copied = False

    def candidates(self, start: int, end: int) -> list[_Mention]:
        """In order, every mention that may share a character with start:end or end at
        `start` (all of them while the list is not in order): the caller tests which do."""
        return self.items[self._window(start, end)] if self._ordered else self.items

    def near(self, start: int, end: int) -> list[_Mention]:
        """Those sharing a character with start:end (as `_Spans.overlapping`)."""
        return [m for m in self.candidates(start, end) if m.start < end and start < m.end]

    def ending_at(self, at: int) -> list[_Mention]:
        """Those ending at `at`, in order."""
        return [m for m in self.candidates(at, at) if m.end == at]

    def put(self, body: _Mention) -> None:
        """`body` in place of every mention sharing a character with it, where a stable sort
        by start would put it."""
        if not self._ordered:
            kept = [m for m in self.items if m.end <= body.start or m.start >= body.end]
            self.items = sorted([*kept, body], key=lambda m: m.start)
            self._ordered = self._copied = True
        else:
            if not self._copied:
                self.items, self._copied = list(self.items), True
            window = self._window(body.start, body.end)
            kept = [m for m in self.items[window] if m.end <= body.start]
            at = bisect_right(kept, body.start, key=lambda m: m.start)  # after equal starts
            self.items[window] = [*kept[:at], body, *kept[at:]]
        self._longest = max(self._longest, body.length)

    def _window(self, start: int, end: int) -> slice:
        return slice(
            bisect_right(self.items, start - self._longest - 1, key=lambda m: m.start),
            bisect_left(self.items, max(end, start + 1), key=lambda m: m.start),
        )


def _run_words(ctx: _Context) -> set[str]:
    """Every token, and runs of 2-4 content tokens (measure words and numbers among them), to
    look up in one query."""
    words = set()
    tokens = ctx.tokens
    simple = ctx.simple
    han = [all_han(simple[s:e]) and t not in _FUNCTION_TAGS for s, e, t in tokens]
    # 台/q + 积 + 电, 拼 + 多多/m: a firm's name the segmenter cut into a measure word or a
    # number; such a token joins a run (which names only an organisation: `_composed_mentions`)
    # but is not looked up alone (千叶/m: a number's word first).
    counted = [all_han(simple[s:e]) and t in _COUNTED_TAGS for s, e, t in tokens]
    runs = [a or b for a, b in zip(han, counted, strict=True)]
    for i in range(len(tokens)):
        if runs[i]:
            for n in (2, 3, 4):
                j = i + n - 1
                if j >= len(tokens) or not runs[j] or tokens[j][1] - tokens[i][0] > 8:
                    break
                words.add(simple[tokens[i][0] : tokens[j][1]])
        if not han[i]:
            continue
        if tokens[i][1] - tokens[i][0] > 1:
            words.add(simple[tokens[i][0] : tokens[i][1]])
        if tokens[i][1] - tokens[i][0] == 3 and tokens[i][2] == "nr":  # 范围 + 广/nr: a word?
            words.add(simple[tokens[i][0] : tokens[i][0] + 2])
        if tokens[i][1] - tokens[i][0] >= 4:  # 邓小平理论 starts with a name (理论: a word?)
            for cut in (2, 3):
                words.add(simple[tokens[i][0] : tokens[i][0] + cut])
                words.add(simple[tokens[i][0] + cut : tokens[i][1]])
        if tokens[i][1] - tokens[i][0] >= 4 and tokens[i][2] == "nz":  # 高速 + 铁路: two words
            words.add(simple[tokens[i][1] - 2 : tokens[i][1]])
        if tokens[i][1] - tokens[i][0] == 3 and tokens[i][2] == "nr":  # 纪律 + 性, 白 + 金卡
            words.add(simple[tokens[i][0] : tokens[i][0] + 2])
            end = tokens[i][1]  # 罗某送 + 进: the last character may open the next word
            words.update(w for w in (simple[end - 1 : end + 1], simple[end - 1 : end + 2])
                         if len(w) > 1 and all_han(w))
            words.add(simple[tokens[i][0] + 1 : tokens[i][1]])
    return words


# Tags of the measure words and numbers a run of tokens may hold (`_run_words`).
_COUNTED_TAGS = frozenset({"q", "m"})


def _resolve_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    chosen: list[_Mention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: (m.priority < _ADDED, -m.length, -m.priority)):
        if any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def prepare(
    text: str,
    tagged: Tagged,
    dictionary: NameDictionary,
    lexicon: _Lexicon | None = None,
) -> _Context:
    """What every mention source reads: both scripts, the tokens and their dictionary entries."""
    lex = lexicon or _lexicon()
    simple = _simplify(text)
    tokens = _divisions_as_places(simple, [(s, e, t) for s, e, t in tagged])
    ctx = _Context(
        text=text,
        simple=simple,
        tokens=tokens,
        starts={s for s, _, _ in tokens},
        ends={e for _, e, _ in tokens},
        lex=lex,
        token_starts=[s for s, _, _ in tokens],
        token_ends=[e for _, e, _ in tokens],
    )
    words = _run_words(ctx)
    odd = _function_tagged_words(ctx) - words
    ctx.entries = with_equivalents(dictionary.lookup_many(words | odd), dictionary)
    for word in odd:
        entries = ctx.entries.get(word)
        if entries and not _only_place(entries):
            del ctx.entries[word]
    if simple != text and detect_script(text) == "traditional":
        ctx.entries = regional_read(ctx.entries)
    return ctx


def _divisions_as_places(
    simple: str, tokens: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """广州市/ns + 越秀区/nr: a three-character word jieba tags a person's name that ends in a
    district's, a county's or a city's character right after a place is a division of it (no
    given name ends so), and a body after it is owned by it (某市 + 某某区 + 东风小学)."""
    divisions = cue_set("district_chars")
    out = list(tokens)
    for k in range(1, len(out)):
        s, e, t = out[k]
        if t in _PERSON_TAGS and e - s == 3 and simple[e - 1] in divisions \
                and out[k - 1][2] == "ns" and out[k - 1][1] == s:
            out[k] = (s, e, "ns")
    return out


def _function_tagged_words(ctx: _Context) -> set[str]:
    """Words of two or more characters jieba tagged as function words: now and then a city
    among them (大连/d before a forecast)."""
    simple = ctx.simple
    return {
        simple[s:e]
        for s, e, t in ctx.tokens
        if t in _FUNCTION_TAGS and e - s > 1 and all_han(simple[s:e])
    }


def _named_place_word(ctx: _Context, form: str) -> bool:
    """A place of the name lists, or a word CC-CEDICT glosses as a place."""
    return form in ctx.lex.places or (
        _type_from_gloss(_proper_senses(ctx.entries.get(form, ()))) == "place"
    )


def _only_place(entries: Sequence[Entry]) -> bool:
    """Whether the dictionary knows a word only as the name of a place (大连, not 一直)."""
    return all(e.proper for e in entries) and _type_from_gloss(_proper_senses(entries)) == "place"


@lru_cache(maxsize=8)
def _marks_at(text: str, marks: str) -> list[int]:
    """Where any of `marks` stands in the text, in order, found once per text: steps that ask
    of every mention what mark stands before or after it stay linear on long texts."""
    return [m.start() for m in re.finditer(f"[{re.escape(marks)}]", text)]


def _last_before(positions: list[int], start: int) -> int:
    """The last of the sorted positions before start, or -1 (as str.rfind)."""
    k = bisect_left(positions, start)
    return positions[k - 1] if k else -1


def _first_from(positions: list[int], end: int, default: int) -> int:
    """The first of the sorted positions at or after end, or default."""
    k = bisect_left(positions, end)
    return positions[k] if k < len(positions) else default
