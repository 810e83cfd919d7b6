"""Word segmentation: SIGHAN 2005 word F1, whole-word dictionary coverage, load/segment time.

    .venv/bin/python benchmarks/bench_segmentation.py [--limit N] [--skip-timing]

SIGHAN 2005 (icwb2-data, research use only) is read in place from
../shared/benchmarks/sighan2005 (override with ZHREADER_SHARED). Test input = the gold line
with its spaces removed (see its SOURCE.md); score = exact word spans, P/R/F1 as score.pl.
Every system sees the t2s conversion of the line (spans map back one to one), which is how
plain jieba reaches its published-level F1 on the traditional cityu/as corpora too.

Coverage = share of the tokens containing a Han character, in the five built-in articles
(raw files), whose text (or its simplified form) is a CC-CEDICT headword: how often the
popup can gloss the whole word instead of its parts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.text.chars import has_han
from benchmarks._common import ARTICLES, LARGEST_ARTICLE, PYTHON, REPO, shared_benchmarks

CORPORA = ("pku", "msr", "cityu", "as")
Spans = list[tuple[int, int]]


def gold_lines(corpus: str, limit: int | None) -> list[list[str]]:
    path = shared_benchmarks() / "sighan2005" / f"{corpus}_test_gold.utf8"
    lines: list[list[str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        words = line.split()
        if words:
            lines.append(words)
        if limit and len(lines) >= limit:
            break
    return lines


def _spans_of_words(words: Iterable[str]) -> Spans:
    spans, position = [], 0
    for word in words:
        spans.append((position, position + len(word)))
        position += len(word)
    return spans


def score(lines: list[list[str]], segment: Callable[[str], Spans]) -> tuple[float, float, float]:
    gold_total = system_total = correct = 0
    for words in lines:
        text = "".join(words)
        gold = set(_spans_of_words(words))
        system = [(s, e) for s, e in segment(text) if not text[s:e].isspace()]
        gold_total += len(gold)
        system_total += len(system)
        correct += len(gold.intersection(system))
    precision = correct / system_total if system_total else 0.0
    recall = correct / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def plain_segmenters() -> dict[str, Callable[[str], Spans]]:
    """The baselines: jieba and rjieba as they come, on the t2s conversion."""
    import logging

    import jieba
    import rjieba

    from app.core.text.script import to_simplified

    jieba.setLogLevel(logging.WARNING)
    return {
        "jieba (plain)": lambda text: _spans_of_words(jieba.lcut(to_simplified(text))),
        "rjieba (plain)": lambda text: _spans_of_words(rjieba.cut(to_simplified(text))),
    }


def coverage(segment: Callable[[str], Spans], contains: Callable[[str], bool]) -> dict[str, float]:
    from app.core.text.script import to_simplified

    shares = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        simplified = to_simplified(text)
        words = [(text[s:e], simplified[s:e]) for s, e in segment(text)]
        chinese = [(shown, simple) for shown, simple in words if has_han(shown)]
        whole = sum(1 for shown, simple in chinese if contains(shown) or contains(simple))
        shares[path.stem] = whole / len(chinese) if chinese else 0.0
    return shares


_TIMING = r"""
import json, sys, time
start = time.perf_counter()
backend = sys.argv[1]
text = open(sys.argv[2], encoding="utf-8").read()
if backend == "jieba":
    import jieba, logging
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    loaded = time.perf_counter()
    jieba.lcut(text)
elif backend == "rjieba":
    import rjieba
    rjieba.cut("中文")
    loaded = time.perf_counter()
    rjieba.cut(text)
else:
    from app.core.analysis.analyzer import Analyzer
    analyzer = Analyzer()
    analyzer.warm_up()
    loaded = time.perf_counter()
    analyzer.segment(text)
done = time.perf_counter()
print(json.dumps({"load": loaded - start, "segment": done - loaded}))
"""


def timing(backend: str, runs: int = 3) -> tuple[float, float]:
    """Median (import + load, segment the largest article) in fresh processes."""
    loads, segments = [], []
    for _ in range(runs):
        out = subprocess.run(
            [PYTHON, "-c", _TIMING, backend, str(LARGEST_ARTICLE)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        loads.append(figures["load"])
        segments.append(figures["segment"])
    return sorted(loads)[runs // 2], sorted(segments)[runs // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="lines per SIGHAN corpus")
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument(
        "--halves", action="store_true",
        help="also score each corpus' first half of lines (used to choose the split "
        "rule: SIGHAN has no dev split) and second half (held out) separately")
    args = parser.parse_args()

    from app.core.analysis.analyzer import Analyzer

    analyzer = Analyzer()
    contains = analyzer.dictionary.contains
    systems = plain_segmenters()
    systems["zhreader"] = analyzer.segment

    print(f"SIGHAN 2005 test, word P/R/F1 ({args.limit or 'all'} lines per corpus)")
    for corpus in CORPORA:
        lines = gold_lines(corpus, args.limit)
        for name, segment in systems.items():
            started = time.perf_counter()
            precision, recall, f1 = score(lines, segment)
            seconds = time.perf_counter() - started
            print(
                f"  {corpus:6s} {name:15s} P {precision:.4f}  R {recall:.4f}  "
                f"F1 {f1:.4f}  ({seconds:.1f} s)",
                flush=True,
            )
            if args.halves and name == "zhreader":
                half = len(lines) // 2
                first = score(lines[:half], segment)[2]
                second = score(lines[half:], segment)[2]
                print(f"  {corpus:6s} {name:15s} first half (tuning) F1 {first:.4f}  "
                      f"second half (held out) F1 {second:.4f}", flush=True)

    print("Whole-word CC-CEDICT coverage of Chinese tokens, built-in articles (raw files)")
    shares = {name: coverage(segment, contains) for name, segment in systems.items()}
    for article in shares["zhreader"]:
        row = "  ".join(f"{name} {shares[name][article]:.3f}" for name in shares)
        print(f"  {article:36s} {row}")

    if not args.skip_timing:
        print(f"Load and segment time, {LARGEST_ARTICLE.name} (median of 3 fresh processes)")
        for backend in ("jieba", "rjieba", "zhreader"):
            load, seconds = timing(backend)
            print(f"  {backend:9s} import+load {load:.3f} s   segment {seconds:.4f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
