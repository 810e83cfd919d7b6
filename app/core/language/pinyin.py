"""Contextual pinyin: one tone-marked syllable per character of simplified text.

Why a hybrid: a dictionary reading of the whole word (银行 yín háng) is right almost
always, but single-character words (了, 得, 还, 长 ...) need the sentence. pypinyin alone
picks the first listed reading (87.9% on the CPP polyphone test set); the g2pM BiLSTM
reads the sentence (97.3%) but misreads common words (银行 -> yín xíng); this reader
scores 97.6% (benchmarks/bench_pinyin.py). So, per
polyphonic character:

1. a word reading from ``dictionaries/pinyin_overrides.txt`` (project-made, a few
   frequent words and fixed expressions) or pypinyin's phrase dictionary, for the
   multi-character segmentation word that contains it;
   (the adverbial particle 地 after a word of two or more characters reads "de");
2. otherwise the g2pM BiLSTM's prediction restricted to the character's readings,
   which also overrules a phrase-table (not an override) reading when nearly certain;
3. otherwise pypinyin's most frequent reading.

Monophonic characters take pypinyin's reading directly. The network runs only on the
sentences that still hold an unsettled polyphone, batched.

The network is g2pM (Park & Lee, "A Neural Grapheme-to-Phoneme Conversion Package for
Mandarin Chinese Based on a New Open Benchmark Dataset", Interspeech 2020,
https://github.com/kakaobrain/g2pM, Apache-2.0). Its forward pass is reimplemented
here (batched, input projections precomputed) on the weights shipped inside the
installed ``g2pM`` package; without numpy the reader still works, dictionary-only.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import json
import marshal
import os
import pickle
import re
import sys
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.paths import atomic_write_bytes, cache_dir, dictionaries_dir
from app.core.shared import ProcessWide
from app.core.text.chars import is_han

# Where the network's input is cut: it was trained on single sentences.
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_END = re.compile(r"[，,、：:]")
# Punctuation that closes a clause (for override lines ending in "|").
_CLAUSE_FINAL = frozenset("。！？!?；;，,、：:…）)」』”\n")
_MAX_CHUNK = 150
_BATCH = 64
_OVERRIDES_FILE = "pinyin_overrides.txt"
_TABLES_CACHE_VERSION = 3
# The phrase table loads in this many pieces, so a GUI sharing the process never waits
# for one long unmarshal (~0.2 s whole).
_TABLE_PARTS = 8
# The network overrules a dictionary word's reading only above this probability
# (CPP dev, before overrides: 97.38% word-first, 97.36% network-first, 97.86% with
# this threshold; plateau 0.995-0.9999).
_OVERRULE_WORD = 0.999


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
    """Readings by character ("háng,xíng", most frequent first), by word ("yín háng"),
    and the project's overrides; plain strings keep the cache quick to load."""

    chars: dict[str, str]
    words: dict[str, str]
    max_word: int
    overrides: Overrides


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _pypinyin_version(base: Path) -> str:
    stats = [(base / f).stat() for f in ("pinyin_dict.json", "phrases_dict.json")]
    return "|".join(f"{st.st_size}:{st.st_mtime_ns}" for st in stats)


def _build_pypinyin_tables(base: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Read pypinyin's own JSON data (importing pypinyin costs ~0.7 s; this ~0.2 s, once)."""
    with open(base / "pinyin_dict.json", encoding="utf-8") as fh:
        chars = {chr(int(code)): value for code, value in json.load(fh).items()}
    with open(base / "phrases_dict.json", encoding="utf-8") as fh:
        raw_words = json.load(fh)
    words: dict[str, str] = {}
    for word, syllables in raw_words.items():
        if len(syllables) != len(word):
            continue
        # A word only matters if it decides a polyphone.
        if any("," in chars.get(ch, "") for ch in word):
            words[word] = " ".join(s[0] for s in syllables)
    return chars, words


def _load_pypinyin_tables() -> tuple[dict, dict]:
    """pypinyin's tables, via a marshal cache in cache_dir() keyed by pypinyin's files."""
    base = _package_dir("pypinyin")
    if base is None:
        return {}, {}
    version = _pypinyin_version(base)
    cache = cache_dir() / "pinyin_tables.marshal"
    try:
        stored_version, cached_version, chars, parts = marshal.loads(cache.read_bytes())
        if stored_version == _TABLES_CACHE_VERSION and cached_version == version:
            words: dict = {}
            for part in parts:  # one C call per part: the GUI thread gets the GIL between
                words.update(marshal.loads(part))
            return chars, words
    except (OSError, ValueError, EOFError, TypeError):
        pass
    chars, words = _build_pypinyin_tables(base)
    items = list(words.items())
    parts = [marshal.dumps(dict(items[i::_TABLE_PARTS])) for i in range(_TABLE_PARTS)]
    with contextlib.suppress(OSError):
        atomic_write_bytes(cache, marshal.dumps((_TABLES_CACHE_VERSION, version, chars, parts)))
    return chars, words


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
    chars, words = _load_pypinyin_tables()
    path = dictionaries_dir() / _OVERRIDES_FILE
    overrides = Overrides({}, 0)
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            overrides = parse_overrides(fh)
    return _Tables(chars, words, max((len(w) for w in words), default=1), overrides)


def _adverbial_de(
    text: str, words: Sequence[tuple[int, int]], settled: Collection[int]
) -> list[int]:
    """地 read "de": the adverbial particle after a word of two or more characters
    (认真地, 慢慢地, 不断地), unless a dictionary word already reads it (地方, 地区).
    jieba sometimes glues it to the next character (地说), so a word start counts."""
    found = []
    for (prev_start, prev_end), (start, _) in itertools.pairwise(words):
        if (
            text[start] == "地"
            and start not in settled
            and prev_end == start
            and prev_end - prev_start >= 2
            and all(is_han(ch) for ch in text[prev_start:prev_end])
        ):
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

        state = load("np_ckpt.pkl")
        self._char_ids: dict[str, int] = load("char2idx.pkl")
        class_ids: dict[str, int] = load("class2idx.pkl")
        candidates: dict[str, list[str]] = load("digest_cedict.pkl")
        self._np = np
        self._unk = self._char_ids["<UNK>"]
        self._bos = self._char_ids["시"]  # g2pM's BOS/EOS tokens
        self._eos = self._char_ids["끝"]
        self.labels = [""] * len(class_ids)
        for label, index in class_ids.items():
            self.labels[index] = numbered_to_marks(label)
        # Readings each polyphonic character may take (class indices).
        self.candidates: dict[str, np.ndarray] = {
            ch: np.array([class_ids[p] for p in prons if p in class_ids], dtype=np.int64)
            for ch, prons in candidates.items()
            if len(prons) > 1
        }
        emb = state["embedding.weight"].astype(np.float32)
        hid = state["lstm.weight_hh_l0"].shape[1]
        # sigmoid(z) = (tanh(z/2) + 1) / 2: halving the i, f, o gate rows lets one tanh
        # per step serve all four gates (PyTorch gate order i, f, g, o).
        scale = np.full(4 * hid, 0.5, dtype=np.float32)
        scale[2 * hid : 3 * hid] = 1.0
        # Input projections of every vocabulary item, forward rows then backward: (2V, 4H).
        self._x_proj = np.concatenate(
            [
                (
                    emb @ state[f"lstm.weight_ih_l0{s}"].T
                    + state[f"lstm.bias_ih_l0{s}"]
                    + state[f"lstm.bias_hh_l0{s}"]
                )
                * scale
                for s in ("", "_reverse")
            ]
        ).astype(np.float32)
        self._vocab_size = emb.shape[0]
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
    base = _package_dir("g2pM")
    if base is None or importlib.util.find_spec("numpy") is None:
        return None
    if "numpy" not in sys.modules:
        # The matrices are tiny: BLAS worker threads only add contention (2x CPU time).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        return PolyphoneModel(base)
    except (OSError, KeyError, pickle.UnpicklingError):
        return None


_simplified_chars: dict[str, str] = {}


def _simplified_for_lookup(text: str) -> str:
    """The analysis passes simplified text; stray traditional characters are converted
    (length kept) so word tables and the network still recognise them."""
    from app.core.text.script import to_simplified

    known = _simplified_chars
    for ch in set(text) - known.keys():
        known[ch] = to_simplified(ch) if is_han(ch) else ch
    if all(known[ch] == ch for ch in text):
        return text
    converted = to_simplified(text)
    if len(converted) != len(text):
        converted = "".join(known[ch] for ch in text)
    return converted


def _word_spans(text: str) -> list[tuple[int, int]]:
    """The reader's own words, so pinyin context matches what the window shows."""
    from app.core.language.segmentation import segment

    return segment(text)


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentence spans for the network; overlong ones cut at clause marks, then hard."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.end()))
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


class PinyinReader:
    """Reads text in context; tables and network load on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tables: _Tables | None = None
        self._model: PolyphoneModel | None = None
        self._model_loaded = False
        self._split_readings: dict[str, tuple[str, ...]] = {}

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

    def char_readings(self, ch: str) -> tuple[str, ...]:
        """Every reading pypinyin knows for a character, the most frequent first."""
        readings = self._split_readings.get(ch)
        if readings is None:
            joined = self.tables().chars.get(ch)
            readings = tuple(joined.split(",")) if joined else ()
            self._split_readings[ch] = readings
        return readings

    def word_readings(self, text: str, words: Sequence[tuple[int, int]]) -> dict[int, str]:
        """Readings settled by a dictionary word: whole segmentation words, else their
        longest dictionary sub-words."""
        tables = self.tables()
        settled: dict[int, str] = {}
        for start, end in words:
            if end - start < 2:
                continue
            pos = start
            while pos < end - 1:
                for length in range(min(end - pos, tables.max_word), 1, -1):
                    reading = tables.words.get(text[pos : pos + length])
                    if reading is not None:
                        for k, syllable in enumerate(reading.split()):
                            settled[pos + k] = syllable
                        pos += length
                        break
                else:
                    pos += 1
        return settled

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

    def read(
        self, simplified_text: str, words: Sequence[tuple[int, int]] | None = None
    ) -> list[str]:
        """One tone-marked syllable per Han character, "" for everything else."""
        text = simplified_text
        out = [""] * len(text)
        if not any(is_han(ch) for ch in text):
            return out
        text = _simplified_for_lookup(text)
        if words is None:
            words = _word_spans(text)
        fixed = self.override_readings(text, words)
        from_words = self.word_readings(text, words)
        for i in _adverbial_de(text, words, from_words):
            fixed.setdefault(i, "de")
        pending: list[int] = []
        for i, ch in enumerate(text):
            readings = self.char_readings(ch) if is_han(ch) else ()
            if not readings:
                continue
            if i in fixed:
                out[i] = fixed[i]
            elif len(readings) == 1:
                out[i] = readings[0]
            else:
                out[i] = from_words.get(i, readings[0])
                pending.append(i)
        if pending:
            self._predict(text, pending, out, word_settled=from_words.keys())
        return out

    def _predict(
        self, text: str, pending: list[int], out: list[str], word_settled: Collection[int]
    ) -> None:
        """The network decides unsettled polyphones; it overrules a dictionary word only
        when it is nearly certain (tuned on the CPP dev split: such cases are mostly
        rare words the phrase table reads wrongly)."""
        model = self.model()
        if model is None:
            return
        pending_set = set(pending)
        sentences: list[str] = []
        targets: list[list[int]] = []
        offsets: list[int] = []
        for s, e in _chunks(text):
            inside = [
                i - s for i in range(s, e) if i in pending_set and text[i] in model.candidates
            ]
            if inside:
                sentences.append(text[s:e])
                targets.append(inside)
                offsets.append(s)
        for sentence_probs, tlist, offset in zip(
            model.probabilities(sentences, targets), targets, offsets, strict=True
        ):
            for probs, t in zip(sentence_probs, tlist, strict=True):
                if not probs:
                    continue
                best = max(probs, key=probs.__getitem__)
                if offset + t not in word_settled or probs[best] > _OVERRULE_WORD:
                    out[offset + t] = best


# The process-wide reader (its tables and network load lazily, once).
get_reader: ProcessWide[PinyinReader] = ProcessWide(PinyinReader)
