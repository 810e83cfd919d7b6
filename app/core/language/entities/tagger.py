"""The trained entity tagger: a linear-chain CRF over characters.

The rules alone are tuned to news prose and miss what they were never written for (sports
clubs, game titles, company names they have no ending for). A CRF trained on annotated text
(CLUENER2020, see `train.py`) learns those from context. It reads each character with its
neighbours, the segmenter's word and part of speech around it, the dictionary's view of that
word, and what the lexicon and the rules already found there, so it learns when to trust them
and the rules keep contributing what no training text shows (English names, known aliases).

The model ships in `dictionaries/` behind a `#` header (the house rule for project data) and
is opened from memory on first use: a process that never tags pays nothing for it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.paths import dictionaries_dir
from app.core.text.chars import SENTENCE_ENDS, is_unified_han
from app.core.types import EntityType

if TYPE_CHECKING:
    from app.core.language.entities.mentions import _Context, _Mention

MODEL_FILE = "entity_tagger.crfsuite"
HEADER_END = b"#end of header\n"

LABELS: dict[str, EntityType] = {
    "PER": "person", "ORG": "organization", "LOC": "place", "WORK": "work",
}  # fmt: skip

# Where a sequence may be cut: the CRF sees one sentence at a time, as in training.
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]+")
_MAX_SEQUENCE = 300


def _shape(ch: str) -> str:
    if is_unified_han(ch):
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L" if ch.isupper() else "l"
    if ch.isspace():
        return "S"
    if ch.isalpha():
        return "A"
    return "P"


def _norm(ch: str) -> str:
    """Digits as one symbol, Latin letters case-folded: the shape feature keeps the case."""
    if ch.isdigit():
        return "0"
    return ch.lower() if ch.isascii() else ch


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces the CRF reads: sentences, long ones cut at 300 characters."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        yield from _cut(start, end)
        start = end
    if start < len(text):
        yield from _cut(start, len(text))


def _cut(start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > _MAX_SEQUENCE:
        yield start, start + _MAX_SEQUENCE
        start += _MAX_SEQUENCE
    if end > start:
        yield start, end


@dataclass(frozen=True, slots=True)
class _CharInfo:
    """What the features need per character, computed once for the whole text."""

    word_pos: list[str]  # "B_nr", "M_n", "E_ns", "S_v": place in the word and its tag
    word: list[str]  # the word a character sits in ("" when one character or not Han)
    word_kind: list[str]  # the dictionary's or lexicon's type of that word, or ""
    rule: list[str]  # "B-person" / "I-organization" from the rules, or ""
    lex: list[str]  # surname / transliteration flags
    before: list[str]  # the word before the character's word ("总统" for 克林顿)
    after: list[str]  # the word after it ("说", "队", "多云")


def _word_kind(ctx: _Context, word: str) -> str:
    """What the lexicon or CC-CEDICT says the word is ("suffix_place", "proper_person", ...)."""
    from app.core.language.entities.glosses import _proper_senses, _type_from_gloss

    lex = ctx.lex
    if word in lex.suffixes:
        return "suffix_" + lex.suffixes[word]
    if word in lex.places:
        return "place"
    if word in lex.bodies:
        return "body_" + lex.bodies[word]
    entries = ctx.entries.get(word)
    if not entries:
        return ""
    senses = _proper_senses(entries)
    return "proper_" + (_type_from_gloss(senses) or "none") if senses else "common"


def _char_info(ctx: _Context, rules: Sequence[_Mention]) -> _CharInfo:
    n = len(ctx.simple)
    word_pos = ["O"] * n
    word = [""] * n
    word_kind = [""] * n
    lex = ctx.lex
    kinds: dict[str, str] = {}
    for start, end, tag in ctx.tokens:
        w = ctx.simple[start:end]
        if end - start == 1:
            word_pos[start] = "S_" + tag
        else:
            word_pos[start] = "B_" + tag
            for i in range(start + 1, end - 1):
                word_pos[i] = "M_" + tag
            word_pos[end - 1] = "E_" + tag
        kind = kinds.get(w)
        if kind is None:
            kind = kinds[w] = _word_kind(ctx, w)
        if end - start > 1:
            for i in range(start, end):
                word[i] = w
                word_kind[i] = kind
        elif kind:
            word_kind[start] = kind
    before = [""] * n
    after = [""] * n
    words = [ctx.simple[s:e] if e - s <= 4 else "~" for s, e, _ in ctx.tokens]
    for k, (start, end, _) in enumerate(ctx.tokens):
        prev = words[k - 1] if k else "^"
        nxt = words[k + 1] if k + 1 < len(words) else "$"
        for i in range(start, end):
            before[i] = prev
            after[i] = nxt
    rule = [""] * n
    for m in rules:
        rule[m.start] = "B-" + m.type
        for i in range(m.start + 1, m.end):
            rule[i] = "I-" + m.type
    flags = [""] * n
    for i, ch in enumerate(ctx.simple):
        if ch in lex.surnames:
            flags[i] = "sur"
        if ch in lex.translit:
            flags[i] += "tl"
    return _CharInfo(word_pos, word, word_kind, rule, flags, before, after)


def features(ctx: _Context, rules: Sequence[_Mention], start: int, end: int,
             info: _CharInfo | None = None) -> list[list[str]]:  # fmt: skip
    """Feature strings for each character of ctx.simple[start:end]."""
    info = info or _char_info(ctx, rules)
    text = ctx.simple
    chars = ["^^", "^"] + [_norm(c) for c in text[start:end]] + ["$", "$$"]
    shapes = ["^", "^"] + [_shape(c) for c in text[start:end]] + ["$", "$"]
    out: list[list[str]] = []
    for k in range(end - start):
        i = start + k
        j = k + 2
        c = chars
        f = [
            "c0=" + c[j],
            "c-1=" + c[j - 1],
            "c1=" + c[j + 1],
            "c-2=" + c[j - 2],
            "c2=" + c[j + 2],
            "b-1=" + c[j - 1] + c[j],
            "b0=" + c[j] + c[j + 1],
            "b-2=" + c[j - 2] + c[j - 1],
            "b1=" + c[j + 1] + c[j + 2],
            "t0=" + c[j - 1] + c[j] + c[j + 1],
            "s=" + shapes[j - 1] + shapes[j] + shapes[j + 1],
            "wp=" + info.word_pos[i],
            "wp-1=" + (info.word_pos[i - 1] if i > start else "^"),
            "wp1=" + (info.word_pos[i + 1] if i + 1 < end else "$"),
            "r=" + info.rule[i],
            "r-1=" + (info.rule[i - 1] if i > start else "^"),
            "r1=" + (info.rule[i + 1] if i + 1 < end else "$"),
            "k=" + info.word_kind[i],
            "pw=" + info.before[i],
            "nw=" + info.after[i],
        ]
        if info.word[i]:
            f.append("w=" + info.word[i])
        if info.lex[i]:
            f.append("x=" + info.lex[i])
            f.append("x-1c=" + c[j - 1] + info.lex[i])
        out.append(f)
    return out


def spans_from_labels(labels: Sequence[str], offset: int = 0) -> list[tuple[int, int, str]]:
    """BIO labels -> (start, end, label) spans; an I- without its B- opens a span."""
    out: list[tuple[int, int, str]] = []
    begin, current = None, ""
    for i, label in enumerate([*labels, "O"]):
        kind = label[2:] if label != "O" else ""
        if begin is not None and not (label.startswith("I-") and kind == current):
            out.append((offset + begin, offset + i, current))
            begin = None
        if label.startswith("B-") or (label.startswith("I-") and begin is None):
            begin, current = i, kind
    return out


def read_model(path: Path) -> bytes:
    """The CRFsuite model after the file's text header."""
    data = path.read_bytes()
    cut = data.find(HEADER_END)
    if not data.startswith(b"#") or cut < 0:
        raise ValueError(f"{path.name}: no header")
    return data[cut + len(HEADER_END) :]


class EntityTagger:
    """The CRF, opened on first use; `tag` is safe to call from several threads."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or dictionaries_dir() / MODEL_FILE
        self._lock = threading.Lock()
        self._tagger = None
        self._bytes = b""

    def _model(self):
        if self._tagger is None:
            import pycrfsuite

            # CRFsuite reads the model in place: the bytes must live as long as the tagger.
            self._bytes = read_model(self.path)
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self._bytes)
            self._tagger = tagger
        return self._tagger

    @property
    def available(self) -> bool:
        return self.path.exists()

    def tag(self, ctx: _Context, rules: Sequence[_Mention]) -> list[Scored]:
        """The tagger's mentions in ctx.simple as (start, end, type, confidence): the least
        probability, over the span's characters, that the character is inside a mention of
        that type (the CRF's marginals; near 1 where it is sure, below 0.5 where it wavers)."""
        return self.tag_and_support(ctx, rules)[0]

    def tag_and_support(
        self, ctx: _Context, rules: Sequence[_Mention]
    ) -> tuple[list[Scored], dict[tuple[int, int, EntityType], float]]:
        """`tag`'s mentions, and for each of the rules' mentions the tagger's support for it:
        the least probability over its characters that the character is inside a mention of
        its type (the tagger may half believe a name its best labelling leaves out)."""
        info = _char_info(ctx, rules)
        out: list[Scored] = []
        support: dict[tuple[int, int, EntityType], float] = {}
        codes = {etype: code for code, etype in LABELS.items()}
        pending = sorted((m for m in rules if m.type in codes), key=lambda m: m.start)
        k = 0  # the next rule mention to score: sentences and mentions both run left to right
        with self._lock:
            model = self._model()
            for start, end in sentences(ctx.simple):
                if ctx.simple[start:end].isspace():
                    continue
                labels = model.tag(features(ctx, rules, start, end, info))
                for s, e, t in spans_from_labels(labels, start):
                    sure = min(_inside(model, t, i - start) for i in range(s, e))
                    out.append((s, e, LABELS[t], sure))
                while k < len(pending) and pending[k].start < end:
                    m = pending[k]
                    k += 1
                    if start <= m.start and m.end <= end:
                        support[(m.start, m.end, m.type)] = min(
                            _inside(model, codes[m.type], i - start) for i in range(m.start, m.end)
                        )
        return out, support


Scored = tuple[int, int, EntityType, float]


def _inside(model, label: str, pos: int) -> float:
    """P(the character at pos is inside a `label` mention), from the last tagged sequence."""
    return model.marginal("B-" + label, pos) + model.marginal("I-" + label, pos)

