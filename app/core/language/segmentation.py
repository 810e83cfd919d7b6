"""Word boundaries for the reader: jieba's words, adjusted so they agree with CC-CEDICT.

jieba's own word list (built from People's Daily) holds many units CC-CEDICT does not
(一个, 很多, 研究成果), and its HMM glues unknown runs (这是, 他发). A reader hovering such a
token would get only a "parts" gloss, so a token that is not a headword is split into the
fewest headwords that spell it. Names stay whole (the entity panel needs them), so do
tokens no split can cover. On SIGHAN 2005 this raises word F1 over plain jieba on all four
corpora (benchmarks/bench_segmentation.py).

Analysis always runs on the simplified conversion (length-preserving), so spans map back
to the displayed text one to one, whatever its script. The back end is rjieba (jieba-rs:
same dictionary and algorithm, loads in ~0.2 s instead of ~0.6 s).
"""

from __future__ import annotations

import itertools
import math
import re
import sys
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from app.core.language.frequency import frequency_source
from app.core.language.polyphone_rules import worn_after
from app.core.language.surnames import surnames
from app.core.text.chars import all_han, analysis_form, has_han
from app.core.text.encoding import replace_lone_surrogates
from app.core.text.script import to_simplified

HeadwordTest = Callable[[str], bool]
TaggedSpan = tuple[int, int, str]

# jieba.posseg tags of names; such a token stays whole even when CC-CEDICT lacks it.
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
_LONGEST_SPLIT = 12  # a jieba token longer than this is left as it is
# Prepositions jieba's HMM glues onto a place it has never seen (为云溪, 在云溪, 到云溪).
_GLUED_BEFORE_PLACES = frozenset("为在到往赴被把给对跟从")
# Verbs of saying jieba's HMM glues onto a person it has never seen (李华说, 王小明称), and
# 率 "leads" of 某某 + 率 + 团/代表团 and 作 "makes" of 某某 + 作 + 报告 in reports of meetings
# (李华率 + 工作组, 李华作 + 辅导报告).
_GLUED_AFTER_NAMES = frozenset("说称率作")


def _is_latin_char(char: str) -> bool:
    """Letters/digits of alphabetic scripts (and their accents): 'Jégou', 'dǎo', '２０２４'."""
    if char.isalnum():
        return not all_han(char)
    return unicodedata.category(char).startswith("M")


# The tag jieba gives a word the user joined: a plain noun, so it is not taken for a name.
USER_WORD_TAG = "n"


@dataclass(frozen=True, slots=True)
class WordRules:
    """The user's boundary corrections, in simplified script: texts always kept as one
    word, and texts always cut into the given parts (app.core.user.word_corrections)."""

    words: frozenset[str] = frozenset()
    splits: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.splits)


class Backend(Protocol):
    def tag(self, text: str) -> list[tuple[str, str]]: ...
    def word_tag(self, word: str) -> str: ...
    def add_word(self, word: str, tag: str) -> None: ...


def _rjieba_class():  # -> type[rjieba.Jieba]
    """rjieba's `Jieba` class, without running the package's `__init__`: importing `rjieba`
    builds a module-level `Jieba()` (its whole word list, ~25 MiB) that zhreader never uses
    beside its own. The extension module is loaded by itself when it can be found."""
    import importlib.machinery
    import importlib.util

    name = "rjieba.rjieba"
    module = sys.modules.get(name)
    if module is None:
        package = importlib.util.find_spec("rjieba")
        places = package.submodule_search_locations if package is not None else None
        spec = importlib.machinery.PathFinder.find_spec(name, list(places or ()))
        if spec is None or spec.loader is None:
            import rjieba  # not laid out as expected: the package as it comes

            return rjieba.Jieba
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return module.Jieba


class _RJiebaBackend:
    """jieba-rs: the same dictionary, DAG and HMM as jieba, without jieba's load time.

    `gently`: jieba-rs builds its word list in one native call that holds the GIL for
    ~0.1 s, a freeze of the window while a worker loads it. Added a word at a time from
    jieba's own dict.txt (the list jieba-rs embeds; add_word keeps the same frequencies,
    tags and total) the load takes ~0.3 s more but lets the GUI thread run in between."""

    def __init__(self, gently: bool = False) -> None:
        jieba_class = _rjieba_class()
        words = frequency_source() if gently else None
        if words is None:
            self._jieba = jieba_class()
            return
        self._jieba = jieba_class.empty()
        add = self._jieba.add_word
        with open(words, encoding="utf-8") as lines:
            for line in lines:  # as jieba-rs reads its own copy: word [freq [tag]]
                fields = line.split()
                if fields:
                    freq = int(fields[1]) if len(fields) > 1 else 0
                    add(fields[0], freq, fields[2] if len(fields) > 2 else "")

    def tag(self, text: str) -> list[tuple[str, str]]:
        return self._jieba.tag(text, True)

    def word_tag(self, word: str) -> str:
        tagged = self._jieba.tag(word, False)
        return tagged[0][1] if len(tagged) == 1 else "x"

    def add_word(self, word: str, tag: str) -> None:
        self._jieba.add_word(word, None, tag)  # frequency: enough to keep it whole


def _load_backend() -> Backend:
    return _RJiebaBackend()


def _load_backend_gently() -> Backend:
    return _RJiebaBackend(gently=True)


def _no_counts(word: str) -> int:
    return 0


class Segmenter:
    """jieba's words made to agree with a dictionary, given its headword test and (to rank
    splits by commonness) its corpus counts: the Analyzer passes its `Dictionary`'s
    `contains` and `frequency`; benchmarks and tests pass their own."""

    def __init__(
        self,
        is_headword: HeadwordTest,
        backend: Callable[[], Backend] = _load_backend,
        frequency: Callable[[str], int] = _no_counts,
    ) -> None:
        self._is_headword = is_headword
        self._frequency = frequency
        self._make_backend = backend
        self._backend: Backend | None = None
        self._lock = threading.Lock()
        self._word_tag = lru_cache(maxsize=65536)(self._uncached_word_tag)
        self._split = lru_cache(maxsize=65536)(self._uncached_split)
        # segment() and segment_tagged() of one article share the work.
        self._cached_tagged = lru_cache(maxsize=8)(self._segment_tagged)
        self._rules = WordRules()
        self._rule_pattern: re.Pattern[str] | None = None
        self._rule_splits: dict[str, tuple[str, ...]] = {}
        self._backend_words: frozenset[str] = frozenset()  # user words the back end knows

    def _loaded(self, gently: bool = False) -> Backend:
        if self._backend is None:
            with self._lock:
                if self._backend is None:
                    make = self._make_backend
                    if gently and make is _load_backend:
                        make = _load_backend_gently
                    backend = make()
                    for word in sorted(self._rules.words):
                        backend.add_word(word, USER_WORD_TAG)
                    self._backend_words = self._rules.words
                    self._backend = backend
        return self._backend

    @property
    def word_rules(self) -> WordRules:
        return self._rules

    def set_word_rules(self, rules: WordRules) -> None:
        """Use the user's boundary corrections from now on (a no-op when unchanged).

        Joined words also go into jieba's word list, so text around them is cut as around
        any known word; a word taken back needs a fresh list (jieba cannot forget one).
        """
        if rules == self._rules:
            return
        with self._lock:
            self._rules = rules
            texts = sorted({*rules.words, *(text for text, _ in rules.splits)},
                           key=lambda text: (-len(text), text))
            self._rule_pattern = re.compile("|".join(map(re.escape, texts))) if texts else None
            self._rule_splits = dict(rules.splits)
            if self._backend is not None:
                if self._backend_words <= rules.words:
                    for word in sorted(rules.words - self._backend_words):
                        self._backend.add_word(word, USER_WORD_TAG)
                    self._backend_words = rules.words
                else:
                    self._backend = None  # rebuilt with the remaining words on next use
        self._word_tag.cache_clear()
        self._cached_tagged.cache_clear()

    def load_gently(self) -> None:
        """Load the word list now, letting other threads run meanwhile (see
        `_RJiebaBackend`): for a worker whose long analysis the window waits on anyway."""
        self._loaded(gently=True)

    def warm_up(self) -> None:
        """Load the word list (and the headword index) now, not on the first article."""
        self._loaded().tag("中文")
        self._is_headword("中文")

    def segment(self, text: str) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _ in self._cached_tagged(text)]

    def segment_tagged(self, text: str) -> list[TaggedSpan]:
        return list(self._cached_tagged(text))

    def _segment_tagged(self, text: str) -> tuple[TaggedSpan, ...]:
        if not text:
            return ()
        # Lone surrogates (from surrogateescape'd input) can't reach the Rust back end, nor
        # native OpenCC; jieba reads １２月 as 12月 and 北京,上海 as 北京，上海 (analysis_form).
        simplified = analysis_form(to_simplified(replace_lone_surrogates(text)))
        if len(simplified) != len(text):  # never expected; keep offsets honest regardless
            simplified = replace_lone_surrogates(text)
        backend = self._loaded()
        spans: list[TaggedSpan] = []
        position = 0
        for word, tag in backend.tag(simplified):
            # Only guessed names can carry a glued word: most tokens skip both calls.
            if tag == "ns" and self._glued_preposition(word, tag):
                spans.append((position, position + 1, self._word_tag(word[0])))
                position, word = position + 1, word[1:]
            if tag == "nr" and self._glued_speech_verb(word, tag):
                spans.append((position, position + len(word) - 1, tag))
                position, word, tag = position + len(word) - 1, word[-1], "v"
            end = position + len(word)
            for piece in self._agreeing_pieces(word, tag, text[position:end]):
                piece_end = position + len(piece)
                piece_tag = tag if len(piece) == len(word) else self._word_tag(piece)
                spans.append((position, piece_end, piece_tag))
                position = piece_end
        if position != len(text):  # a back end that dropped characters must not lose text
            spans.append((position, len(text), "x"))
        spans = _split_wearing(simplified, spans)
        spans = self._regroup_counted_states(simplified, spans)
        spans = self._apply_rules(simplified, spans)
        return tuple(_attach_combining_marks(text, _join_latin_runs(text, spans)))

    def _apply_rules(self, simplified: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
        """The user's corrections win over any cut: no cut inside a joined word, cuts
        exactly at a split's parts, and cuts at both ends of every corrected occurrence."""
        pattern = self._rule_pattern
        if pattern is None:
            return spans
        forced: set[int] = set()
        forbidden: set[int] = set()
        for match in pattern.finditer(simplified):
            start, end = match.span()
            cuts = {start, end}
            position = start
            for part in self._rule_splits.get(match.group(), ())[:-1]:
                position += len(part)
                cuts.add(position)
            forced |= cuts
            forbidden.update(p for p in range(start + 1, end) if p not in cuts)
        if not forced:
            return spans
        old = {(start, end): tag for start, end, tag in spans}
        bounds = sorted(({start for start, _, _ in spans} - forbidden) | forced
                        | {len(simplified)})
        return [
            (start, end, old.get((start, end)) or self._word_tag(simplified[start:end]))
            for start, end in itertools.pairwise(bounds)
        ]

    def _regroup_counted_states(
        self, simplified: str, spans: list[TaggedSpan]
    ) -> list[TaggedSpan]:
        """两国共有, 两国共建: jieba cuts 两 + 国共 "Nationalists and Communists" + 有, so the
        reader hovered a word the sentence does not have and the panel listed 国共 as a body.
        Where the word before 国共 makes a word with 国 (两国, 各国, 该国), 国 is that word's
        and 共 "together" goes with the word after it when they make one (共有, 共建)."""
        if "国共" not in simplified:
            return spans
        out: list[TaggedSpan] = []
        k = 0
        while k < len(spans):
            start, end, tag = spans[k]
            before = out[-1] if out and out[-1][1] == start else None
            if (
                simplified[start:end] != "国共" or before is None
                or not self._is_headword(simplified[before[0] : start + 1])
            ):
                out.append((start, end, tag))
                k += 1
                continue
            out[-1] = (before[0], start + 1, self._word_tag(simplified[before[0] : start + 1]))
            after = spans[k + 1] if k + 1 < len(spans) else None
            if after is not None and self._is_headword(simplified[start + 1 : after[1]]):
                out.append((start + 1, after[1], self._word_tag(simplified[start + 1 : after[1]])))
                k += 2
            else:
                out.append((start + 1, end, self._word_tag("共")))
                k += 1
        return out

    def _glued_preposition(self, word: str, tag: str) -> bool:
        """为云溪 / 在云溪: a place the HMM guessed, with the preposition before it glued on.
        Only for a word neither jieba's list nor the dictionary knows (从化 and 对马 are
        places), and only for prepositions no place name starts with in practice."""
        return (
            tag == "ns" and len(word) >= 3 and word[0] in _GLUED_BEFORE_PLACES
            and not self._is_headword(word) and self._word_tag(word) == "x"
        )

    def _glued_speech_verb(self, word: str, tag: str) -> bool:
        """李华说 / 王小明称 / 李华率: a person the HMM guessed, with the verb after it glued
        on. Only for a word no list knows whose rest is a surname and one or two given
        characters (a known name that ends in 说 stays whole)."""
        if tag != "nr" or len(word) not in (3, 4) or word[-1] not in _GLUED_AFTER_NAMES:
            return False
        known = surnames()
        name = word[:-1]
        has_surname = name[:1] in known or (len(name) == 3 and name[:2] in known)
        return has_surname and not self._is_headword(word) and self._word_tag(word) == "x"

    def _agreeing_pieces(self, word: str, tag: str, shown: str) -> tuple[str, ...]:
        """The token itself, or the fewest headwords spelling it when it is not one."""
        if len(word) < 2 or len(word) > _LONGEST_SPLIT or tag in NAME_TAGS:
            return (word,)
        if not all_han(word) or self._is_headword(word):
            return (word,)
        if shown != word and self._is_headword(shown):
            return (word,)
        return self._split(word) or (word,)

    def _uncached_split(self, word: str) -> tuple[str, ...] | None:
        """Fewest headwords that spell `word`, then fewest lone characters (神经/科学, not
        神经科/学), then the most common pieces (业/内/人士, not 业/内人/士 "my wife");
        None when no split exists."""
        best: list[tuple[str, ...] | None] = [None] * len(word) + [()]
        for start in range(len(word) - 1, -1, -1):
            for end in range(len(word), start, -1):
                rest = best[end]
                if rest is None or end - start == len(word):
                    continue
                piece = word[start:end]
                if not self._is_headword(piece):
                    continue
                candidate = (piece, *rest)
                current = best[start]
                if current is None or self._split_cost(candidate) < self._split_cost(current):
                    best[start] = candidate
        return best[0]

    def _split_cost(self, pieces: tuple[str, ...]) -> tuple[int, int, float]:
        """Fewer pieces, fewer lone characters, then commoner pieces (corpus log counts):
        the commonness term lifts SIGHAN F1 on every corpus (benchmarks/bench_segmentation)."""
        commonness = sum(math.log1p(self._frequency(piece)) for piece in pieces)
        return len(pieces), sum(1 for piece in pieces if len(piece) == 1), -commonness

    def _uncached_word_tag(self, word: str) -> str:
        return self._loaded().word_tag(word)


def _join_latin_runs(text: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """jieba cuts 'Jégou' at the accent and full-width digits per character: rejoin them."""
    joined: list[TaggedSpan] = []
    for start, end, tag in spans:
        if (
            joined
            and _is_latin_char(text[start])
            and _is_latin_char(text[start - 1])
            and not has_han(text[joined[-1][0] : end])
        ):
            previous_start, _, previous_tag = joined[-1]
            joined[-1] = (previous_start, end, _latin_tag(text[previous_start:end], previous_tag))
            continue
        joined.append((start, end, tag))
    return joined


# jieba's one word for "wearing" (it tags it a verb); CC-CEDICT lists it only as the noun
# "attire" (chuān zhuó), in either script.
_WEARING = frozenset(["穿着", "穿著"])


def _split_wearing(simplified: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """穿着 before what is worn is the verb 穿 and the aspect particle 着, as jieba already
    cuts 戴着 and 换着: 他穿着一件红毛衣 "is wearing", read chuān zhe, and its popup
    explains 穿 and 着, not the noun "attire" (他的穿着很讲究 stays one word)."""
    if "穿着" not in simplified and "穿著" not in simplified:
        return spans
    out: list[TaggedSpan] = []
    for k, (start, end, tag) in enumerate(spans):
        if simplified[start:end] in _WEARING and worn_after(simplified, spans, k):
            out += [(start, start + 1, "v"), (start + 1, end, "uz")]
        else:
            out.append((start, end, tag))
    return out


def _attach_combining_marks(text: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """A combining mark belongs to the character before it, never a token of its own."""
    joined: list[TaggedSpan] = []
    for start, end, tag in spans:
        if joined and unicodedata.category(text[start]) in ("Mn", "Me"):
            previous_start, _, previous_tag = joined[-1]
            joined[-1] = (previous_start, end, previous_tag)
            continue
        joined.append((start, end, tag))
    return joined


def _latin_tag(word: str, fallback: str) -> str:
    if word.isdigit():
        return "m"
    return "eng" if any(char.isalpha() for char in word) else fallback
