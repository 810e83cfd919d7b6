"""Contextual pinyin: one tone-marked syllable per character, text in either script.

The reading shown in context never contradicts the dictionary shown under it. Per
polyphonic character:

1. a reading from ``dictionaries/pinyin_overrides.txt`` (project-made fixed expressions);
2. inside a dictionary word (the segmentation word, else its longest dictionary
   sub-words): a reading the dictionary lists for that word. CC-CEDICT is the authority,
   looked up as the text is written (traditional words too); where it lists several
   readings, pypinyin's phrase table picks one, else the network chooses between them
   (`same_reading`: a neutral tone and the full tone are one reading; a syllable CC-CEDICT
   reads neutral takes the one tone the network learnt for its letters, 弟弟 dì dì, where
   it learnt only one, else pypinyin's). Words CC-CEDICT
   lacks take pypinyin's phrase reading. The network never overrules a word's reading:
   measured on everyday text, that was most of what it got wrong;
3. a lone polyphone inside a dictionary word that the segmenter split into characters
   (压/轴, 评/弹): that word's reading (CC-CEDICT, or a pypinyin phrase jieba's word list
   counts as common), never across a particle or starting with a numeral; else inside a
   pypinyin phrase of three to five characters that whole segmentation words make up
   (老本/行, 轮机/长); a context rule that is sure of the character (都/会) comes first;
4. other lone polyphones: the g2pM BiLSTM's prediction (it reads a traditional character
   the conversion merged into one with other readings as written: 閤 gé, not 合 hé), then
   `polyphone_rules` where a grammatical context is unambiguous (为 wèi before an action,
   得 děi, 一只 zhī, 藏在 cáng, ...); a lone copy of the first or last character of the
   dictionary word beside it reads as in that word (聊|聊天, 懒|懒散|散);
   the adverbial particle 地 after a word of two or more characters (or a doubled one)
   and before an action reads "de";
5. without the network, pypinyin's most frequent reading.

一 and 不 are given their citation tones (yī, bù); the display applies tone sandhi if
the user asks (`app.core.language.sandhi`). Figures: benchmarks/bench_pinyin.py.

The network is g2pM (Park & Lee, "A Neural Grapheme-to-Phoneme Conversion Package for
Mandarin Chinese Based on a New Open Benchmark Dataset", Interspeech 2020,
https://github.com/kakaobrain/g2pM, Apache-2.0). Its forward pass is reimplemented
here (batched, input projections precomputed) on the weights shipped inside the
installed ``g2pM`` package; without numpy the reader still works, dictionary-only.
"""

from __future__ import annotations

import importlib.util
import math
import os
import pickle
import re
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.core.language.pinyin_tables import PinyinTables, open_tables, package_dir
from app.core.language.polyphone_rules import (
    GIVEN_NAMES,
    ON_THEIR_OWN,
    PLACE_ENDINGS,
    RULES,
    SURNAMES,
)
from app.core.language.surnames import surnames
from app.core.paths import dictionaries_dir
from app.core.text.chars import CLAUSE_MARKS, SENTENCE_ENDS, TONE_MARKED_VOWELS, is_han

if TYPE_CHECKING:
    from app.core.language.dictionary import Dictionary

# Where the network's input is cut: it was trained on single sentences.
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
_CLAUSE_END = re.compile(r"[，,、：:]")
# Punctuation that closes a clause (for override lines ending in "|").
_CLAUSE_FINAL = frozenset(CLAUSE_MARKS + "）)」』”")
_MAX_CHUNK = 150
_BATCH = 64
_OVERRIDES_FILE = "pinyin_overrides.txt"


@dataclass(frozen=True, slots=True)
class OverrideRule:
    reading: tuple[str, ...]
    open_end: bool = False  # "*": may end inside a segmentation word
    clause_end: bool = False  # "|": only before clause-final punctuation or the end


@dataclass(frozen=True, slots=True)
class Overrides:
    entries: dict[str, OverrideRule]
    max_len: int


@dataclass(frozen=True, slots=True)
class _Tables:
    """pypinyin's readings by character and by phrase (`PinyinTables`), and the project's
    overrides. CC-CEDICT's readings are asked of the dictionary for the words of each text."""

    pypinyin: PinyinTables
    overrides: Overrides

    @property
    def chars(self) -> dict[str, str]:
        return self.pypinyin.chars


def _full_tones(word: str, reading: str, chars: dict[str, str], phrase: str | None) -> str:
    """CC-CEDICT's neutral tones (晚上 wǎn shang) given a tone (wǎn shàng): pypinyin's for
    the word, else the character's own with those letters; a character whose most frequent
    reading is neutral (了 le, 们 men, 吗 ma) stays neutral, and so does the particle 得 after
    a verb (长得 zhǎng de, 显得 xiǎn de: nobody says dé there; 恨不得 often keeps dé).

    Read aloud, such syllables keep their tone often enough that a learner hears it; the
    dictionary's entry still shows its neutral mark, and `same_reading` treats both as one.
    """
    syllables = reading.split()
    spoken = phrase.split() if phrase else None
    for k, (ch, syllable) in enumerate(zip(word, syllables, strict=True)):
        if syllable != toneless(syllable) or (ch == "得" and len(word) == 2 and k == 1):
            continue
        if spoken and toneless(spoken[k]) == syllable:
            syllables[k] = spoken[k]
            continue
        own = chars.get(ch, "").split(",")
        if own[0] == syllable:
            continue
        same = [r for r in own if toneless(r) == syllable]
        if same:
            syllables[k] = same[0]
    return " ".join(syllables)


def cedict_readings(found: Sequence[tuple[str, str, bool]], tables: PinyinTables) -> str:
    """A word's CC-CEDICT readings (from `Dictionary.readings_many`) as the reader uses them:
    "a b|c d", common readings before names', file order otherwise, "" if none is a
    reading per character (letters, erhua r5)."""
    from app.core.language.cedict import numbered_to_marks

    common: list[str] = []
    names: list[str] = []
    for numbered, simplified, proper in found:
        syllables = numbered.split()
        if len(syllables) != len(simplified) or not all(s[-1:].isdigit() for s in syllables):
            continue
        reading = numbered_to_marks(numbered).lower()  # neutral tones: see word_candidates
        target = names if proper else common
        if not any(same_reading(reading.split(), r.split()) for r in target):
            target.append(reading)
    return "|".join(common + [r for r in names if r not in common])


def _open_dictionary(dictionary: Callable[[], Dictionary] | None) -> Dictionary | None:
    from app.core.errors import UserError

    if dictionary is None:
        return None
    try:
        return dictionary()
    except (UserError, OSError):  # no index can be built: pypinyin's phrases alone
        return None


def parse_overrides(lines: Iterable[str]) -> Overrides:
    """Lines `text<TAB>tone-marked syllables`; '#' starts a comment.

    `text` must start at a segmentation word and (unless it ends in "*") end at one;
    a trailing "|" also requires clause-final punctuation (or the end) right after it.
    """
    entries: dict[str, OverrideRule] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, _, reading = line.partition("\t")
        pattern = pattern.strip()
        open_end = pattern.endswith("*")
        clause_end = pattern.endswith("|")
        word = pattern.rstrip("*|")
        syllables = tuple(reading.split())
        if word and len(syllables) == len(word):
            entries[word] = OverrideRule(syllables, open_end, clause_end)
    return Overrides(entries, max((len(w) for w in entries), default=0))


def _load_tables() -> _Tables:
    path = dictionaries_dir() / _OVERRIDES_FILE
    overrides = Overrides({}, 0)
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            overrides = parse_overrides(fh)
    return _Tables(open_tables(), overrides)


# What follows an adverbial 地: an action, not a noun, a number, 的 or the clause's end
# (油菜地。, 养殖地的, 地王 are the noun dì).
_NOT_AFTER_DE = frozenset(["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "q", "uj", "x"])

# Tags of the words that make a place noun with 地 (养殖/vn 地, 滑坡/ns 地), never an
# adverb: an action named as a noun, and names.
_PLACE_MAKERS = frozenset(["vn", "ns", "nr", "nt", "nz"])


def _adverbial_de(
    text: str, tagged: Sequence[tuple[int, int, str]], settled: Collection[int]
) -> list[int]:
    """地 read "de": the adverbial particle after a word of two or more characters
    (认真地, 慢慢地, 不断地) or a doubled character (一片片地, 软软地), before an action,
    unless a dictionary word already reads it (地方, 地区). jieba sometimes glues it to
    the next character (地说), so a word start counts."""
    found = []
    for k in range(1, len(tagged)):
        prev_start, prev_end, prev_tag = tagged[k - 1]
        start, end, _ = tagged[k]
        if text[start] != "地" or start in settled or prev_end != start:
            continue
        if prev_tag in _PLACE_MAKERS:
            continue  # 养殖地, 滑坡地, 出生地: the ground where it happens, dì
        before = text[prev_start:prev_end]
        doubled = prev_start >= 1 and text[prev_start - 1] == before
        # An adjective in 性 (启发性, 历史性; jieba may cut 性 off) makes only adverbs with
        # 地, whatever jieba tags the action after it (前瞻性地布局/n).
        quality = before[-1:] == "性" and prev_start >= 1 and is_han(text[prev_start - 1])
        if not all(is_han(ch) for ch in before) or (
            len(before) < 2 and not doubled and not quality
        ):
            continue
        if end - start == 1:  # 地 alone: the next word must be no noun
            nxt = tagged[k + 1] if k + 1 < len(tagged) else None
            if nxt is None or not is_han(text[nxt[0]]) or (
                nxt[2] in _NOT_AFTER_DE and not (quality and nxt[2] == "n")
            ):
                continue
        found.append(start)
    return found


class PolyphoneModel:
    """g2pM's one-layer BiLSTM + two-layer classifier, batched in numpy."""

    def __init__(self, package_dir: Path) -> None:
        import numpy as np

        from app.core.language.cedict import numbered_to_marks

        def load(name: str):  # pickles of dicts and numpy arrays
            with open(package_dir / name, "rb") as fh:
                return pickle.load(fh)

        self._np = np
        self._char_ids: dict[str, int] = load("char2idx.pkl")
        self._unk = self._char_ids["<UNK>"]
        self._bos = self._char_ids["시"]  # g2pM's BOS/EOS tokens
        self._eos = self._char_ids["끝"]
        class_ids: dict[str, int] = load("class2idx.pkl")
        self.labels = [""] * len(class_ids)
        for label, index in class_ids.items():
            self.labels[index] = numbered_to_marks(label)
        # Readings each polyphonic character may take (class indices); g2pM's table of
        # every character's readings is dropped as soon as they are picked out.
        self.candidates: dict[str, np.ndarray] = {
            ch: np.array([class_ids[p] for p in prons if p in class_ids], dtype=np.int64)
            for ch, prons in load("digest_cedict.pkl").items()
            if len(prons) > 1
        }
        self._load_weights(load("np_ckpt.pkl"))

    def _load_weights(self, state: dict) -> None:
        """The network's matrices from g2pM's state dict, built in place: the window loads
        the model while it analyses, so no full-size temporary may stack on top."""
        np = self._np
        emb = np.asarray(state["embedding.weight"], dtype=np.float32)
        hid = state["lstm.weight_hh_l0"].shape[1]
        # sigmoid(z) = (tanh(z/2) + 1) / 2: halving the i, f, o gate rows lets one tanh
        # per step serve all four gates (PyTorch gate order i, f, g, o).
        scale = np.full(4 * hid, 0.5, dtype=np.float32)
        scale[2 * hid : 3 * hid] = 1.0
        # Input projections of every vocabulary item, forward rows then backward: (2V, 4H),
        # (emb @ W_ih.T + b_ih + b_hh) * scale per direction.
        vocab = emb.shape[0]
        self._x_proj = np.empty((2 * vocab, 4 * hid), dtype=np.float32)
        for rows, s in ((slice(0, vocab), ""), (slice(vocab, 2 * vocab), "_reverse")):
            part = self._x_proj[rows]
            np.matmul(emb, state[f"lstm.weight_ih_l0{s}"].T, out=part)
            part += state[f"lstm.bias_ih_l0{s}"]
            part += state[f"lstm.bias_hh_l0{s}"]
            part *= scale
        self._vocab_size = vocab
        # Recurrent weights, both directions: (2, H, 4H).
        self._w_hh = np.stack(
            [state[f"lstm.weight_hh_l0{s}"].T * scale for s in ("", "_reverse")]
        ).astype(np.float32)
        self._hidden = self._w_hh.shape[1]
        self._w0 = state["logit_layer.0.weight"].T.astype(np.float32)
        self._b0 = state["logit_layer.0.bias"].astype(np.float32)
        self._w1 = state["logit_layer.2.weight"].T.astype(np.float32)
        self._b1 = state["logit_layer.2.bias"].astype(np.float32)

    def probabilities(
        self, sentences: Sequence[str], targets: Sequence[Sequence[int]]
    ) -> list[list[dict[str, float]]]:
        """For each sentence, for each target index: reading -> probability (its readings only)."""
        np = self._np
        results: list[list[dict[str, float]]] = [[] for _ in sentences]
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        for start in range(0, len(order), _BATCH):
            batch = [i for i in order[start : start + _BATCH] if targets[i]]
            if not batch:
                continue
            logits = self._forward([sentences[i] for i in batch], [targets[i] for i in batch])
            row = 0
            for i in batch:
                for t in targets[i]:
                    cand = self.candidates.get(sentences[i][t])
                    if cand is None or len(cand) == 0:
                        results[i].append({})
                    else:
                        scores = logits[row, cand]
                        scores = np.exp(scores - scores.max())
                        scores /= scores.sum()
                        results[i].append(
                            {self.labels[c]: float(p) for c, p in zip(cand, scores, strict=True)}
                        )
                    row += 1
        return results

    def _forward(self, sentences: list[str], targets: list[Sequence[int]]):  # -> logits
        np = self._np
        lengths = np.array([len(s) + 2 for s in sentences])
        batch, steps = len(sentences), int(lengths.max())
        ids = np.zeros((batch, steps), dtype=np.int64)  # 0 = <PAD>
        get = self._char_ids.get
        for b, sentence in enumerate(sentences):
            ids[b, : len(sentence) + 2] = [
                self._bos,
                *(get(ch, self._unk) for ch in sentence),
                self._eos,
            ]
        # The backward direction reads each sentence reversed within its own length.
        positions = np.arange(steps)
        inside = positions < lengths[:, None]
        rev_pos = np.where(inside, lengths[:, None] - 1 - positions, positions)
        rev_ids = np.take_along_axis(ids, rev_pos, axis=1)
        # Row of each step's input projection: (T, 2, B), forward then backward.
        steps_ids = np.stack([ids.T, rev_ids.T + self._vocab_size], axis=1)
        hid = self._hidden
        h = np.zeros((2, batch, hid), dtype=np.float32)
        c = np.zeros_like(h)
        outputs = np.empty((steps, 2, batch, hid), dtype=np.float32)
        x_proj, w_hh = self._x_proj, self._w_hh
        for t in range(steps):
            gates = np.tanh(x_proj[steps_ids[t]] + h @ w_hh)
            gates[..., : 2 * hid] += 1.0
            gates[..., : 2 * hid] *= 0.5
            gates[..., 3 * hid :] += 1.0
            gates[..., 3 * hid :] *= 0.5
            c = gates[..., hid : 2 * hid] * c + gates[..., :hid] * gates[..., 2 * hid : 3 * hid]
            h = gates[..., 3 * hid :] * np.tanh(c)
            outputs[t] = h
        rows_b, rows_fw, rows_bw = [], [], []
        for b, tlist in enumerate(targets):
            for t in tlist:
                rows_b.append(b)
                rows_fw.append(t + 1)  # +1 for BOS
                rows_bw.append(int(lengths[b]) - 2 - t)
        rows_b_arr = np.array(rows_b)
        hidden = np.concatenate(
            [outputs[rows_fw, 0, rows_b_arr], outputs[rows_bw, 1, rows_b_arr]], axis=1
        )
        layer = np.maximum(hidden @ self._w0 + self._b0, 0.0)
        return layer @ self._w1 + self._b1


def _load_model() -> PolyphoneModel | None:
    base = package_dir("g2pM")
    if base is None or importlib.util.find_spec("numpy") is None:
        return None
    if "numpy" not in sys.modules:
        # The matrices are tiny: BLAS worker threads only add contention (2x CPU time).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        return PolyphoneModel(base)
    except (OSError, KeyError, pickle.UnpicklingError):
        return None


def _simplified_for_lookup(text: str) -> str:
    """The text in simplified characters, same length, for pypinyin's tables and the network.

    OpenCC keeps 著 (著名 zhù) where traditional text writes the particle 着 (聽著, 看著): a
    著 that no dictionary word claims is read as 着 there (`_particle_zhe`).
    """
    from app.core.text.script import to_simplified

    converted = to_simplified(text)
    return converted if len(converted) == len(text) else text


# Characters that never start or sit inside a word joined across segmentation words: the
# structural particles (相片中的 is not 中的 "to hit the target"; 著, the traditional
# particle 着 that OpenCC keeps: 穿/著 is not 穿著 "attire"), and numerals (一场 is a
# number and a measure word, not a word of its own).
_PARTICLES = frozenset("的了着著地得过吗呢吧啊")
_NUMERALS = frozenset("一二两三四五六七八九十百千万几半每")
_JOIN_MAX = 4
_PHRASE_MAX = 5


def _joined_spans(
    text: str, words: Sequence[tuple[int, int]], lone: Collection[int]
) -> dict[int, list[tuple[int, int]]]:
    """For each lone polyphone, the runs of one-character segmentation words around it that
    may be a word the segmenter split (压/轴, 评/弹, 短/发): two to four Han characters, no
    particle, not starting with a numeral, not one character doubled (查查); longest first."""
    return _word_runs(text, words, lone, whole_words=False)


def _phrase_spans(
    text: str, words: Sequence[tuple[int, int]], lone: Collection[int]
) -> dict[int, list[tuple[int, int]]]:
    """For each lone polyphone, the runs of whole segmentation words around it, one of
    them two characters or more, that may be a pypinyin phrase of three to five
    characters (老本/行, 轮机/长, 干/亲家): no particle, not starting with a numeral;
    longest first. Runs of single characters are `_joined_spans`' own."""
    return _word_runs(text, words, lone, whole_words=True)


def _word_runs(
    text: str, words: Sequence[tuple[int, int]], lone: Collection[int], whole_words: bool
) -> dict[int, list[tuple[int, int]]]:
    """The runs `_joined_spans` (one-character words only) or `_phrase_spans` (a longer
    word among them) look for."""
    longest = _PHRASE_MAX if whole_words else _JOIN_MAX
    index = {s: k for k, (s, _) in enumerate(words)}
    out: dict[int, list[tuple[int, int]]] = {}
    for i in lone:
        k = index.get(i)
        if k is None:
            continue
        options = []
        for k0 in range(k, -1, -1):
            a, a_end = words[k0]
            if (a_end - a > 1 and not whole_words) or i + 1 - a > longest:
                break
            for k1 in range(k, len(words)):
                b_start, b = words[k1]
                if (b - b_start > 1 and not whole_words) or b - a > longest:
                    break
                piece = text[a:b]
                if whole_words:  # three or more characters, a longer word among them
                    shaped = len(piece) >= 3 and k1 - k0 + 1 < len(piece)
                else:  # two or more, not one character doubled
                    shaped = len(piece) >= 2 and len(set(piece)) > 1
                if (
                    shaped
                    and all(is_han(ch) and ch not in _PARTICLES for ch in piece)
                    and piece[0] not in _NUMERALS
                ):
                    options.append((a, b))
        if options:
            out[i] = sorted(options, key=lambda span: (span[0] - span[1], span[0]))
    return out


def _particle_zhe(text: str, simplified: str, in_words: Collection[int]) -> str:
    """著 outside a dictionary word (聽著, 陪著, 有著) is the particle 着 of simplified text
    (OpenCC keeps traditional 著 as 著); inside one (著名, 顯著, 意味著) the word decides."""
    if "著" not in text:
        return simplified
    chars = list(simplified)
    for i, ch in enumerate(text):
        if ch == "著" and i not in in_words:
            chars[i] = "着"
    return "".join(chars)


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentence spans for the network; overlong ones cut at clause marks, then hard."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        # A line break ends the sentence but is no part of it (the network never saw one).
        out.append((start, m.start() if m.group().isspace() else m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    result: list[tuple[int, int]] = []
    for s, e in out:
        while e - s > _MAX_CHUNK:
            cut = None
            for m in _CLAUSE_END.finditer(text, s + _MAX_CHUNK // 3, s + _MAX_CHUNK):
                cut = m.end()
            cut = cut or s + _MAX_CHUNK
            result.append((s, cut))
            s = cut
        result.append((s, e))
    return result


_NEUTRAL_STRIP = str.maketrans(TONE_MARKED_VOWELS, "aaaaeeeeiiiioooouuuuüüüü")


def toneless(syllable: str) -> str:
    """'zhǎng' -> 'zhang': the letters of a syllable without its tone."""
    return syllable.translate(_NEUTRAL_STRIP)


def same_reading(shown: Sequence[str], listed: Sequence[str]) -> bool:
    """Is `shown` the reading `listed` (a dictionary's), allowing for neutral tones?

    CC-CEDICT marks a syllable neutral where it is usually unstressed (部分 bù fen); its full
    tone (bù fèn) is the same reading said carefully, not a different one.
    """
    if len(shown) != len(listed):
        return False
    for a, b in zip(shown, listed, strict=True):
        a, b = a.lower(), b.lower()
        if a != b and not ((a == toneless(a) or b == toneless(b)) and toneless(a) == toneless(b)):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Candidates:
    """The readings the dictionaries list for one word, the likeliest first."""

    readings: list[tuple[str, ...]]
    backed: bool  # pypinyin's phrase table reads the word as the first one
    # Per reading: offsets CC-CEDICT reads in the neutral tone (the tone shown there is
    # pypinyin's; the network may choose another of the same letters).
    neutral: tuple[frozenset[int], ...] = ()

    def open_tones(self, n: int) -> frozenset[int]:
        """The offsets of the n-th reading CC-CEDICT reads neutral (none when unknown)."""
        return self.neutral[n] if n < len(self.neutral) else frozenset()


def _settle(
    start: int, candidates: Candidates, fixed: dict[int, str], neutral_at: dict[int, str]
) -> None:
    """A word read as its first candidate: its syllables go into `fixed`, and those
    CC-CEDICT reads neutral into `neutral_at` (their letters), for `_learnt_tones`."""
    reading = candidates.readings[0]
    for k, syllable in enumerate(reading):
        fixed[start + k] = syllable
    for k in candidates.open_tones(0):
        neutral_at[start + k] = toneless(reading[k])


@dataclass
class _Plan:
    """What the dictionaries settle before the network runs."""

    fixed: dict[int, str]  # position -> reading nobody may change
    words: list[tuple[int, Candidates]]  # word start -> readings to choose from
    pending: list[int]  # single polyphones the network (or a rule) decides
    simplified: str  # the text the network and the character table read
    cedict: dict[str, str]  # CC-CEDICT's readings of the text's words and lone polyphones
    joined: list[int]  # lone polyphones read in a dictionary word the segmenter split
    # Syllables of words read as fixed that CC-CEDICT reads neutral -> their letters.
    neutral: dict[int, str]


class WordSegmenter(Protocol):
    """What the reader asks of `app.core.language.segmentation.Segmenter`."""

    def segment(self, text: str) -> list[tuple[int, int]]: ...

    def segment_tagged(self, text: str) -> list[tuple[int, int, str]]: ...


class PinyinReader:
    """Reads text in context; tables and network load on first use.

    `dictionary` returns the CC-CEDICT `Dictionary` (or raises UserError/OSError when it
    cannot be built: the reader then uses pypinyin's phrases alone); `segmenter` returns
    the segmenter whose words (and part-of-speech tags) give the context, the window's
    own. Both are called on first need, so a reader costs nothing until it reads. Without
    a segmenter, text read without `words` is read character by character.
    """

    def __init__(
        self,
        dictionary: Callable[[], Dictionary] | None = None,
        segmenter: Callable[[], WordSegmenter] | None = None,
    ) -> None:
        self._dictionary = dictionary
        self._segmenter = segmenter
        self._lock = threading.Lock()
        self._tables: _Tables | None = None
        self._model: PolyphoneModel | None = None
        self._model_loaded = False
        self._split_readings: dict[str, tuple[str, ...]] = {}
        # CC-CEDICT readings already asked for ("" = no entry): bounded, see _cedict_for.
        self._cedict: dict[str, str] = {}

    def tables(self) -> _Tables:
        if self._tables is None:
            with self._lock:
                if self._tables is None:
                    self._tables = _load_tables()
        return self._tables

    def model(self) -> PolyphoneModel | None:
        if not self._model_loaded:
            with self._lock:
                if not self._model_loaded:
                    self._model = _load_model()
                    self._model_loaded = True
        return self._model

    def words(self, text: str) -> list[tuple[int, int]]:
        """The reader's own words, so pinyin context matches what the window shows."""
        if self._segmenter is None:
            return [(i, i + 1) for i in range(len(text))]
        return self._segmenter().segment(text)

    def _tagged_spans(
        self, text: str, words: Sequence[tuple[int, int]]
    ) -> list[tuple[int, int, str]] | None:
        """The segmenter's part-of-speech tags for these very words (None for other spans)."""
        if self._segmenter is None:
            return None
        tagged = self._segmenter().segment_tagged(text)
        if len(tagged) != len(words) or any(
            (s, e) != (ts, te) for (s, e), (ts, te, _) in zip(words, tagged, strict=True)
        ):
            return None
        return tagged

    def char_readings(self, ch: str) -> tuple[str, ...]:
        """Every reading pypinyin knows for a character, the most frequent first."""
        readings = self._split_readings.get(ch)
        if readings is None:
            joined = self.tables().chars.get(ch)
            readings = tuple(joined.split(",")) if joined else ()
            self._split_readings[ch] = readings
        return readings

    def _cedict_for(self, keys: Iterable[str]) -> dict[str, str]:
        """CC-CEDICT's readings of these words ("a b|c d", "" for none), asked of the
        dictionary in one query for those not asked before."""
        known = self._cedict
        missing = [k for k in dict.fromkeys(keys) if k not in known]
        if missing:
            dictionary = _open_dictionary(self._dictionary)
            found = dictionary.readings_many(missing) if dictionary is not None else {}
            if len(known) > _CEDICT_CACHE:  # a long session: start again rather than grow
                known = self._cedict = {}
            tables = self.tables().pypinyin
            tables.prefetch(simplified for rows in found.values() for _, simplified, _ in rows)
            for key in missing:
                rows = found.get(key)
                known[key] = cedict_readings(rows, tables) if rows else ""
        return known

    def _cedict_keys(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]]
    ) -> list[str]:
        """Every word and sub-word (two or more Han characters, holding a polyphone) that the
        reading of `text` may look up, in both forms; and each lone polyphone."""
        chars = self.tables().chars
        keys: list[str] = []
        for start, end in words:
            if end - start == 1:
                if "," in chars.get(simplified[start], ""):
                    keys += [text[start], simplified[start]]
                continue
            if all(map(is_han, simplified[start:end])):
                keys += [text[start:end], simplified[start:end]]
            for i in range(start, end - 1):
                for j in range(i + 2, min(end, i + _MAX_SUBWORD) + 1):
                    piece = simplified[i:j]
                    if any("," in chars.get(ch, "") for ch in piece) and all(map(is_han, piece)):
                        keys += [text[i:j], piece]
        return keys

    def word_candidates(
        self, word: str, simplified: str, cedict: dict[str, str] | None = None
    ) -> Candidates | None:
        """The readings the dictionaries list for a word of two or more characters.

        CC-CEDICT (looked up as written, so traditional words count too) is the authority
        when it has the word; pypinyin's phrase reading only chooses the tones of syllables
        CC-CEDICT leaves neutral, and orders the candidates. A word CC-CEDICT lacks takes
        pypinyin's one reading. None: neither knows the word. `backed`: pypinyin's phrase
        table agrees with the first candidate.
        """
        tables = self.tables()
        if cedict is None:
            cedict = self._cedict_for([word, simplified])
        listed = cedict.get(word) or cedict.get(simplified)
        phrase = tables.pypinyin.phrase(simplified)
        phrase_reading = tuple(phrase.split()) if phrase else None
        if not listed:
            return Candidates([phrase_reading], True) if phrase_reading else None
        candidates: list[tuple[str, ...]] = []
        neutral: list[frozenset[int]] = []
        backed = False
        for joined in listed.split("|"):
            raw = joined.split()
            reading = tuple(_full_tones(simplified, joined, tables.chars, phrase).split())
            toneless_at = frozenset(k for k, syl in enumerate(raw) if syl == toneless(syl))
            if phrase_reading and same_reading(phrase_reading, reading):
                if reading in candidates:
                    del neutral[candidates.index(reading)]
                    candidates.remove(reading)
                candidates.insert(0, reading)
                neutral.insert(0, toneless_at)
                backed = True
            elif not any(same_reading(reading, c) for c in candidates):
                candidates.append(reading)
                neutral.append(toneless_at)
        return Candidates(candidates, backed, tuple(neutral))

    def _dictionary_words(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]],
        cedict: dict[str, str],
    ) -> dict[int, tuple[int, Candidates]]:
        """start -> (end, candidates) for every dictionary word: whole segmentation words,
        else their longest dictionary sub-words, left to right."""
        tables = self.tables()
        longest = max(tables.pypinyin.max_word, _MAX_SUBWORD)
        found: dict[int, tuple[int, Candidates]] = {}
        for start, end in words:
            if end - start < 2:
                continue
            pos = start
            while pos < end - 1:
                for length in range(min(end - pos, longest), 1, -1):
                    piece = slice(pos, pos + length)
                    candidates = self.word_candidates(text[piece], simplified[piece], cedict)
                    if candidates:
                        found[pos] = (pos + length, candidates)
                        pos += length
                        break
                else:
                    pos += 1
        return found

    def override_readings(self, text: str, words: Sequence[tuple[int, int]]) -> dict[int, str]:
        """Readings fixed by the project's overrides file (see its header for the syntax)."""
        overrides = self.tables().overrides
        if not overrides.entries:
            return {}
        starts = {s for s, _ in words}
        ends = {e for _, e in words} | {len(text)}
        settled: dict[int, str] = {}
        for start in sorted(starts):
            for length in range(min(overrides.max_len, len(text) - start), 0, -1):
                rule = overrides.entries.get(text[start : start + length])
                if rule is None:
                    continue
                end = start + length
                if not rule.open_end and end not in ends:
                    continue
                if rule.clause_end and end < len(text) and text[end] not in _CLAUSE_FINAL:
                    continue
                for k, syllable in enumerate(rule.reading):
                    settled.setdefault(start + k, syllable)
                break
        return settled

    def _lone_polyphones(self, simplified: str, words: Sequence[tuple[int, int]]) -> list[int]:
        """Polyphones that are a segmentation word of their own."""
        chars = self.tables().chars
        return [s for s, e in words if e - s == 1 and "," in chars.get(simplified[s], "")]

    def _joined_reading(
        self, text: str, simplified: str, i: int, options: Sequence[tuple[int, int]],
        cedict: dict[str, str],
    ) -> str | None:
        """The reading of lone polyphone `i` in the longest dictionary word around it that
        the segmenter split: a CC-CEDICT word, or a pypinyin phrase jieba's word list counts
        as common (pypinyin's table also holds generated phrases: 率部, 劈成). None when
        there is none, or its readings differ at `i` (the network chooses then)."""
        phrases = self.tables().pypinyin
        for a, b in options:
            listed = cedict.get(text[a:b]) or cedict.get(simplified[a:b])
            if not listed and not phrases.is_common(simplified[a:b]):
                continue
            candidates = self.word_candidates(text[a:b], simplified[a:b], cedict)
            if candidates is None:
                continue
            syllables = {reading[i - a] for reading in candidates.readings}
            if len(syllables) == 1 or candidates.backed:
                return candidates.readings[0][i - a]
            return None
        return None

    def _prefetch_phrases(
        self, simplified: str, words: Sequence[tuple[int, int]],
        runs: Iterable[list[tuple[int, int]]],
    ) -> None:
        """Ask pypinyin's phrase table at once for every phrase reading this text may need:
        the pieces of words `_dictionary_words` tries, the runs `_joined_reading` and the
        phrase spans try (`runs`: each lone polyphone's options)."""
        tables = self.tables().pypinyin
        chars = tables.chars
        polyphones = [0]  # polyphones before each position
        for ch in simplified:
            polyphones.append(polyphones[-1] + ("," in chars.get(ch, "")))
        keys = [simplified[a:b] for options in runs for a, b in options]
        for start, end in words:
            for i in range(start, end - 1):
                for j in range(i + 2, min(end, i + tables.max_word) + 1):
                    if polyphones[j] > polyphones[i]:
                        keys.append(simplified[i:j])
        tables.prefetch(keys)

    def _plan(self, text: str, simplified: str, words: Sequence[tuple[int, int]]) -> _Plan:
        fixed = self.override_readings(simplified, words)
        neutral_at: dict[int, str] = {}
        in_words: set[int] = set()
        lone = self._lone_polyphones(simplified, words)
        spans = _joined_spans(simplified, words, lone)
        phrase_spans = _phrase_spans(simplified, words, lone)
        keys = self._cedict_keys(text, simplified, words)
        keys += [k for options in spans.values() for a, b in options
                 for k in (text[a:b], simplified[a:b])]
        # Before CC-CEDICT's; both kinds of run (a polyphone may have both).
        self._prefetch_phrases(simplified, words, [*spans.values(), *phrase_spans.values()])
        cedict = self._cedict_for(keys)
        dictionary_words = self._dictionary_words(text, simplified, words, cedict)
        choices: list[tuple[int, Candidates]] = []
        joined: list[int] = []
        for start, (end, candidates) in dictionary_words.items():
            in_words.update(range(start, end))
            if any(i in fixed for i in range(start, end)):
                continue  # an override covers (part of) the word
            if len(candidates.readings) == 1 or candidates.backed:
                _settle(start, candidates, fixed, neutral_at)
            else:
                choices.append((start, candidates))
        choices = self._ruled_choices(text, simplified, words, choices, fixed, neutral_at)
        # A context rule that is sure of a character outranks a word around it (都/会).
        ruled = self._rule_readings(text, simplified, words, {**spans, **phrase_spans})
        for i, options in spans.items():
            if i not in fixed and i not in in_words and i not in ruled:
                reading = self._joined_reading(text, simplified, i, options, cedict)
                if reading:
                    fixed[i] = reading
                    joined.append(i)
        phrases = self.tables().pypinyin
        for i, options in phrase_spans.items():
            if i in fixed or i in in_words or i in ruled:
                continue
            for a, b in options:
                phrase = phrases.phrase(simplified[a:b])
                if phrase:
                    fixed[i] = phrase.split()[i - a]
                    joined.append(i)
                    break
        if "地" in simplified:
            tagged = self._tagged_spans(text, words)
            if tagged is None:  # spans of the caller's own: words without tags
                tagged = [(s, e, "") for s, e in words]
            for i in _adverbial_de(simplified, tagged, in_words):
                fixed.setdefault(i, "de")
        pending = [
            i
            for i, ch in enumerate(simplified)
            if i not in fixed and i not in in_words and len(self.char_readings(ch)) > 1
        ]
        return _Plan(
            fixed, choices, pending, _particle_zhe(text, simplified, in_words), cedict, joined,
            {i: letters for i, letters in neutral_at.items() if fixed.get(i) is not None},
        )

    def read(self, text: str, words: Sequence[tuple[int, int]] | None = None) -> list[str]:
        """One tone-marked syllable per Han character, "" for everything else.

        `text` may be in either script (traditional words are looked up as written);
        `words` are the segmentation spans (default: the reader's segmenter, `words(text)`).
        """
        out = [""] * len(text)
        if not any(is_han(ch) for ch in text):
            return out
        converted = _simplified_for_lookup(text)
        if words is None:
            words = self.words(text)
        plan = self._plan(text, converted, words)
        simplified = plan.simplified
        for i, ch in enumerate(simplified):
            readings = self.char_readings(ch) if is_han(ch) else ()
            if readings:
                out[i] = readings[0]
        for i, syllable in plan.fixed.items():
            out[i] = syllable
        for start, candidates in plan.words:
            for k, syllable in enumerate(candidates.readings[0]):
                out[start + k] = syllable
        if plan.pending or plan.words:
            network_text = self._network_text(text, converted, simplified)
            self._predict(network_text, plan, out)
            for i in plan.pending:  # an original with one reading: that reading
                if network_text[i] != simplified[i]:
                    own = self.char_readings(network_text[i])
                    if len(own) == 1:
                        out[i] = own[0]
        if plan.neutral or plan.words:
            self._learnt_tones(simplified, plan, out)
        self._apply_rules(text, simplified, words, plan.pending, out)
        self._keep_to_dictionary(text, plan, out)
        return out

    def _network_text(self, text: str, converted: str, simplified: str) -> str:
        """What the network reads: the simplified text, except where the conversion merged a
        character into one with other readings (閤 gé -> 合 hé, 乾 qián -> 干): the network
        knows the original, and its reading is the original's."""
        if text == converted:
            return simplified
        out = list(simplified)
        for i, (original, merged) in enumerate(zip(text, converted, strict=True)):
            if original != merged:
                own = self.char_readings(original)
                if own and set(own) != set(self.char_readings(merged)):
                    out[i] = original
        return "".join(out)

    def _keep_to_dictionary(self, text: str, plan: _Plan, out: list[str]) -> None:
        """A lone character reads as CC-CEDICT lists it (谁 shéi, not pypinyin's shuí), also
        where a word the segmenter split decided it: its popup shows the character's entries."""
        lone = [*plan.pending, *plan.joined]
        cedict = self._cedict_for(key for i in lone for key in (text[i], plan.simplified[i]))
        for i in lone:
            listed = cedict.get(text[i]) or cedict.get(plan.simplified[i])
            if not listed:
                continue
            readings = listed.split("|")
            if not any(same_reading([out[i]], [r]) for r in readings):
                own = self.char_readings(plan.simplified[i])
                out[i] = next((r for r in own if r in readings), readings[0])

    def _apply_rules(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]],
        pending: Sequence[int], out: list[str],
    ) -> None:
        """Context rules (`polyphone_rules`) for lone polyphones, where they are sure, and
        the spoken reading of characters whose other readings live only in words."""
        single = self._single(words)
        for i in pending:
            if simplified[i] in ON_THEIR_OWN and i in single:
                out[i] = ON_THEIR_OWN[simplified[i]]
        self._doubled(simplified, words, pending, out)
        for i, reading in self._rule_readings(text, simplified, words, pending).items():
            out[i] = reading
        for i, reading in self._name_readings(text, simplified, words, pending).items():
            out[i] = reading

    @staticmethod
    def _doubled(
        simplified: str, words: Sequence[tuple[int, int]], pending: Collection[int],
        out: list[str],
    ) -> None:
        """A lone character doubling the first character of the word after it, or the last
        of the word before it, reads as in that word: the verb-object word doubled (撒撒网,
        聊聊天) and the ABB/AABB forms (懒懒散散: 懒/懒散/散). The word's reading is the
        dictionary's, the network's guess for the lone copy is not."""
        if not pending:
            return
        starts = {s: e for s, e in words if e - s > 1}
        ends = {e: s for s, e in words if e - s > 1}
        wanted = set(pending)
        for s, e in words:
            if e - s != 1 or s not in wanted:
                continue
            ch = simplified[s]
            if s + 1 in starts and simplified[s + 1] == ch and s + 1 not in wanted:
                out[s] = out[s + 1]
            elif s in ends and simplified[s - 1] == ch and s - 1 not in wanted:
                out[s] = out[s - 1]

    def _name_readings(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]],
        pending: Sequence[int],
    ) -> dict[int, str]:
        """Lone polyphones inside a name no dictionary lists, read as names use them:
        `polyphone_rules.SURNAMES` opening a person's name, `GIVEN_NAMES` after a known
        surname (为燕王, a word glued onto the state of Yān, is no given name), and
        `PLACE_ENDINGS` ending a name of three or more characters that opens with no known
        surname (乌沙涌, 太清观; a two-character one may be a person whose rare surname the
        list lacks)."""
        tables = (SURNAMES, GIVEN_NAMES, PLACE_ENDINGS)
        if not any(simplified[i] in table for i in pending for table in tables):
            return {}
        tagged = self._tagged_spans(text, words)
        if tagged is None:
            return {}
        known_surnames = surnames()
        wanted = set(pending)
        found: dict[int, str] = {}
        for start, end, tag in tagged:
            if end - start < 2 or not (tag.startswith("nr") or tag in ("ns", "nz")):
                continue
            given = simplified[start] in known_surnames
            place = PLACE_ENDINGS.get(simplified[end - 1])
            if place and not given and end - start > 2 and end - 1 in wanted:
                found[end - 1] = place
            if not tag.startswith("nr"):
                continue
            for i in range(start, end):
                if i in wanted and (i == start or given):
                    table = SURNAMES if i == start else GIVEN_NAMES
                    reading = table.get(simplified[i])
                    if reading:
                        found[i] = reading
        return found

    def _ruled_choices(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]],
        choices: list[tuple[int, Candidates]], fixed: dict[int, str],
        neutral_at: dict[int, str],
    ) -> list[tuple[int, Candidates]]:
        """Words the dictionary lists with several readings that differ at their first
        character, when it has a context rule (卡住 kǎ zhù / qiǎ zhù): the rule, reading the
        word as that character and its complement, keeps the readings that agree with it
        (卡 qiǎ before 住). A word down to one reading goes into `fixed`; the network
        chooses among the others."""
        tagged = None
        kept: list[tuple[int, Candidates]] = []
        for start, candidates in choices:
            readings = candidates.readings
            if simplified[start] in RULES and len({r[0] for r in readings}) > 1:
                if tagged is None:
                    tagged = self._tagged_spans(text, words)
                    if tagged is None:
                        return choices
                reading = _rule_inside(simplified, tagged, start, start + len(readings[0]))
                agree = [which for which, r in enumerate(readings)
                         if reading and same_reading([r[0]], [reading])]
                if agree:
                    neutral = tuple(candidates.open_tones(which) for which in agree)
                    candidates = Candidates([readings[which] for which in agree],
                                            candidates.backed, neutral)
                    readings = candidates.readings
            if len(readings) == 1:
                _settle(start, candidates, fixed, neutral_at)
            else:
                kept.append((start, candidates))
        return kept

    def _rule_readings(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]],
        positions: Iterable[int],
    ) -> dict[int, str]:
        """What the context rules are sure of, for those of `positions` that are a
        one-character word with a rule."""
        single = self._single(words)
        targets = [i for i in positions if simplified[i] in RULES and i in single]
        if not targets:
            return {}
        tagged = self._tagged_spans(text, words)
        if tagged is None:
            return {}
        index = {start: k for k, (start, _, _) in enumerate(tagged)}
        found: dict[int, str] = {}
        for i in targets:
            reading = RULES[simplified[i]](simplified, tagged, index[i])
            if reading is not None:
                found[i] = reading
        return found

    @staticmethod
    def _single(words: Sequence[tuple[int, int]]) -> set[int]:
        return {s for s, e in words if e - s == 1}

    def _predict(self, text: str, plan: _Plan, out: list[str]) -> None:
        """The network decides single polyphones, and chooses between the readings the
        dictionary lists for a word (it never invents a word reading)."""
        model = self.model()
        if model is None:
            return
        wanted = set(plan.pending)
        for start, candidates in plan.words:
            for k in range(len(candidates.readings[0])):
                if len({c[k] for c in candidates.readings}) > 1:
                    wanted.add(start + k)
        probs = self._probabilities(model, text, wanted)
        for i in plan.pending:
            p = probs.get(i)
            if p:
                out[i] = max(p, key=p.__getitem__)
        for start, candidates in plan.words:
            best = _choose(candidates.readings, start, probs)
            for k, syllable in enumerate(candidates.readings[best]):
                out[start + k] = syllable

    def _learnt_tones(self, text: str, plan: _Plan, out: list[str]) -> None:
        """A word syllable CC-CEDICT reads neutral takes the one tone the network learnt for
        those letters, where it learnt one (弟弟 dì dì, 姥姥 lǎo lǎo: its annotators never
        wrote those neutral), rather than pypinyin's tone; with both (边 biān/bian) the word's
        reading stays. Either way the reading is the dictionary's (`same_reading`)."""
        model = self.model()
        if model is None:
            return
        positions = dict(plan.neutral)
        for start, candidates in plan.words:
            chosen = tuple(out[start : start + len(candidates.readings[0])])
            if chosen in candidates.readings:
                n = candidates.readings.index(chosen)
                positions.update((start + k, toneless(chosen[k])) for k in candidates.open_tones(n))
        for i, letters in positions.items():
            labels = [label for c in model.candidates.get(text[i], ())
                      if toneless(label := model.labels[c]) == letters]
            if len(labels) == 1:
                out[i] = labels[0]

    def _probabilities(
        self, model: PolyphoneModel, text: str, wanted: Collection[int]
    ) -> dict[int, dict[str, float]]:
        sentences: list[str] = []
        targets: list[list[int]] = []
        offsets: list[int] = []
        for s, e in _chunks(text):
            inside = [i - s for i in range(s, e) if i in wanted and text[i] in model.candidates]
            if inside:
                sentences.append(text[s:e])
                targets.append(inside)
                offsets.append(s)
        found: dict[int, dict[str, float]] = {}
        for sentence_probs, tlist, offset in zip(
            model.probabilities(sentences, targets), targets, offsets, strict=True
        ):
            for p, t in zip(sentence_probs, tlist, strict=True):
                if p:
                    found[offset + t] = p
        return found


_FLOOR = 1e-4


def _rule_inside(
    simplified: str, tagged: Sequence[tuple[int, int, str]], start: int, end: int
) -> str | None:
    """What the first character's rule says of the segmentation word `start:end`, read as
    that character and its complement (both with the word's tag); None when the span is
    no segmentation word (a dictionary sub-word inside one): its context is not a word's."""
    n = next((n for n, span in enumerate(tagged) if span[:2] == (start, end)), -1)
    if n < 0:
        return None
    tag = tagged[n][2]
    view = [*tagged[:n], (start, start + 1, tag), (start + 1, end, tag), *tagged[n + 1 :]]
    return RULES[simplified[start]](simplified, view, n)


# Sub-words longer than this are not looked for inside a segmentation word.
_MAX_SUBWORD = 8
_CEDICT_CACHE = 200_000


def _choose(
    candidates: list[tuple[str, ...]], start: int, probs: dict[int, dict[str, float]]
) -> int:
    """The candidate whose syllables the network finds likeliest, over the positions where
    it knows every candidate's syllable (ties: the first)."""
    scores = [0.0] * len(candidates)
    for k in range(len(candidates[0])):
        p = probs.get(start + k)
        if not p:
            continue
        values = [_probability(p, c[k]) for c in candidates]
        if any(v is None for v in values):
            continue  # a reading the network never learnt: no opinion here
        for n, value in enumerate(values):
            scores[n] += math.log(max(value or 0.0, _FLOOR))
    return max(range(len(candidates)), key=scores.__getitem__)


def _probability(p: dict[str, float], syllable: str) -> float | None:
    value = p.get(syllable)
    if value is None and syllable == toneless(syllable):  # neutral: any tone of its letters
        same = [v for r, v in p.items() if toneless(r) == syllable]
        value = max(same) if same else None
    return value
