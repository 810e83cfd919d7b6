"""Contextual pinyin: accuracy on the CPP polyphone set, common words, load and read time.

    .venv/bin/python benchmarks/bench_pinyin.py [--limit N] [--split dev|test|both]

CPP (kakaobrain/g2pM, Apache-2.0; Park & Lee, Interspeech 2020) is read in place from
../shared/benchmarks/g2pm_cpp (override with ZHREADER_SHARED); score = the marked character's
pinyin with tone digits (5 = neutral, ü as u:), as in its SOURCE.md. Tune on dev, report test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import LARGEST_ARTICLE, PYTHON, REPO, shared_benchmarks

_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_SPLIT = "\u2581"

# (sentence, word in it, expected reading of that word): everyday readings a reader must get right.
COMMON = [
    ("我去银行取钱。", "银行", "yín háng"),
    ("孩子长大了。", "长大", "zhǎng dà"),
    ("他明天还钱。", "还钱", "huán qián"),
    ("我觉得很好。", "觉得", "jué de"),
    ("他慢慢地走了过来。", "慢慢地", "màn màn de"),
    ("衣服干了。", "干", "gān"),
    ("他跑得很快。", "得", "de"),
    ("他认真地学习。", "地", "de"),
    ("这个地方很大。", "地方", "dì fāng"),
    ("他们正在进行研究。", "进行", "jìn xíng"),
    ("这很重要。", "重要", "zhòng yào"),
    ("我们重新开始。", "重新", "chóng xīn"),
    ("他是首席执行长。", "执行长", "zhí xíng zhǎng"),
    ("公司在成长。", "成长", "chéng zhǎng"),
    ("我睡着了。", "睡着", "shuì zháo"),
    ("他看着我。", "着", "zhe"),
    ("我还没吃饭。", "还", "hái"),
    ("他为了工作。", "为了", "wèi le"),
]


def numbered(marked: str) -> str:
    """'lǜ' -> 'lu:4', 'de' -> 'de5' (the CPP label form)."""
    tone, letters = "5", []
    for ch in unicodedata.normalize("NFD", marked):
        if ch in _MARKS:
            tone = _MARKS[ch]
        elif ch == "\u0308":
            letters.append(":")
        else:
            letters.append(ch)
    return "".join(letters).replace("v", "u:") + tone


# ---- everyday text: CSMSC (see ../shared/benchmarks/csmsc_pinyin/SOURCE.md) ----------------

_ERHUA = re.compile(r"^([a-z]+?)r([1-5])$")


def load_everyday(limit: int | None = None) -> list[tuple[str, list[str | None]]]:
    """(sentence, gold syllable per character or None) for the CSMSC dev half.

    An erhua syllable (wanr1) is the syllable of the character before 儿 (its label is
    skipped, as SOURCE.md says); 儿 itself gets None. Sentences that do not align are skipped.
    """
    path = shared_benchmarks() / "csmsc_pinyin" / "dev.tsv"
    rows: list[tuple[str, list[str | None]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        _, sentence, syllables = line.split("\t")
        gold: list[str | None] = []
        queue = syllables.split()
        ok = True
        for i, ch in enumerate(sentence):
            if not ("\u4e00" <= ch <= "\u9fff"):
                gold.append(None)
                continue
            if ch == "儿" and i > 0 and gold and gold[-1] == "erhua":
                gold[-1] = None
                gold.append(None)
                continue
            if not queue:
                ok = False
                break
            syllable = queue.pop(0)
            erhua = _ERHUA.match(syllable)
            if erhua and syllable[:-1] != "er" and sentence[i + 1 : i + 2] == "儿":
                gold.append("erhua")
            else:
                gold.append(syllable)
        if ok and not queue and "erhua" not in gold:
            rows.append((sentence, gold))
        if limit is not None and len(rows) >= limit:
            break
    return rows


def _polyphones() -> dict[str, set[str]]:
    """Characters pypinyin lists with two or more readings (numbered, ü as v), 一/不 left out."""
    from pypinyin.pinyin_dict import pinyin_dict

    out: dict[str, set[str]] = {}
    for code, joined in pinyin_dict.items():
        readings = {_plain(numbered(r)) for r in joined.split(",")}
        if len(readings) > 1 and chr(code) not in "一不":
            out[chr(code)] = readings
    return out


def _plain(label: str) -> str:
    return label.replace("u:", "v").replace("ü", "v")


def everyday_targets(rows) -> list[tuple[int, int, str, bool]]:
    """(row, index, gold reading, sandhi context) for every scored polyphone occurrence.

    Neutral-tone labels are skipped. A gold 2nd tone before a 3rd or 2nd tone is a sandhi
    context: the gold is taken as the character's 3rd tone when it has one (the literal
    mapping of SOURCE.md), and `is_right` accepts either tone there.
    """
    polyphones = _polyphones()
    targets = []
    for r, (sentence, gold) in enumerate(rows):
        han = [i for i, g in enumerate(gold) if g is not None]
        following = {a: b for a, b in itertools.pairwise(han)}
        for i, ch in enumerate(sentence):
            label = gold[i]
            readings = polyphones.get(ch)
            if readings is None or label is None or label.endswith("5"):
                continue
            nxt = following.get(i)
            sandhi = label.endswith("2") and nxt is not None and gold[nxt][-1] in "23"
            if sandhi:
                third = label[:-1] + "3"
                if third in readings:
                    label = third
            targets.append((r, i, label, sandhi))
    return targets


def is_right(got: str, label: str, sandhi: bool, strict: bool = False) -> bool:
    """SOURCE.md: "a 2nd/3rd-tone difference caused by sandhi is not an error" — in a
    sandhi context the same letters with tone 2 or 3 are right (排 pái before a 3rd tone is
    its citation reading, said pái). `strict`: only the literal mapping (the gold taken as
    the character's 3rd tone), which counts such citation 2nd tones wrong."""
    if got == label:
        return True
    return not strict and sandhi and got[:-1] == label[:-1] and got[-1:] in ("2", "3")


def everyday_scores(
    predictions, rows, targets, strict: bool = False
) -> tuple[int, Counter, Counter]:
    """Right count, errors per character and per (character, gold, predicted)."""
    right = 0
    per_char: Counter = Counter()
    confusions: Counter = Counter()
    for r, i, label, sandhi in targets:
        got = _plain(predictions[r][i] or "")
        if is_right(got, label, sandhi, strict):
            right += 1
        else:
            ch = rows[r][0][i]
            per_char[ch] += 1
            confusions[ch, label, got] += 1
    return right, per_char, confusions


# Grammatical particles whose dictionary reading in that use is the neutral tone.
PARTICLES = "的地得着了过"


def neutral_particles(predictions, rows) -> tuple[int, int]:
    """Particles the speaker said neutral (which SOURCE.md's scoring skips): how many are
    shown neutral too (得 de in 跑得快, not dé)."""
    shown = total = 0
    for (sentence, labels), predicted in zip(rows, predictions, strict=True):
        for i, ch in enumerate(sentence):
            label = labels[i]
            if ch in PARTICLES and label and label.endswith("5"):
                total += 1
                shown += _plain(predicted[i] or "") == label
    return shown, total


def everyday(readers: dict[str, Callable], limit: int | None, table: int) -> None:
    rows = load_everyday(limit)
    targets = everyday_targets(rows)
    texts = [sentence for sentence, _ in rows]
    totals = Counter(rows[r][0][i] for r, i, _, _ in targets)
    sandhi = sum(t[3] for t in targets)
    print(
        f"everyday pinyin, CSMSC dev ({len(rows)} sentences, {len(targets)} polyphone"
        f" occurrences, {sandhi} in a sandhi context):\n"
        "  scored as its SOURCE.md says (sandhi: tone 2 or 3 right) | strict (the gold mapped"
        " to the 3rd tone, a citation 2nd tone counted wrong)"
    )
    errors: dict[str, Counter] = {}
    confusions: Counter = Counter()
    for name, make in readers.items():
        start = time.perf_counter()
        predictions = make()(texts)
        seconds = time.perf_counter() - start
        right, errors[name], conf = everyday_scores(predictions, rows, targets)
        strict, _, _ = everyday_scores(predictions, rows, targets, strict=True)
        if name == "zhreader":
            confusions = conf
        shown, said = neutral_particles(predictions, rows)
        print(
            f"  dev  {name:9} {right / len(targets) * 100:6.2f}%"
            f"  | strict {strict / len(targets) * 100:6.2f}%  ({seconds:.1f} s)"
            f"  | particles said neutral ({PARTICLES}), shown neutral: {shown}/{said}"
        )
    if table and "zhreader" in errors:
        names = list(errors)
        print(f"\n  per-character errors, worst {table} for zhreader (of occurrences):")
        print("  char  occ  " + "  ".join(f"{n:>8}" for n in names) + "  zhreader's confusions")
        for ch, _ in errors["zhreader"].most_common(table):
            mixes = [
                f"{gold}->{got or '?'} {n}"
                for (c, gold, got), n in confusions.most_common()
                if c == ch
            ][:3]
            print(
                f"  {ch}   {totals[ch]:4}  "
                + "  ".join(f"{errors[n][ch]:8}" for n in names)
                + "  " + ", ".join(mixes)
            )


def load_split(name: str, limit: int | None) -> list[tuple[str, int, str]]:
    base = shared_benchmarks() / "g2pm_cpp"
    sents = (base / f"{name}.sent").read_text(encoding="utf-8").splitlines()[:limit]
    labels = (base / f"{name}.lb").read_text(encoding="utf-8").splitlines()[:limit]
    rows = []
    for sent, label in zip(sents, labels, strict=True):
        rows.append((sent.replace(_SPLIT, ""), sent.index(_SPLIT), label.strip()))
    return rows


def pypinyin_reader() -> Callable[[list[str]], list[list[str]]]:
    from pypinyin import Style, lazy_pinyin

    def read(texts: list[str]) -> list[list[str]]:
        return [
            [
                p.replace("v", "u:")
                for p in lazy_pinyin(
                    t, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: list(s)
                )
            ]
            for t in texts
        ]

    return read


def g2pm_reader() -> Callable[[list[str]], list[list[str]]]:
    from g2pM import G2pM

    model = G2pM()
    return lambda texts: [model(t, char_split=True) for t in texts]


def zhreader_reader() -> Callable[[list[str]], list[list[str]]]:
    from app.core.analysis.analyzer import Analyzer

    reader = Analyzer().reader

    def read(texts: list[str]) -> list[list[str]]:
        # One call per block of lines exercises the batched network path.
        out: list[list[str]] = []
        for start in range(0, len(texts), 256):
            block = texts[start : start + 256]
            joined = "\n".join(block)
            readings = reader.read(joined)
            pos = 0
            for t in block:
                out.append([numbered(r) if r else "" for r in readings[pos : pos + len(t)]])
                pos += len(t) + 1
        return out

    return read


def accuracy(read: Callable[[list[str]], list[list[str]]], rows) -> tuple[float, float]:
    start = time.perf_counter()
    predictions = read([text for text, _, _ in rows])
    seconds = time.perf_counter() - start
    right = sum(pred[i] == label for pred, (_, i, label) in zip(predictions, rows, strict=True))
    return right / len(rows), seconds


def common_words() -> None:
    from pypinyin import Style, lazy_pinyin

    from app.core.analysis.analyzer import Analyzer

    g2pm = g2pm_reader()
    reader = Analyzer().reader
    passed = {"pypinyin": 0, "g2pM": 0, "zhreader": 0}
    print("\ncommon words (expected | pypinyin | g2pM | zhreader):")
    for sentence, word, expected in COMMON:
        i = sentence.index(word)
        span = slice(i, i + len(word))
        got = {
            "pypinyin": " ".join(lazy_pinyin(sentence, style=Style.TONE)[span]),
            "g2pM": " ".join(_mark_numbered(p) for p in g2pm([sentence])[0][span]),
            "zhreader": " ".join(reader.read(sentence)[span]),
        }
        for name, value in got.items():
            passed[name] += value == expected
        flag = "ok " if got["zhreader"] == expected else "BAD"
        print(
            f"  {flag} {word}: {expected} | {got['pypinyin']} | {got['g2pM']} | {got['zhreader']}"
        )
    total = len(COMMON)
    print("  passed: " + ", ".join(f"{k} {v}/{total}" for k, v in passed.items()))


def _mark_numbered(label: str) -> str:
    from app.core.language.cedict import numbered_to_marks

    return numbered_to_marks(label)


_TIMING = r"""
import json, sys, time
clock = time.process_time  # CPU seconds: the machine may be shared
w0, t0 = time.perf_counter(), clock()
sys.path.insert(0, sys.argv[1])
from app.core.analysis.analyzer import Analyzer
from app.core.text.script import to_simplified
import jieba
jieba.setLogLevel(60)
text = to_simplified(open(sys.argv[2], encoding="utf-8").read())
t1 = clock()
reader = Analyzer().reader
reader.tables()
t2 = clock()
model = reader.model()
t3 = clock()
arrays = [v for v in vars(model).values() if hasattr(v, "nbytes")]
model_mib = sum(a.nbytes for a in arrays) / 2**20
spans, pos = [], 0
for w in jieba.cut(text):
    spans.append((pos, pos + len(w))); pos += len(w)
t4 = clock()
reader.read(text, spans)
t5 = clock()
reader.read(text, spans)
t6 = clock()
print(json.dumps({"chars": len(text), "imports": t1 - t0, "tables": t2 - t1, "model": t3 - t2,
    "model_mib": model_mib, "jieba": t4 - t3, "first_read": t5 - t4,
    "second_read": t6 - t5, "total": t6 - t0, "wall": time.perf_counter() - w0}))
"""


def timing(article: Path) -> None:
    result = subprocess.run(
        [PYTHON, "-c", _TIMING, str(REPO), str(article)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    t = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\nCPU time, fresh process, {article.name} ({t['chars']} chars, as simplified):")
    print(f"  imports (pinyin, script, jieba module) {t['imports']:.3f} s")
    print(f"  word/char tables load                  {t['tables']:.3f} s")
    print(f"  network load (numpy + g2pM weights)    {t['model']:.3f} s")
    print(f"  network arrays                         {t['model_mib']:.1f} MiB")
    print(f"  jieba segmentation (incl. dict load)   {t['jieba']:.3f} s")
    print(
        f"  read() first / second call             {t['first_read']:.3f} / {t['second_read']:.3f} s"
    )
    print(f"  total CPU (wall)                       {t['total']:.3f} s ({t['wall']:.3f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N lines of each split")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--skip-baselines", action="store_true", help="only zhreader's reader")
    parser.add_argument("--everyday-only", action="store_true", help="only the CSMSC dev half")
    parser.add_argument("--table", type=int, default=25, help="rows of the error table")
    args = parser.parse_args()
    import jieba

    jieba.setLogLevel(60)
    readers = {} if args.skip_baselines else {"pypinyin": pypinyin_reader, "g2pM": g2pm_reader}
    readers["zhreader"] = zhreader_reader
    everyday(readers, args.limit, args.table)
    if args.everyday_only:
        return
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    print("\nCPP polyphone accuracy (marked character, tone digits):")
    for split in splits:
        rows = load_split(split, args.limit)
        for name, make in readers.items():
            acc, seconds = accuracy(make(), rows)
            right = round(acc * len(rows))
            print(f"  {split:4} {name:9} {acc * 100:6.3f}%  ({right}/{len(rows)} lines, "
                  f"{seconds:.1f} s)")
    common_words()
    timing(LARGEST_ARTICLE)


if __name__ == "__main__":
    main()
